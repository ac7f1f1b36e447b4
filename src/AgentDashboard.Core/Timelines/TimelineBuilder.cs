namespace AgentDashboard.Core.Timelines;

/// <summary>What to leave out of timelines and totals: weekdays (their lanes go) and statuses (their time becomes a gap).</summary>
public sealed record TimelineFilter(IReadOnlySet<DayOfWeek> ExcludedDays, IReadOnlySet<string> ExcludedStatuses)
{
    public static TimelineFilter None { get; } = new(new HashSet<DayOfWeek>(), new HashSet<string>());
}

/// <summary>
/// Turns status-audit histories into per-day segments and totals, following the vendor's examples: the agent is
/// in <see cref="AgentStatusHistory.Before"/>'s status when the window opens; each hit closes the open segment and
/// opens one in its status; the last runs to the window's end or to now. Segments are cut at local midnights.
/// A check-in (same status again) is kept as an event and does not break the segment. One pass over the hits.
/// </summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<AgentTimeline> Build(IEnumerable<AgentStatusHistory> agents, LocalDays days, long now, TimelineFilter? filter = null)
    {
        filter ??= TimelineFilter.None;
        var timelines = new List<AgentTimeline>();
        foreach (var agent in agents)
        {
            timelines.Add(Build(agent, days, now, filter));
        }
        return timelines;
    }

    public static AgentTimeline Build(AgentStatusHistory agent, LocalDays days, long now, TimelineFilter filter)
    {
        var lanes = new TimelineDay?[days.Count];
        int perDay = agent.Changes.Count / days.Count + 2; // sized once: growing 31,000 lists by doubling doubled the build's allocations
        for (int i = 0; i < days.Count; i++)
        {
            if (!filter.ExcludedDays.Contains(days.DateAt(i).DayOfWeek))
            {
                lanes[i] = new TimelineDay(days.DateAt(i), days.Bounds[i], days.Bounds[i + 1], perDay);
            }
        }
        Fill(agent, days.Bounds, lanes, now, filter.ExcludedStatuses);
        return new AgentTimeline(agent.AgentId, agent.AgentName, lanes.Where(l => l is not null).ToList()!);
    }

    /// <summary>One stretch of time as a single lane, not cut at midnight: the minutes around a queue call.</summary>
    public static TimelineDay Window(AgentStatusHistory agent, long from, long to, long now)
    {
        var lane = new TimelineDay(LocalDays.DateOf(from, TimeZoneInfo.Utc), from, to);
        Fill(agent, [from, to], [lane], now, new HashSet<string>());
        return lane;
    }

    private static void Fill(AgentStatusHistory agent, IReadOnlyList<long> bounds, TimelineDay?[] lanes, long now, IReadOnlySet<string> excludedStatuses)
    {
        var writer = new LaneWriter(lanes, bounds, excludedStatuses);
        long start = bounds[0], end = Math.Min(bounds[^1], now);
        var changes = InTimeOrder(agent.Changes);

        // The status when the window opens: the last change before it, else what the first hit says it left.
        string? status = agent.Before?.Status;
        StatusChange? cause = agent.Before;
        if (status is null && changes.Count > 0 && changes[0].PreviousStatus is { } left && (changes[0].PreviousAt ?? start) <= start)
        {
            status = left;
        }
        long since = start;
        foreach (var change in changes)
        {
            if (change.At < start)
            {
                (status, cause) = (change.Status, change);
                continue;
            }
            if (change.At >= end)
            {
                break;
            }
            if (change.Status == status)
            {
                writer.CheckIn(change);
                continue;
            }
            writer.Write(status, since, change.At, cause);
            (status, since, cause) = (change.Status, change.At, change);
        }
        writer.Write(status, since, end, cause);
    }

    /// <summary>The hits as given when they are in order (the usual case); sorted otherwise.</summary>
    private static IReadOnlyList<StatusChange> InTimeOrder(IReadOnlyList<StatusChange> changes)
    {
        for (int i = 1; i < changes.Count; i++)
        {
            if (changes[i].At < changes[i - 1].At)
            {
                return changes.OrderBy(c => c.At).ToList();
            }
        }
        return changes;
    }

    /// <summary>
    /// Cuts segments at local midnights into the lanes. Segments and check-ins each come in time order, so each has a
    /// cursor that only moves forward; they need their own, as a check-in comes before the segment it falls in is written.
    /// </summary>
    private sealed class LaneWriter(TimelineDay?[] lanes, IReadOnlyList<long> bounds, IReadOnlySet<string> excludedStatuses)
    {
        private int day, checkInDay;

        public void Write(string? status, long from, long to, StatusChange? cause)
        {
            if (status is null || to <= from || excludedStatuses.Contains(status))
            {
                return; // no known status yet, or one left out: a gap
            }
            while (from < to)
            {
                while (bounds[day + 1] <= from) day++;
                long pieceEnd = Math.Min(to, bounds[day + 1]);
                if (lanes[day] is { } lane)
                {
                    lane.Segments.Add(new TimelineSegment(status, from, pieceEnd, cause));
                    lane.Totals.Add(status, pieceEnd - from);
                }
                from = pieceEnd;
            }
        }

        public void CheckIn(StatusChange change)
        {
            if (excludedStatuses.Contains(change.Status)) return;
            while (bounds[checkInDay + 1] <= change.At) checkInDay++;
            lanes[checkInDay]?.CheckIns.Add(change);
        }
    }
}
