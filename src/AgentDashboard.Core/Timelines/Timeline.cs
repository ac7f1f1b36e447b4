namespace AgentDashboard.Core.Timelines;

/// <summary>
/// A stretch of one status inside one local day. <see cref="Cause"/> is the hit that started the stretch (null
/// when the window opened in it with no hit to say how), which may lie before the day when the stretch spans midnight.
/// </summary>
public readonly record struct TimelineSegment(string Status, long Start, long End, StatusChange? Cause)
{
    public long DurationMs => End - Start;
}

/// <summary>Milliseconds per status, in the order first seen, with Working Time (every status but Offline).</summary>
public sealed class StatusTotals
{
    private readonly List<(string Status, long Ms)> totals = [];

    public IReadOnlyList<(string Status, long Ms)> ByStatus => totals;

    public long WorkingTimeMs { get; private set; }

    public long this[string status] =>
        status == StatusCatalogue.WorkingTime ? WorkingTimeMs : IndexOf(status) is var i and >= 0 ? totals[i].Ms : 0;

    public void Add(string status, long ms)
    {
        int i = IndexOf(status);
        if (i < 0) totals.Add((status, ms));
        else totals[i] = (status, totals[i].Ms + ms);
        if (StatusCatalogue.IsWorking(status)) WorkingTimeMs += ms;
    }

    // A loop, not FindIndex with a lambda: the lambda captures the status, and a closure per segment was two
    // thirds of what building a million hits allocated.
    private int IndexOf(string status)
    {
        for (int i = 0; i < totals.Count; i++)
        {
            if (totals[i].Status == status) return i;
        }
        return -1;
    }

    public void Add(StatusTotals other)
    {
        foreach (var (status, ms) in other.totals) Add(status, ms);
    }
}

/// <summary>One agent's local day: its segments in time order, the check-ins that changed nothing, and the day's totals.</summary>
public sealed class TimelineDay(DateOnly date, long start, long end, int expectedSegments = 4)
{
    public DateOnly Date { get; } = date;
    public long Start { get; } = start;

    /// <summary>The next local midnight: 23 or 25 hours after <see cref="Start"/> on the days the clocks change.</summary>
    public long End { get; } = end;

    public long LengthMs => End - Start;
    public List<TimelineSegment> Segments { get; } = new(expectedSegments);
    public List<StatusChange> CheckIns { get; } = [];
    public StatusTotals Totals { get; } = new();
}

/// <summary>One agent's timeline: a lane per local day of the window (excluded weekdays left out).</summary>
public sealed record AgentTimeline(string AgentId, string AgentName, IReadOnlyList<TimelineDay> Days)
{
    /// <summary>The totals over every day of the window.</summary>
    public StatusTotals Totals()
    {
        var sum = new StatusTotals();
        foreach (var day in Days) sum.Add(day.Totals);
        return sum;
    }

    /// <summary>True when the window had nothing to say about this agent: no hit and no status before it.</summary>
    public bool HasNoData => Days.All(d => d.Segments.Count == 0 && d.CheckIns.Count == 0);
}
