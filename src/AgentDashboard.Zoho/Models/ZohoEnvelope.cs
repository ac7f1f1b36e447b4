using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Json;

namespace AgentDashboard.Zoho.Models;

/// <summary>The fields every Zoho Voice answer carries: <c>"code": "200"</c> and <c>"status": "SUCCESS"</c> on success.</summary>
public abstract record ZohoEnvelope
{
    [JsonPropertyName("code"), JsonConverter(typeof(ZohoIdConverter))]
    public string? Code { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>True unless the body says otherwise: a status other than SUCCESS, or a code other than 200.</summary>
    [JsonIgnore]
    public bool IsSuccess =>
        (Status is null || Status.Equals("SUCCESS", StringComparison.OrdinalIgnoreCase))
        && (Code is null || Code == "200")
        && (Status is not null || Code is not null);
}
