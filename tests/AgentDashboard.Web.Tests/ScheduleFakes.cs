using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;

namespace AgentDashboard.Web.Tests;

/// <summary>Schedules fed by hand, for a host whose configure hook registers them in place of the store.</summary>
public sealed class FakeScheduleSource : IScheduleSource
{
    private readonly Lock gate = new();
    private readonly List<ScheduledActivity> activities = [];

    public void Add(params ScheduledActivity[] more)
    {
        lock (gate) activities.AddRange(more);
    }

    public int Reads { get; private set; }

    public Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<ScheduledActivity>>(activities
                .Where(a => agentIds.Contains(a.AgentId) && a.End > from && a.Start < to)
                .OrderBy(a => a.AgentId, StringComparer.Ordinal).ThenBy(a => a.Start).ToList());
        }
    }

    public Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken) => Task.FromResult(ActivityRules.Default);
}
