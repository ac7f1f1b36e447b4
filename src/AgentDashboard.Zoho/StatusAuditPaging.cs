using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Zoho;

/// <summary>How far a multi-page status-audit fetch has got.</summary>
public readonly record struct StatusAuditProgress(int PagesFetched, int HitsFetched, int AgentsSeen);

/// <summary>
/// Gathers every page of <c>statusaudit/list</c> into one answer per agent. The pages' <c>from</c>/<c>size</c>
/// count hits (the vendor's log ids are search-index ids, paged by offset), so the walk stops at the first
/// page with fewer hits than asked for. Agents and day buckets split across pages are merged; a hit seen on
/// two pages (the data moved while paging) is kept once. More agents than
/// <see cref="ZohoVoiceClient.MaxIdsPerRequest"/> are fetched a group at a time, to keep URLs short. A page answered
/// 429 is asked for again after its Retry-After (see <see cref="RateLimitWaits"/>) when <c>rateLimitClock</c> is given.
/// </summary>
public static class StatusAuditPaging
{
    public const int DefaultPageSize = 1000;

    /// <summary>A safety stop against a server that never returns a short page.</summary>
    public const int MaxPages = 10_000;

    public static async Task<IReadOnlyList<AgentStatusAudit>> GetAllStatusAuditAsync(
        this IZohoVoiceClient client,
        StatusAuditQuery query,
        IProgress<StatusAuditProgress>? progress = null,
        int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default,
        TimeProvider? rateLimitClock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var merged = new StatusAuditMerger();
        var rateLimits = new RateLimitWaits(rateLimitClock);
        int hits = 0, pages = 0;
        foreach (var agents in query.AgentIds.Chunk(ZohoVoiceClient.MaxIdsPerRequest))
        {
            for (int page = 0; ; page++)
            {
                if (page == MaxPages)
                {
                    throw new ZohoApiException(ZohoFailureKind.MalformedResponse, "status audit list",
                        $"Zoho Voice kept returning full pages of status changes after {MaxPages} pages; the fetch was stopped.");
                }
                var pageQuery = query with { AgentIds = agents, Page = new Paging(page * pageSize, pageSize) };
                var answer = await rateLimits.CallAsync(ct => client.GetStatusAuditAsync(pageQuery, ct), cancellationToken);
                int pageHits = merged.Add(answer.Agents);
                hits += pageHits;
                progress?.Report(new StatusAuditProgress(++pages, hits, merged.AgentCount));
                if (pageHits < pageSize)
                {
                    break;
                }
            }
        }
        return merged.ToList();
    }
}

/// <summary>Merges status-audit answers: one entry per agent, one bucket per day, hits in time order.</summary>
internal sealed class StatusAuditMerger
{
    private readonly Dictionary<string, AgentBuilder> agents = new(StringComparer.Ordinal);
    private readonly List<AgentBuilder> order = [];

    public int AgentCount => order.Count;

    /// <summary>Adds one page's agents and returns how many hits the page held.</summary>
    public int Add(IEnumerable<AgentStatusAudit> page)
    {
        int hits = 0;
        foreach (var agent in page)
        {
            string key = agent.AgentId ?? "";
            if (!agents.TryGetValue(key, out var builder))
            {
                builder = new AgentBuilder(agent);
                agents.Add(key, builder);
                order.Add(builder);
            }
            hits += builder.Add(agent);
        }
        return hits;
    }

    public IReadOnlyList<AgentStatusAudit> ToList() => order.Select(a => a.Build()).ToList();

    private sealed class AgentBuilder(AgentStatusAudit first)
    {
        private AgentStatusAudit header = first with { Dates = null };
        private readonly SortedDictionary<long, (int Index, List<StatusHit> Hits)> days = new();
        private readonly HashSet<string> logIds = new(StringComparer.Ordinal);

        public int Add(AgentStatusAudit agent)
        {
            if (header.PreviousResult is null && agent.PreviousResult is not null)
            {
                header = header with { PreviousResult = agent.PreviousResult };
            }
            int count = 0;
            foreach (var day in agent.Dates ?? [])
            {
                long start = day.StartTimestamp ?? 0;
                if (!days.TryGetValue(start, out var bucket))
                {
                    bucket = (day.Index, []);
                    days.Add(start, bucket);
                }
                foreach (var hit in day.Hits ?? [])
                {
                    count++;
                    if (hit.LogId is not { Length: > 0 } id || logIds.Add(id))
                    {
                        bucket.Hits.Add(hit);
                    }
                }
            }
            return count;
        }

        public AgentStatusAudit Build() => header with
        {
            Dates = days.Select(d => new StatusAuditDay
            {
                StartTimestamp = d.Key,
                Index = d.Value.Index,
                Hits = d.Value.Hits.OrderBy(h => h.CurrentActionTime ?? long.MaxValue).ToList(),
            }).ToList(),
        };
    }
}
