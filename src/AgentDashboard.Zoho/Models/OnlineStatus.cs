using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Json;

namespace AgentDashboard.Zoho.Models;

/// <summary>Answer of <c>GET /rest/json/zv/api/agents/onlineStatus</c>: the caller's own status.</summary>
public sealed record OwnOnlineStatusResponse : ZohoEnvelope
{
    [JsonPropertyName("onlineStatus")]
    public AgentOnlineStatus? OnlineStatus { get; init; }
}

/// <summary>Answer of <c>GET /rest/json/zv/api/v2/agents/onlineStatus</c>: one outcome per requested agent.</summary>
public sealed record AgentsOnlineStatusResponse : ZohoEnvelope
{
    [JsonPropertyName("onlineStatus")]
    public IReadOnlyList<AgentOnlineStatus>? OnlineStatus { get; init; }

    [JsonIgnore]
    public IReadOnlyList<AgentOnlineStatus> Agents => OnlineStatus ?? [];
}

/// <summary>An agent's status, or the reason Zoho gave none (<c>"error": "Invalid agent."</c>): a result, not a failure of the call.</summary>
public sealed record AgentOnlineStatus
{
    [JsonPropertyName("agentId"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("onlineStatus"), JsonConverter(typeof(PooledStringConverter))]
    public string? OnlineStatus { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonIgnore]
    public bool IsError => Error is not null || OnlineStatus is null;
}

/// <summary>Answer of <c>PUT /rest/json/zv/api/agents/onlineStatus</c>.</summary>
public sealed record UpdateOnlineStatusResponse : ZohoEnvelope;

/// <summary>Answer of <c>PUT /rest/json/zv/api/agents/overrideOnlineStatus</c>: one outcome per agent.</summary>
public sealed record OverrideOnlineStatusResponse : ZohoEnvelope
{
    [JsonPropertyName("overrideOnlineStatus")]
    public IReadOnlyList<OverrideOutcome>? OverrideOnlineStatus { get; init; }

    [JsonIgnore]
    public IReadOnlyList<OverrideOutcome> Outcomes => OverrideOnlineStatus ?? [];
}

/// <summary>One agent's outcome of a bulk override: <c>success</c>, or <c>error</c> with Zoho's message.</summary>
public sealed record OverrideOutcome
{
    [JsonPropertyName("agentId"), JsonConverter(typeof(ZohoRepeatedIdConverter))]
    public string? AgentId { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonIgnore]
    public bool Succeeded => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The statuses the API sets (its pages list these four). <c>On Call</c> is observed only, and custom statuses may
/// appear in answers: the dashboard's catalogue of statuses is AgentDashboard.Core's StatusCatalogue.
/// </summary>
public static class AgentStatuses
{
    public static IReadOnlyList<string> Settable { get; } = ["Available", "Busy", "Offline", "On Break"];
}
