using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Adherence;

/// <summary>A stretch [<see cref="Start"/>, <see cref="End"/>) in epoch ms of scheduled time whose <see cref="Status"/> did not keep to the <see cref="Activity"/>.</summary>
public sealed record OutOfAdherence(long Start, long End, string Status, string Activity)
{
    public long DurationMs => End - Start;
}

public static class AdherenceStretches
{
    /// <summary>
    /// The activities of <paramref name="schedule"/> inside the local day (cut at its midnights), Off left out, in time order.
    /// </summary>
    public static IReadOnlyList<ScheduledActivity> CutToDay(TimelineDay day, IEnumerable<ScheduledActivity> schedule) =>
        schedule
            .Select(a => a with { Start = Math.Max(a.Start, day.Start), End = Math.Min(a.End, day.End) })
            .Where(a => a.End > a.Start && ActivityRules.IsScheduled(a.Activity))
            .OrderBy(a => a.Start)
            .ToList();

    /// <summary>
    /// The day's out-of-adherence stretches: each piece of scheduled time (Off is not) where the status shown does
    /// not keep to that moment's activity, in time order. Neighbouring pieces of the same status and activity are
    /// one stretch (a status that runs on from one Work block into the next). Time with no status (no data yet, or
    /// a left-out status) is not marked: there is nothing to say what the agent was doing, though
    /// <see cref="AdherenceCalculator.ForDay"/> does not count it as adherent either.
    /// </summary>
    public static IReadOnlyList<OutOfAdherence> ForDay(TimelineDay day, IEnumerable<ScheduledActivity> schedule, ActivityRules rules)
    {
        var stretches = new List<OutOfAdherence>();
        foreach (var activity in CutToDay(day, schedule))
        {
            foreach (var segment in day.Segments)
            {
                long start = Math.Max(segment.Start, activity.Start), end = Math.Min(segment.End, activity.End);
                if (end <= start || rules.Keeps(activity.Activity, segment.Status)) continue;
                if (stretches.Count > 0 && stretches[^1] is var last && last.End == start && last.Status == segment.Status
                    && string.Equals(last.Activity, activity.Activity, StringComparison.OrdinalIgnoreCase))
                {
                    stretches[^1] = last with { End = end };
                }
                else
                {
                    stretches.Add(new OutOfAdherence(start, end, segment.Status, activity.Activity));
                }
            }
        }
        return stretches;
    }

    /// <summary>
    /// <see cref="AdherenceCalculator.ForDay"/> for a day that may not be over at <paramref name="now"/>: only the
    /// scheduled time up to now is judged, and an early leave is not counted while Work is still scheduled after now
    /// (the agent may yet work to the end of it).
    /// </summary>
    public static AdherenceDay SoFar(TimelineDay day, IEnumerable<ScheduledActivity> schedule, ActivityRules rules, long now)
    {
        var cut = CutToDay(day, schedule);
        if (day.End <= now)
        {
            return AdherenceCalculator.ForDay(day, cut, rules);
        }
        bool workAfterNow = cut.Any(a => ActivityRules.IsWork(a.Activity) && a.End > now);
        var figures = AdherenceCalculator.ForDay(day, cut.Select(a => a with { End = Math.Min(a.End, now) }), rules);
        return workAfterNow ? figures with { EarlyLeaveS = 0 } : figures;
    }

    /// <summary>Only the stretches up to <paramref name="now"/> (the rest of the day has not happened).</summary>
    public static IReadOnlyList<OutOfAdherence> SoFar(IReadOnlyList<OutOfAdherence> stretches, long now) =>
        stretches.Where(s => s.Start < now).Select(s => s.End > now ? s with { End = now } : s).ToList();
}

/// <summary>
/// Team figures over many agent-days. Only agent-days with something scheduled count: seconds are summed over them
/// and the percentages are taken from the sums (so a long day weighs more than a short one). Working time is summed
/// over the days with Work scheduled only, so a day off worked does not lift conformance. Late starts and early
/// leaves are summed (totals, not averages).
/// </summary>
public sealed record AdherenceTotals(int AgentDays, long ScheduledS, long AdherentS, long WorkScheduledS, long WorkingS, long LateStartS, long EarlyLeaveS)
{
    public static AdherenceTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public double? AdherencePct => ScheduledS == 0 ? null : 100.0 * AdherentS / ScheduledS;

    public double? ConformancePct => WorkScheduledS == 0 ? null : 100.0 * WorkingS / WorkScheduledS;

    public static AdherenceTotals Of(IEnumerable<AdherenceDay> days)
    {
        var sum = None;
        foreach (var d in days.Where(d => d.ScheduledS > 0))
        {
            sum = new AdherenceTotals(sum.AgentDays + 1, sum.ScheduledS + d.ScheduledS, sum.AdherentS + d.AdherentS,
                sum.WorkScheduledS + d.WorkScheduledS, sum.WorkingS + (d.WorkScheduledS > 0 ? d.WorkingS : 0),
                sum.LateStartS + d.LateStartS, sum.EarlyLeaveS + d.EarlyLeaveS);
        }
        return sum;
    }
}
