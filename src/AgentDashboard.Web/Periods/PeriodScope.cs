using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Periods;

/// <summary>Which queues a period page or export covers: the one asked for, else the supervisor's saved live-grid queues, else every queue.</summary>
public sealed class PeriodScope(LivePreferenceStore preferences, QueueCatalogue catalogue)
{
    public async Task<IReadOnlyList<string>> QueuesAsync(string zuid, string? queue, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(queue))
        {
            return [queue.Trim()];
        }
        var saved = await preferences.GetAsync(zuid, cancellationToken);
        return saved.WatchedQueues(await catalogue.AllAsync(cancellationToken));
    }
}
