using AgentDashboard.Core.Adherence;

namespace AgentDashboard.Web.Adherence;

/// <summary>
/// The organisation's schedules and the rules of which statuses keep to which activity: what the timeline, the live
/// grid, the walls and the exports read. Schedules belong to the organisation (not to one supervisor); each page
/// asks only for the agents Zoho lets its user see.
/// </summary>
public interface IScheduleSource
{
    /// <summary>
    /// The scheduled activities of <paramref name="agentIds"/> overlapping [<paramref name="from"/>, <paramref name="to"/>)
    /// in epoch ms, ordered by agent and start: imported rows, and each agent's weekly template on the days (in the
    /// template's zone) for which nothing was imported.
    /// </summary>
    Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken);

    /// <summary>The organisation's activity rules (<see cref="ActivityRules.Default"/> until someone edits them).</summary>
    Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken);
}

/// <summary><c>Dashboard:Adherence</c>: how long an agent may be out of adherence before the live grid and walls flag it.</summary>
public sealed class AdherenceOptions
{
    public const string SectionName = "Dashboard:Adherence";

    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(5);
}
