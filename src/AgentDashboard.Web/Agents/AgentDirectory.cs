using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Agents;

/// <summary>An agent the signed-in user can see, and the queues (of those asked about) that the agent answers.</summary>
public sealed record DirectoryAgent(string Id, string Name, IReadOnlyList<string> QueueIds)
{
    /// <summary>The agent's e-mail, when Zoho gave one: how a schedule file may name them.</summary>
    public string? Email { get; init; }
}

/// <summary>
/// Who answers which queue, for the live feeds, walls and the period pages alike. Zoho has no agent directory, so
/// each queue's overview of the last <see cref="LookBack"/> names the agents who answer it, read page by page.
/// Zoho shows each user only the agents they may see, so answers are kept per identity and queue, for
/// <see cref="Expiry"/>: a new agent appears within that.
/// </summary>
public sealed class AgentDirectory(TimeProvider clock)
{
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    /// <summary>Agents per overview call; a shorter page is the last.</summary>
    public const int PageSize = 100;

    private sealed record Members(IReadOnlyList<(string Id, string Name, string? Email)> Agents, DateTimeOffset ReadAt);

    private readonly Lock gate = new();
    private readonly Dictionary<(string Zuid, string QueueId), Members> known = [];

    /// <summary>
    /// The agents of <paramref name="queueIds"/> as <paramref name="zoho"/> (acting for <paramref name="zuid"/>)
    /// sees them, by name.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryAgent>> GetAsync(IZohoVoiceClient zoho, string zuid, IReadOnlyList<string> queueIds, CancellationToken cancellationToken)
    {
        var agents = new Dictionary<string, (string Name, string? Email, List<string> Queues)>(StringComparer.Ordinal);
        foreach (string queueId in queueIds)
        {
            foreach (var (id, name, email) in await MembersAsync(zoho, zuid, queueId, cancellationToken))
            {
                if (!agents.TryGetValue(id, out var entry)) agents[id] = entry = (name, email, []);
                entry.Queues.Add(queueId);
            }
        }
        return agents.Select(a => new DirectoryAgent(a.Key, a.Value.Name, a.Value.Queues) { Email = a.Value.Email })
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>Every agent the supervisor can see: those of every queue <paramref name="catalogue"/> knows.</summary>
    public async Task<IReadOnlyList<DirectoryAgent>> VisibleAsync(IZohoVoiceClient zoho, string zuid, QueueCatalogue catalogue, CancellationToken cancellationToken) =>
        await GetAsync(zoho, zuid, [.. (await catalogue.AllAsync(cancellationToken)).Select(q => q.Id)], cancellationToken);

    private async Task<IReadOnlyList<(string Id, string Name, string? Email)>> MembersAsync(IZohoVoiceClient zoho, string zuid, string queueId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (known.TryGetValue((zuid, queueId), out var members) && now - members.ReadAt < Expiry) return members.Agents;
        }
        long to = now.ToUnixTimeMilliseconds(), from = to - (long)LookBack.TotalMilliseconds;
        var agents = new List<(string Id, string Name, string? Email)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int offset = 0; ; offset += PageSize)
        {
            var overview = await zoho.GetOverviewAsync(new OverviewQuery
            {
                FromEpoch = from, ToEpoch = to, QueueIds = [queueId], TimeZone = "UTC", Page = new Paging(offset, PageSize),
            }, cancellationToken);
            var page = overview.Overview?.AgentMetrics?.IndividualAggregation ?? [];
            int before = agents.Count;
            agents.AddRange(page.Where(a => a.AgentId is not null && seen.Add(a.AgentId)).Select(a => (a.AgentId!, a.AgentName ?? a.AgentId!, a.AgentEmail)));
            // A short page is the last; one with nobody new means the server ignores paging (it would never end).
            if (page.Count < PageSize || agents.Count == before) break;
        }
        lock (gate)
        {
            // Expired answers go as new ones come, so the directory holds only what was asked lately.
            foreach (var stale in known.Where(k => now - k.Value.ReadAt >= Expiry).Select(k => k.Key).ToList()) known.Remove(stale);
            known[(zuid, queueId)] = new Members(agents, now);
        }
        return agents;
    }
}
