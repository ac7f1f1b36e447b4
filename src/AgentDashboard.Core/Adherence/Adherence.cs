using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Adherence;

/// <summary>One scheduled stretch of one agent: [<see cref="Start"/>, <see cref="End"/>) in epoch ms, and what they should be doing.</summary>
public sealed record ScheduledActivity(string AgentId, long Start, long End, string Activity);

/// <summary>
/// Which statuses keep to which activity. <c>Off</c> is not scheduled time. An activity with no rule is kept by a
/// custom status of the same name.
/// </summary>
public sealed class ActivityRules(IReadOnlyDictionary<string, IReadOnlySet<string>> keptBy)
{
    public const string Work = "Work";
    public const string Off = "Off";

    /// <summary>The statuses that count as working, for conformance, late starts and early leaves.</summary>
    public static IReadOnlySet<string> Working { get; } = new HashSet<string>(StringComparer.Ordinal) { StatusCatalogue.Available, StatusCatalogue.OnCall, StatusCatalogue.Busy };

    public static ActivityRules Default { get; } = new(new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [Work] = Working,
        ["Break"] = new HashSet<string>(StringComparer.Ordinal) { StatusCatalogue.OnBreak },
        ["Lunch"] = new HashSet<string>(StringComparer.Ordinal) { StatusCatalogue.OnBreak },
        ["Meeting"] = new HashSet<string>(StringComparer.Ordinal) { StatusCatalogue.Busy, "Meeting" },
        ["Training"] = new HashSet<string>(StringComparer.Ordinal) { StatusCatalogue.Busy, "Training" },
    });

    /// <summary>Each activity with a rule, and the statuses that keep to it.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> KeptBy => keptBy;

    public static bool IsScheduled(string activity) => !string.Equals(activity, Off, StringComparison.OrdinalIgnoreCase);

    public static bool IsWork(string activity) => string.Equals(activity, Work, StringComparison.OrdinalIgnoreCase);

    public bool Keeps(string activity, string status) =>
        IsScheduled(activity) && (keptBy.TryGetValue(activity, out var statuses) ? statuses.Contains(status) : string.Equals(activity, status, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One agent's local day against their schedule, in seconds (see <see cref="AdherenceCalculator.ForDay"/>).</summary>
public sealed record AdherenceDay(DateOnly Date, long ScheduledS, long AdherentS, long WorkScheduledS, long WorkingS, long LateStartS, long EarlyLeaveS)
{
    /// <summary>100 x adherent / scheduled; none when nothing is scheduled.</summary>
    public double? AdherencePct => ScheduledS == 0 ? null : 100.0 * AdherentS / ScheduledS;

    /// <summary>100 x working / scheduled Work (may exceed 100); none when no Work is scheduled.</summary>
    public double? ConformancePct => WorkScheduledS == 0 ? null : 100.0 * WorkingS / WorkScheduledS;
}

public static class AdherenceCalculator
{
    /// <summary>
    /// The figures of one agent's local day: its status segments (a timeline lane, already cut at local midnight,
    /// 23 or 25 hours long where the clocks change) against the scheduled activities, cut at the same midnights.
    /// </summary>
    public static AdherenceDay ForDay(TimelineDay day, IEnumerable<ScheduledActivity> schedule, ActivityRules rules)
    {
        var segments = day.Segments;
        // The builder writes segments in time order without overlaps, so each activity's are found by binary search
        // (not a scan of the day per activity); a day put together otherwise is scanned whole.
        bool inOrder = true;
        for (int i = 0; i < segments.Count && inOrder; i++) inOrder = segments[i].End >= segments[i].Start && (i == 0 || segments[i].Start >= segments[i - 1].End);

        long scheduledMs = 0, adherentMs = 0, workScheduledMs = 0, firstStart = long.MaxValue, lastEnd = long.MinValue;
        foreach (var activity in schedule)
        {
            long start = Math.Max(activity.Start, day.Start), end = Math.Min(activity.End, day.End);
            if (end <= start || !ActivityRules.IsScheduled(activity.Activity)) continue;
            scheduledMs += end - start;
            if (ActivityRules.IsWork(activity.Activity))
            {
                workScheduledMs += end - start;
                firstStart = Math.Min(firstStart, start);
                lastEnd = Math.Max(lastEnd, end);
            }
            for (int i = inOrder ? FirstEndingAfter(segments, start) : 0; i < segments.Count && (!inOrder || segments[i].Start < end); i++)
            {
                var segment = segments[i];
                long overlap = Math.Min(segment.End, end) - Math.Max(segment.Start, start);
                if (overlap > 0 && rules.Keeps(activity.Activity, segment.Status)) adherentMs += overlap;
            }
        }

        // Late: from the first Work start to the first moment working at or after it (the whole span when never).
        // Early: from the last moment working at or before the last Work end, to that end.
        bool hasWork = firstStart <= lastEnd;
        long workingMs = 0, firstWorking = lastEnd, lastWorking = firstStart;
        foreach (var segment in segments)
        {
            if (!ActivityRules.Working.Contains(segment.Status)) continue;
            workingMs += segment.End - segment.Start;
            if (!hasWork) continue;
            if (segment.End > firstStart) firstWorking = Math.Min(firstWorking, Math.Max(segment.Start, firstStart));
            if (segment.Start < lastEnd) lastWorking = Math.Max(lastWorking, Math.Min(segment.End, lastEnd));
        }
        long lateMs = hasWork ? Math.Min(firstWorking, lastEnd) - firstStart : 0;
        long earlyMs = hasWork ? lastEnd - Math.Max(lastWorking, firstStart) : 0;
        return new AdherenceDay(day.Date, scheduledMs / 1000, adherentMs / 1000, workScheduledMs / 1000, workingMs / 1000, lateMs / 1000, earlyMs / 1000);
    }

    /// <summary>The index of the first segment ending after <paramref name="instant"/> (segments in order, so their ends rise).</summary>
    private static int FirstEndingAfter(List<TimelineSegment> segments, long instant)
    {
        int lo = 0, hi = segments.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (segments[mid].End > instant) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
