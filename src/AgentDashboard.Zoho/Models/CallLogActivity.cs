using System.Text.Json;
using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Json;

namespace AgentDashboard.Zoho.Models;

/// <summary>Answer of <c>GET /rest/json/zv/metrics/statusaudit/list/log</c>: who rang, who answered, and their statuses.</summary>
public sealed record CallLogActivityResponse : ZohoEnvelope
{
    [JsonPropertyName("log")]
    public CallLogActivityLog? Log { get; init; }

    [JsonIgnore]
    public IReadOnlyList<CallLogActivity> Calls => Log?.Response ?? [];
}

public sealed record CallLogActivityLog
{
    [JsonPropertyName("response")]
    public IReadOnlyList<CallLogActivity>? Response { get; init; }
}

public sealed record CallLogActivity
{
    [JsonPropertyName("ringingOrder")]
    public IReadOnlyList<RingingAgent>? RingingOrder { get; init; }

    /// <summary><c>{}</c> when nobody answered; see <see cref="AnsweredAgent.IsEmpty"/>.</summary>
    [JsonPropertyName("answeredAgent")]
    public AnsweredAgent? AnsweredAgent { get; init; }

    [JsonPropertyName("queueDetails")]
    public QueueCallDetails? QueueDetails { get; init; }

    [JsonPropertyName("agentStatus")]
    public IReadOnlyList<AgentStatusAudit>? AgentStatus { get; init; }

    [JsonIgnore]
    public bool WasAnswered => AnsweredAgent is { IsEmpty: false };
}

public sealed record RingingAgent
{
    [JsonPropertyName("agentId"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("rings")]
    public IReadOnlyList<AgentRing>? Rings { get; init; }
}

public sealed record AgentRing
{
    [JsonPropertyName("start_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? StartTime { get; init; }

    [JsonPropertyName("queueName"), JsonConverter(typeof(PooledStringConverter))]
    public string? QueueName { get; init; }

    [JsonPropertyName("agent_name"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentName { get; init; }

    /// <summary>The agent id, sent by Zoho as a JSON number here; kept as its exact digits.</summary>
    [JsonPropertyName("agent_number"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentNumber { get; init; }

    /// <summary>Milliseconds the agent's phone rang.</summary>
    [JsonPropertyName("ringing_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? RingingTime { get; init; }

    [JsonPropertyName("is_answered")]
    public bool IsAnswered { get; init; }

    [JsonPropertyName("strategy"), JsonConverter(typeof(PooledStringConverter))]
    public string? Strategy { get; init; }

    [JsonPropertyName("hangup_cause")]
    public HangupCause? HangupCause { get; init; }
}

public sealed record HangupCause
{
    [JsonPropertyName("hangupcause")]
    public string? Code { get; init; }

    [JsonPropertyName("hangup_cause_displayname")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("hangup_cause_description")]
    public string? Description { get; init; }
}

/// <summary>
/// The agent who took the call. The vendor documents only the empty form (<c>{}</c> = missed), so the
/// likely fields are read when present and everything else is kept in <see cref="Other"/>.
/// </summary>
public sealed record AnsweredAgent
{
    [JsonPropertyName("agentId"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("agent_name"), JsonConverter(typeof(PooledStringConverter))]
    public string? AgentName { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }

    [JsonIgnore]
    public bool IsEmpty => AgentId is null && AgentName is null && (Other is null || Other.Count == 0);
}

public sealed record QueueCallDetails
{
    [JsonPropertyName("_queueId"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? QueueId { get; init; }

    [JsonPropertyName("queueName"), JsonConverter(typeof(PooledStringConverter))]
    public string? QueueName { get; init; }

    [JsonPropertyName("strategy"), JsonConverter(typeof(PooledStringConverter))]
    public string? Strategy { get; init; }

    /// <summary>Seconds, unlike every other duration in this API.</summary>
    [JsonPropertyName("ringtime_in_queue"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? RingTimeInQueueSeconds { get; init; }

    [JsonPropertyName("customer_entry_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? CustomerEntryTime { get; init; }

    [JsonPropertyName("customer_exit_time"), JsonConverter(typeof(ZohoInt64Converter))]
    public long? CustomerExitTime { get; init; }
}
