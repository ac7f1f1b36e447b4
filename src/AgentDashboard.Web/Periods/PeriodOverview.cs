using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Web.Periods;

/// <summary>One status's figures (ms); null where the vendor sent "--" (no value), which is never shown as 0.</summary>
public sealed record Figures(long? Sum, long? Avg, long? Max, long? DailyPerAgentAvg = null);

/// <summary>The agent with the most time in a status; no agent when nobody had any.</summary>
public sealed record TopAgent(string Status, string? AgentName, long? Duration);

public sealed record LeaderboardRow(string AgentId, string AgentName, IReadOnlyDictionary<string, Figures> ByStatus);

/// <summary>The vendor's overview of a period, as the page and the export show it: the figures are Zoho's own.</summary>
public sealed record PeriodOverview(
    IReadOnlyDictionary<string, Figures> Team, int? AgentCount, int? DaysCount, IReadOnlyList<TopAgent> TopAgents, IReadOnlyList<LeaderboardRow> Leaderboard)
{
    public static PeriodOverview From(OverviewResponse response)
    {
        var metrics = response.Overview?.AgentMetrics;
        var overall = metrics?.OverallAggregation;
        var team = (overall?.Statuses ?? new Dictionary<string, StatusAggregate>())
            .ToDictionary(s => s.Key, s => Of(s.Value), StringComparer.Ordinal);
        var top = (metrics?.MaxTimeAgents ?? new Dictionary<string, MaxTimeAgent>())
            .Select(t => new TopAgent(t.Key, t.Value.HasAgent ? t.Value.AgentName : null, t.Value.HasAgent ? t.Value.Duration.Milliseconds : null))
            .ToList();
        var rows = (metrics?.IndividualAggregation ?? []).Select(a => new LeaderboardRow(
            a.AgentId ?? "", a.AgentName ?? a.AgentId ?? "",
            a.Statuses.ToDictionary(s => s.Key, s => Of(s.Value), StringComparer.Ordinal))).ToList();
        return new PeriodOverview(team, Count(overall?.AgentCount), Count(overall?.DaysCount), top, rows);
    }

    private static Figures Of(StatusAggregate s) => new(s.Sum.Milliseconds, s.Avg.Milliseconds, s.Max.Milliseconds, s.DailyPerAgentAvg.Milliseconds);

    private static int? Count(Zoho.Json.ZohoMetric? metric) => metric?.Value is { } v ? (int)v : null;
}
