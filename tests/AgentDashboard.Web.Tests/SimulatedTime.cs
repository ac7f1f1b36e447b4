namespace AgentDashboard.Web.Tests;

/// <summary>
/// A clock that runs at real speed from a fixed instant, so what a test sees never depends on the day it runs; a
/// test can move it forward instead of waiting.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan offset = start - System.GetUtcNow();
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    public void Advance(TimeSpan by) => offset += by;
}

/// <summary>The fixed instants the tests stand on.</summary>
public static class SimulatedTime
{
    /// <summary>Tuesday 17 November 2026, 10:30 in New York (15:30 UTC): a busy hour. Every host starts here unless a test says otherwise.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 17, 15, 30, 0, TimeSpan.Zero);
}
