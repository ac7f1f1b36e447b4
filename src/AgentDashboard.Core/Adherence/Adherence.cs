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
        var scheduled = schedule
            .Select(a => a with { Start = Math.Max(a.Start, day.Start), End = Math.Min(a.End, day.End) })
            .Where(a => a.End > a.Start && ActivityRules.IsScheduled(a.Activity))
            .OrderBy(a => a.Start)
            .ToList();
        long scheduledMs = 0, adherentMs = 0, workScheduledMs = 0;
        foreach (var activity in scheduled)
        {
            scheduledMs += activity.End - activity.Start;
            if (ActivityRules.IsWork(activity.Activity)) workScheduledMs += activity.End - activity.Start;
            foreach (var segment in day.Segments)
            {
                long overlap = Math.Min(segment.End, activity.End) - Math.Max(segment.Start, activity.Start);
                if (overlap > 0 && rules.Keeps(activity.Activity, segment.Status)) adherentMs += overlap;
            }
        }
        var working = day.Segments.Where(s => ActivityRules.Working.Contains(s.Status)).ToList();
        long workingMs = working.Sum(s => s.End - s.Start);

        var work = scheduled.Where(a => ActivityRules.IsWork(a.Activity)).ToList();
        long lateMs = 0, earlyMs = 0;
        if (work.Count > 0)
        {
            long firstStart = work.Min(a => a.Start), lastEnd = work.Max(a => a.End);
            // Late: from the first Work start to the first moment working at or after it (the whole span when never).
            long firstWorking = working.Where(s => s.End > firstStart).Select(s => Math.Max(s.Start, firstStart)).DefaultIfEmpty(lastEnd).Min();
            lateMs = Math.Min(firstWorking, lastEnd) - firstStart;
            // Early: from the last moment working at or before the last Work end, to that end.
            long lastWorking = working.Where(s => s.Start < lastEnd).Select(s => Math.Min(s.End, lastEnd)).DefaultIfEmpty(firstStart).Max();
            earlyMs = lastEnd - Math.Max(lastWorking, firstStart);
        }
        return new AdherenceDay(day.Date, scheduledMs / 1000, adherentMs / 1000, workScheduledMs / 1000, workingMs / 1000, lateMs / 1000, earlyMs / 1000);
    }
}
