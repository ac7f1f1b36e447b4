using AgentDashboard.Core.Live;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Tests;

/// <summary>When an agent's status began, from their status changes over the feed's look-back and the last change before it.</summary>
public sealed class LiveAgentStartTests
{
    // Monday 08:10 in New York; the feed looks back one day, to Sunday 08:10.
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 13, 10, 0, TimeSpan.Zero);
    private static readonly long WindowStart = Now.AddDays(-1).ToUnixTimeMilliseconds();
    private static readonly DateTimeOffset FridayEvening = new(2026, 11, 13, 22, 2, 0, TimeSpan.Zero);

    private static StatusChange Change(DateTimeOffset at, string from, string to, string? by = null) =>
        new(at.ToUnixTimeMilliseconds(), to) { PreviousStatus = from, TriggeredByUsername = by };

    private static LiveAgent Start(StatusChange? before, params StatusChange[] changes) =>
        LiveAgent.FromHistory(new AgentStatusHistory("1", "Jan", before, changes), WindowStart);

    [Fact]
    public void Offline_since_friday_reads_from_the_change_before_the_window()
    {
        var jan = Start(Change(FridayEvening, "Available", "Offline", "Jan"));
        Assert.Equal(("Offline", FridayEvening, SinceKind.Exact, "Jan"), (jan.Status, jan.Since, jan.SinceKind, jan.TriggeredBy));
        Assert.Equal(Now - FridayEvening, jan.TimeInStatus(Now));
    }

    [Fact]
    public void The_newest_change_in_the_window_wins()
    {
        var jan = Start(Change(FridayEvening, "Available", "Offline"), Change(Now.AddMinutes(-10), "Offline", "Available"));
        Assert.Equal(("Available", Now.AddMinutes(-10), SinceKind.Exact), (jan.Status, jan.Since, jan.SinceKind));
    }

    [Fact]
    public void A_check_in_into_the_same_status_does_not_restart_it()
    {
        // Forgot to sign off on Friday: this morning's automatic check-in finds the agent Available already.
        var jan = Start(Change(FridayEvening, "On Break", "Available"), Change(Now.AddMinutes(-70), "Available", "Available"));
        Assert.Equal(("Available", FridayEvening, SinceKind.Exact), (jan.Status, jan.Since, jan.SinceKind));
    }

    [Fact]
    public void With_only_check_ins_on_record_it_began_before_the_oldest()
    {
        var checkIn = Change(FridayEvening, "Available", "Available");
        var jan = Start(checkIn, Change(Now.AddMinutes(-70), "Available", "Available"));
        Assert.Equal(("Available", FridayEvening, SinceKind.Before, null), (jan.Status, jan.Since, jan.SinceKind, jan.TriggeredBy));
    }

    [Fact]
    public void With_nothing_on_record_the_status_is_unknown_and_began_before_the_window()
    {
        var jan = Start(null);
        Assert.Equal((null, DateTimeOffset.FromUnixTimeMilliseconds(WindowStart), SinceKind.Before), (jan.Status, jan.Since, jan.SinceKind));

        // The first poll tells the status, and that it has held since before the window: no duration is invented.
        var (board, _) = new BoardSnapshot([jan], Now).Apply([new PolledStatus("1", "Offline", null)], Now.AddSeconds(10));
        Assert.Equal(("Offline", DateTimeOffset.FromUnixTimeMilliseconds(WindowStart), SinceKind.Before),
            (board.Agents[0].Status, board.Agents[0].Since, board.Agents[0].SinceKind));
    }

    [Fact]
    public void A_change_with_no_previous_status_on_record_counts_as_a_change()
    {
        var jan = Start(null, new StatusChange(Now.AddMinutes(-5).ToUnixTimeMilliseconds(), "Busy"));
        Assert.Equal(("Busy", Now.AddMinutes(-5), SinceKind.Exact), (jan.Status, jan.Since, jan.SinceKind));
    }
}
