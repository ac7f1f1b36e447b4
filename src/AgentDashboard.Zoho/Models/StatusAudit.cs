using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Json;

namespace AgentDashboard.Zoho.Models;

/// <summary>Answer of <c>GET /rest/json/zv/metrics/statusaudit/list</c>.</summary>
public sealed record StatusAuditResponse : ZohoEnvelope
{
    [JsonPropertyName("list")]
    public StatusAuditList? List { get; init; }

    /// <summary>The agents of this answer (empty when the body has none).</summary>
    [JsonIgnore]
    public IReadOnlyList<AgentStatusAudit> Agents => List?.AgentStatus ?? [];
}

public sealed record StatusAuditList
{
    [JsonPropertyName("agentStatus")]
    public IReadOnlyList<AgentStatusAudit>? AgentStatus { get; init; }
}

/// <summary>One agent's status changes in the window, bucketed by local day.</summary>
public sealed record AgentStatusAudit
{
    [JsonPropertyName("agent_id"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("agentName"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentName { get; init; }

    [JsonPropertyName("agentEmail"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentEmail { get; init; }

    /// <summary>The last change before the window opened: the agent's status when it opens.</summary>
    [JsonPropertyName("previousResult")]
    public StatusHit? PreviousResult { get; init; }

    [JsonPropertyName("dates")]
    public IReadOnlyList<StatusAuditDay>? Dates { get; init; }

    /// <summary>The call-log answer lists an agent's hits here, not in day buckets.</summary>
    [JsonPropertyName("hits")]
    public IReadOnlyList<StatusHit>? Hits { get; init; }

    /// <summary>Every hit: those of each day bucket in bucket order, then any listed without buckets.</summary>
    [JsonIgnore]
    public IEnumerable<StatusHit> AllHits => (Dates ?? []).SelectMany(d => d.Hits ?? []).Concat(Hits ?? []);
}

/// <summary>One local day's bucket of hits, in the requested time zone.</summary>
public sealed record StatusAuditDay
{
    [JsonPropertyName("start_timestamp"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? StartTimestamp { get; init; }

    [JsonPropertyName("index")]
    public int Index { get; init; }

    [JsonPropertyName("hits")]
    public IReadOnlyList<StatusHit>? Hits { get; init; }
}

/// <summary>
/// One status change, recorded at <see cref="CurrentActionTime"/>: <see cref="PreviousStatus"/> to
/// <see cref="CurrentStatus"/>. <see cref="Duration"/> is the time spent in the previous status. A hit whose
/// two statuses are equal (an automatic check-in) is a real event, not a change.
/// </summary>
public sealed record StatusHit
{
    [JsonPropertyName("agent_id"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("agentName"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentName { get; init; }

    [JsonPropertyName("agentEmail"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentEmail { get; init; }

    [JsonPropertyName("previous_status"), JsonConverter(typeof(PooledStringConverter))]
    public string? PreviousStatus { get; init; }

    [JsonPropertyName("current_status"), JsonConverter(typeof(PooledStringConverter))]
    public string? CurrentStatus { get; init; }

    [JsonPropertyName("previous_action_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? PreviousActionTime { get; init; }

    [JsonPropertyName("current_action_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? CurrentActionTime { get; init; }

    /// <summary>Milliseconds spent in <see cref="PreviousStatus"/>.</summary>
    [JsonPropertyName("duration"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? Duration { get; init; }

    [JsonPropertyName("logid"), JsonConverter(typeof(ZohoIdConverter))]
    public string? LogId { get; init; }

    /// <summary>Who made the change: <c>User</c>, <c>Zoho Voice</c>, ...</summary>
    [JsonPropertyName("triggered_by"), JsonConverter(typeof(PooledStringConverter))]
    public string? TriggeredBy { get; init; }

    [JsonPropertyName("triggered_by_medium"), JsonConverter(typeof(PooledStringConverter))]
    public string? TriggeredByMedium { get; init; }

    /// <summary>Absent on system-triggered hits.</summary>
    [JsonPropertyName("triggered_by_username"), JsonConverter(typeof(PooledStringConverter))]
    public string? TriggeredByUsername { get; init; }

    [JsonPropertyName("triggered_by_zuid"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? TriggeredByZuid { get; init; }

    [JsonPropertyName("triggered_reason"), JsonConverter(typeof(PooledStringConverter))]
    public string? TriggeredReason { get; init; }

    [JsonPropertyName("triggered_reason_desc"), JsonConverter(typeof(PooledStringConverter))]
    public string? TriggeredReasonDesc { get; init; }

    [JsonPropertyName("zsoid"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? Zsoid { get; init; }

    /// <summary>A same-status hit: an automatic check-in or a repeated set, not a change of status.</summary>
    [JsonIgnore]
    public bool IsCheckIn => PreviousStatus is not null && PreviousStatus == CurrentStatus;
}
