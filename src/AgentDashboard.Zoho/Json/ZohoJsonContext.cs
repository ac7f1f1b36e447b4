using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Zoho.Json;

/// <summary>Source-generated serialisation for every Zoho Voice answer.</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatusAuditResponse))]
[JsonSerializable(typeof(CallLogActivityResponse))]
[JsonSerializable(typeof(OverviewResponse))]
[JsonSerializable(typeof(CalendarSummaryResponse))]
[JsonSerializable(typeof(OwnOnlineStatusResponse))]
[JsonSerializable(typeof(AgentsOnlineStatusResponse))]
[JsonSerializable(typeof(UpdateOnlineStatusResponse))]
[JsonSerializable(typeof(OverrideOnlineStatusResponse))]
[JsonSerializable(typeof(StatusAggregate))]
public sealed partial class ZohoJsonContext : JsonSerializerContext;
