using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Adherence;

/// <summary>
/// An agent out of adherence on the live grid or a wall: in <see cref="Status"/> while <see cref="Activity"/> is
/// scheduled, for <see cref="OutFor"/> without a break in it.
/// </summary>
public sealed record AdherenceFlag(string Status, string Activity, TimeSpan OutFor)
{
    /// <summary>"On Break, scheduled Work, 7 min".</summary>
    public string Text => $"{Status}, scheduled {Activity}, {LiveAdherence.Minutes(OutFor)}";
}

/// <summary>Whether an agent on the live board is out of adherence now, for longer than the grace.</summary>
public static class LiveAdherence
{
    /// <summary>
    /// The flag of one agent, or none. Out of adherence: the moment is scheduled (an activity other than Off) and
    /// the status does not keep to it. It has lasted since the later of the status's start and the start of the run
    /// of back-to-back scheduled activities none of which the status keeps (On Break through Work then Break is out
    /// only for the Work). Flagged only when that is longer than <paramref name="grace"/>. Unscheduled time, an
    /// unknown status and an unknown start are never flagged. <paramref name="schedule"/> is the agent's, in any order.
    /// </summary>
    public static AdherenceFlag? Check(string? status, DateTimeOffset? since, IReadOnlyList<ScheduledActivity> schedule, ActivityRules rules, DateTimeOffset now, TimeSpan grace)
    {
        if (status is null || since is not { } statusStart || schedule.Count == 0) return null;
        long at = now.ToUnixTimeMilliseconds();
        var ordered = schedule.OrderBy(a => a.Start).ToList();
        int current = ordered.FindLastIndex(a => a.Start <= at && at < a.End);
        if (current < 0) return null;
        var activity = ordered[current];
        if (!ActivityRules.IsScheduled(activity.Activity) || rules.Keeps(activity.Activity, status)) return null;

        // Walk back through activities that end where the run begins, while the status keeps none of them.
        long runStart = activity.Start;
        for (int i = current - 1; i >= 0; i--)
        {
            var before = ordered[i];
            if (before.End < runStart) break; // a gap: unscheduled time ends the run
            if (before.Start >= runStart) continue; // (overlapping rows: the one that reaches furthest back counts)
            if (!ActivityRules.IsScheduled(before.Activity) || rules.Keeps(before.Activity, status)) break;
            runStart = before.Start;
        }
        long outSince = Math.Max(statusStart.ToUnixTimeMilliseconds(), runStart);
        var outFor = TimeSpan.FromMilliseconds(at - outSince);
        return outFor > grace ? new AdherenceFlag(status, activity.Activity, outFor) : null;
    }

    /// <summary>The flag of an agent on the board.</summary>
    public static AdherenceFlag? Check(LiveAgent agent, IReadOnlyList<ScheduledActivity> schedule, ActivityRules rules, DateTimeOffset now, TimeSpan grace) =>
        Check(agent.Status, agent.Since, schedule, rules, now, grace);

    /// <summary>Whole minutes, floored: "7 min", "1 h 12 min", "2 h".</summary>
    public static string Minutes(TimeSpan time)
    {
        long minutes = Math.Max(0, (long)Math.Floor(time.TotalMinutes));
        if (minutes < 60) return $"{minutes} min";
        return minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
    }
}
