using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;

namespace AgentDashboard.Simulator.Voice;

/// <summary>The part of a metrics request that decides which time counts: window, zone, excluded days and statuses.</summary>
internal sealed record MetricsWindow(long From, long To, TimeZoneInfo Zone, IReadOnlySet<DayOfWeek> ExcludedDays, IReadOnlySet<Status> ExcludedStatuses)
{
    /// <summary>The local days of the window that are not excluded, in order.</summary>
    public IReadOnlyList<DateOnly> Days { get; } = LocalDays(From, To, Zone).Where(d => !ExcludedDays.Contains(d.DayOfWeek)).ToList();

    public DateOnly LocalDate(long instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(instant), Zone).DateTime);

    public long LocalMidnight(DateOnly date) => DaySimulator.LocalToInstant(date, TimeSpan.Zero, Zone);

    private static IEnumerable<DateOnly> LocalDays(long from, long to, TimeZoneInfo zone)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(from), zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(to - 1), zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
    }
}

/// <summary>One status's figures: total time, longest and shortest unbroken stretch.</summary>
internal sealed class Figures
{
    public long Sum;
    public long Max;
    public long Min = long.MaxValue;

    public void Add(long stretch)
    {
        Sum += stretch;
        Max = Math.Max(Max, stretch);
        Min = Math.Min(Min, stretch);
    }
}

/// <summary>
/// An agent's time per status over a window, overall and per local day, computed from the same timeline the
/// status-audit hits come from. A stretch in one status is cut at the window's ends and at local midnights;
/// its parts on excluded days do not count. Working Time is every status except Offline.
/// </summary>
internal sealed class StatusTotals
{
    public Dictionary<Status, Figures> Period { get; } = [];
    public Dictionary<DateOnly, Dictionary<Status, Figures>> ByDay { get; } = [];

    public static StatusTotals For(CallCentreSimulation simulation, Agent agent, MetricsWindow window)
    {
        var totals = new StatusTotals();
        long end = Math.Min(window.To, simulation.Now);
        if (end <= window.From)
        {
            return totals;
        }
        var status = simulation.LastEventBefore(agent, window.From)?.Status ?? Status.Offline;
        long since = window.From;
        foreach (var change in simulation.Events(agent, window.From, end))
        {
            totals.AddStretch(status, since, change.Time, window);
            status = change.Status;
            since = change.Time;
        }
        totals.AddStretch(status, since, end, window);
        return totals;
    }

    private void AddStretch(Status status, long from, long to, MetricsWindow window)
    {
        if (to <= from || window.ExcludedStatuses.Contains(status))
        {
            return;
        }
        long counted = 0;
        for (var day = window.LocalDate(from); ; day = day.AddDays(1))
        {
            long dayStart = Math.Max(from, window.LocalMidnight(day));
            long dayEnd = Math.Min(to, window.LocalMidnight(day.AddDays(1)));
            if (dayEnd > dayStart && !window.ExcludedDays.Contains(day.DayOfWeek))
            {
                if (!ByDay.TryGetValue(day, out var figures)) ByDay[day] = figures = [];
                Get(figures, status).Add(dayEnd - dayStart);
                counted += dayEnd - dayStart;
            }
            if (dayEnd >= to) break;
        }
        if (counted > 0)
        {
            Get(Period, status).Add(counted);
        }
    }

    private static Figures Get(Dictionary<Status, Figures> map, Status status)
    {
        if (!map.TryGetValue(status, out var figures)) map[status] = figures = new Figures();
        return figures;
    }

    /// <summary>Working Time for a set of figures: the sum of every status but Offline; max and min across them.</summary>
    public static Figures WorkingTime(Dictionary<Status, Figures> figures)
    {
        var working = new Figures();
        foreach (var (status, f) in figures)
        {
            if (status == Status.Offline || f.Sum == 0) continue;
            working.Sum += f.Sum;
            working.Max = Math.Max(working.Max, f.Max);
            working.Min = Math.Min(working.Min, f.Min);
        }
        return working;
    }
}
