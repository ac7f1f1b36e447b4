using System.Globalization;
using System.Runtime.CompilerServices;
using AgentDashboard.Core.Heatmaps;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Periods;

/// <summary>
/// Reads the vendor's period figures for a request: the calendar summary (every page of agents) for the heatmap,
/// and the overview for the period's totals and leaderboard. The figures are the API's own, shown as they are;
/// the filters go to Zoho with the request. The scope is the picked agents, or else the queues.
/// </summary>
public sealed class PeriodLoader(IZohoVoiceClient zoho, TimeProvider clock)
{
    /// <summary>Agents per calendar-summary page.</summary>
    public const int CalendarPageSize = 100;

    public async Task<IReadOnlyList<AgentDays>> CalendarAsync(PeriodRequest request, IReadOnlyList<string> queueIds,
        IProgress<int>? agentsRead = null, CancellationToken cancellationToken = default)
    {
        var agents = new List<AgentDays>();
        await foreach (var page in CalendarPagesAsync(request, queueIds, cancellationToken))
        {
            agents.AddRange(page);
            agentsRead?.Report(agents.Count);
        }
        return agents;
    }

    /// <summary>The calendar summary a page of agents at a time, each page read only when the one before has been taken (an export writes as it reads).</summary>
    public async IAsyncEnumerable<IReadOnlyList<AgentDays>> CalendarPagesAsync(PeriodRequest request, IReadOnlyList<string> queueIds,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, to) = Epochs(request);
        var rateLimits = new RateLimitWaits(clock);
        // Picked agents go a hundred at a time (short URLs); a queue scope is paged by Zoho.
        IEnumerable<IReadOnlyList<string>> groups = request.AgentIds.Count > 0 ? request.AgentIds.Chunk(ZohoVoiceClient.MaxIdsPerRequest) : [[]];
        foreach (var group in groups)
        {
            for (int page = 0; page < StatusAuditPaging.MaxPages; page++)
            {
                var query = new CalendarSummaryQuery
                {
                    AgentIds = group, QueueIds = group.Count > 0 ? [] : queueIds,
                    FromEpoch = from, ToEpoch = to, TimeZone = request.Zone.Id,
                    ExcludeDays = request.ExcludeDays, ExcludeStatus = request.ExcludeStatus,
                    Page = new Paging(page * CalendarPageSize, CalendarPageSize),
                };
                var answer = await rateLimits.CallAsync(ct => zoho.GetCalendarSummaryAsync(query, ct), cancellationToken);
                var histograms = answer.CalendarSummary?.HistogramAggregation ?? [];
                yield return histograms.Select(ToAgentDays).ToList();
                if (histograms.Count < CalendarPageSize)
                {
                    break;
                }
            }
        }
    }

    /// <summary>The overview sorts and pages across every agent at once, so it takes at most <see cref="ZohoVoiceClient.MaxIdsPerRequest"/> picked agents.</summary>
    public Task<OverviewResponse> OverviewAsync(PeriodRequest request, IReadOnlyList<string> queueIds, StatusSort? sort, Paging? page, CancellationToken cancellationToken)
    {
        var (from, to) = Epochs(request);
        return zoho.GetOverviewAsync(new OverviewQuery
        {
            AgentIds = request.AgentIds, QueueIds = request.AgentIds.Count > 0 ? [] : queueIds,
            FromEpoch = from, ToEpoch = to, TimeZone = request.Zone.Id,
            ExcludeDays = request.ExcludeDays, ExcludeStatus = request.ExcludeStatus, Sort = sort, Page = page,
        }, cancellationToken);
    }

    /// <summary>The request's local days as epoch bounds, up to now.</summary>
    private (long From, long To) Epochs(PeriodRequest request)
    {
        long start = LocalDays.StartOf(request.From, request.Zone);
        long end = LocalDays.StartOf(request.To.AddDays(1), request.Zone);
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return (start, Math.Max(start + 1, Math.Min(end, now + 1)));
    }

    /// <summary>An agent's days as the calendar summary gives them; "--" stays "no figure", never 0.</summary>
    public static AgentDays ToAgentDays(AgentHistogram histogram)
    {
        var days = new Dictionary<DateOnly, DayFigures>();
        foreach (var (key, day) in histogram.IntervalsData ?? new Dictionary<string, CalendarDay>())
        {
            if (DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                days[date] = new DayFigures((day.Statuses ?? new Dictionary<string, StatusAggregate>())
                    .ToDictionary(s => s.Key, s => s.Value.Sum.Milliseconds, StringComparer.Ordinal));
            }
        }
        string id = histogram.TotalRow?.AgentId ?? "";
        return new AgentDays(id, histogram.TotalRow?.AgentName ?? id, days);
    }
}
