using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Agents;

/// <summary>An agent the signed-in user can see, and the queues (of those asked about) that the agent answers.</summary>
public sealed record DirectoryAgent(string Id, string Name, IReadOnlyList<string> QueueIds);

/// <summary>
/// The agents of some queues, for pickers. Zoho has no agent directory, so each queue's overview of the last
/// <see cref="LookBack"/> tells who answers it (as for the live grid); Zoho shows each user only the agents they
/// may see. Kept for the life of the page that asked.
/// </summary>
public sealed class AgentDirectory(IZohoVoiceClient zoho, TimeProvider clock)
{
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    private readonly Dictionary<string, IReadOnlyList<(string Id, string Name)>> byQueue = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<DirectoryAgent>> GetAsync(IReadOnlyList<string> queueIds, CancellationToken cancellationToken)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var agents = new Dictionary<string, (string Name, List<string> Queues)>(StringComparer.Ordinal);
        foreach (string queueId in queueIds)
        {
            if (!byQueue.TryGetValue(queueId, out var members))
            {
                var overview = await zoho.GetOverviewAsync(new OverviewQuery
                {
                    FromEpoch = now - (long)LookBack.TotalMilliseconds, ToEpoch = now, QueueIds = [queueId], TimeZone = "UTC",
                }, cancellationToken);
                byQueue[queueId] = members = (overview.Overview?.AgentMetrics?.IndividualAggregation ?? [])
                    .Where(a => a.AgentId is not null).Select(a => (a.AgentId!, a.AgentName ?? a.AgentId!)).ToList();
            }
            foreach (var (id, name) in members)
            {
                if (!agents.TryGetValue(id, out var entry)) agents[id] = entry = (name, []);
                entry.Queues.Add(queueId);
            }
        }
        return agents.Select(a => new DirectoryAgent(a.Key, a.Value.Name, a.Value.Queues))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
