using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Periods;

/// <summary>Which queues a period page or export covers: the one asked for (one of the catalogue's, else a <see cref="ZohoQueryException"/> in words), else the supervisor's saved live-grid queues, else every queue.</summary>
public sealed class PeriodScope(LivePreferenceStore preferences, QueueCatalogue catalogue)
{
    public async Task<IReadOnlyList<string>> QueuesAsync(string zuid, string? queue, CancellationToken cancellationToken)
    {
        var all = await catalogue.AllAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(queue))
        {
            string id = queue.Trim();
            return all.Any(q => q.Id == id) ? [id]
                : throw new ZohoQueryException("period", [$"queue \"{id}\" is not one of the organisation's queues; pick a queue from the list."]);
        }
        var saved = await preferences.GetAsync(zuid, cancellationToken);
        return saved.WatchedQueues(all);
    }
}
