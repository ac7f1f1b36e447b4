using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Json;

namespace AgentDashboard.Zoho.Models;

/// <summary>
/// One status's figures over a period or a day, in ms. Any figure may be <see cref="ZohoMetric.NoValue"/>
/// (the vendor's "--"): the example sends <c>"sum": "0"</c> with <c>"avg": "--"</c> for a status never entered.
/// </summary>
public sealed record StatusAggregate
{
    [JsonPropertyName("sum")]
    public ZohoMetric Sum { get; init; }

    /// <summary>Per agent: sum / daysCount. Overall: sum / daysCount.</summary>
    [JsonPropertyName("avg")]
    public ZohoMetric Avg { get; init; }

    /// <summary>The longest single unbroken stretch (it can exceed a day).</summary>
    [JsonPropertyName("max")]
    public ZohoMetric Max { get; init; }

    [JsonPropertyName("min")]
    public ZohoMetric Min { get; init; }

    /// <summary>Overall only: sum / (daysCount × agentCount).</summary>
    [JsonPropertyName("daily_peragent_avg")]
    public ZohoMetric DailyPerAgentAvg { get; init; }

    [JsonPropertyName("peragent_avg")]
    public ZohoMetric PerAgentAvg { get; init; }

    /// <summary>The status name, as sent in overview answers.</summary>
    [JsonPropertyName("onlineStatus"), JsonConverter(typeof(PooledStringConverter))]
    public string? OnlineStatus { get; init; }

    /// <summary>The status name, as sent in calendar-summary day figures.</summary>
    [JsonPropertyName("previous_status"), JsonConverter(typeof(PooledStringConverter))]
    public string? PreviousStatus { get; init; }
}

/// <summary>
/// One agent's figures per status (<c>individualAggregation[]</c>, <c>totalRow</c>). On the wire the statuses
/// are properties beside <c>agent_id</c>, so any status name, custom ones included, lands in <see cref="Statuses"/>.
/// </summary>
[JsonConverter(typeof(AgentAggregationConverter))]
public sealed record AgentAggregation
{
    public string? AgentId { get; init; }
    public string? AgentName { get; init; }
    public string? AgentEmail { get; init; }
    public IReadOnlyDictionary<string, StatusAggregate> Statuses { get; init; } = new Dictionary<string, StatusAggregate>();

    public StatusAggregate? this[string status] => Statuses.GetValueOrDefault(status);
}

/// <summary>The team's figures per status, with the agent and day counts they were taken over.</summary>
[JsonConverter(typeof(OverallAggregationConverter))]
public sealed record OverallAggregation
{
    public ZohoMetric AgentCount { get; init; }
    public ZohoMetric DaysCount { get; init; }
    public IReadOnlyDictionary<string, StatusAggregate> Statuses { get; init; } = new Dictionary<string, StatusAggregate>();

    public StatusAggregate? this[string status] => Statuses.GetValueOrDefault(status);
}

/// <summary>The agent with the most time in a status; every field is "--" when nobody had any.</summary>
public sealed record MaxTimeAgent
{
    [JsonPropertyName("agentName"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentName { get; init; }

    [JsonPropertyName("agent_id"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("duration")]
    public ZohoMetric Duration { get; init; }

    [JsonPropertyName("previous_status"), JsonConverter(typeof(PooledStringConverter))]
    public string? PreviousStatus { get; init; }

    /// <summary>False for the vendor's <c>"agentName": "--"</c> placeholder.</summary>
    [JsonIgnore]
    public bool HasAgent => Duration.HasValue && AgentName is not (null or "--");
}

/// <summary>Answer of <c>GET /rest/json/zv/metrics/statusaudit/overview</c>.</summary>
public sealed record OverviewResponse : ZohoEnvelope
{
    [JsonPropertyName("overview")]
    public OverviewBody? Overview { get; init; }
}

public sealed record OverviewBody
{
    [JsonPropertyName("agentmetrics")]
    public OverviewAgentMetrics? AgentMetrics { get; init; }
}

public sealed record OverviewAgentMetrics
{
    [JsonPropertyName("overallAggregation")]
    public OverallAggregation? OverallAggregation { get; init; }

    [JsonPropertyName("maxTimeAgents")]
    public IReadOnlyDictionary<string, MaxTimeAgent>? MaxTimeAgents { get; init; }

    [JsonPropertyName("individualAggregation")]
    public IReadOnlyList<AgentAggregation>? IndividualAggregation { get; init; }
}

/// <summary>Answer of <c>GET /rest/json/zv/metrics/statusaudit/calendarSummary</c>.</summary>
public sealed record CalendarSummaryResponse : ZohoEnvelope
{
    [JsonPropertyName("calendarSummary")]
    public CalendarSummaryBody? CalendarSummary { get; init; }
}

public sealed record CalendarSummaryBody
{
    [JsonPropertyName("histogramAggregation")]
    public IReadOnlyList<AgentHistogram>? HistogramAggregation { get; init; }

    [JsonPropertyName("individualAggregation")]
    public IReadOnlyList<AgentAggregation>? IndividualAggregation { get; init; }
}

/// <summary>One agent's figures per local day. Excluded days are absent from both the map and the list.</summary>
public sealed record AgentHistogram
{
    [JsonPropertyName("totalRow")]
    public AgentAggregation? TotalRow { get; init; }

    /// <summary>Keyed by local date <c>yyyy-MM-dd</c>.</summary>
    [JsonPropertyName("intervalsData")]
    public IReadOnlyDictionary<string, CalendarDay>? IntervalsData { get; init; }

    [JsonPropertyName("intervalsList")]
    public IReadOnlyList<string>? IntervalsList { get; init; }
}

public sealed record CalendarDay
{
    [JsonPropertyName("interval")]
    public string? Interval { get; init; }

    /// <summary>Per status (keyed by name, "Working Time" included) that day's figures.</summary>
    [JsonPropertyName("previous_status")]
    public IReadOnlyDictionary<string, StatusAggregate>? Statuses { get; init; }
}
