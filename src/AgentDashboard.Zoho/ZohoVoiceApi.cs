using AgentDashboard.Zoho.Http;
using Refit;

namespace AgentDashboard.Zoho;

/// <summary>
/// The seven Zoho Voice agent-status calls as they go on the wire (Refit, source-generated): verbs, paths and
/// parameters. Each answer is the raw response, whose body <see cref="ZohoVoiceClient"/> reads as a stream with the
/// quirk-aware JSON and whose failures it maps to <see cref="ZohoApiException"/>. <c>user</c> travels in the
/// request's options to <see cref="ZohoOAuthTokenHandler"/>, which adds that user's token.
/// </summary>
[Headers("Accept: application/json")]
public interface IZohoVoiceApi
{
    [Get("/rest/json/zv/metrics/statusaudit/list")]
    Task<HttpResponseMessage> StatusAuditAsync([Query] IDictionary<string, string> parameters, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Get("/rest/json/zv/metrics/statusaudit/list/log")]
    Task<HttpResponseMessage> CallLogActivityAsync([Query] IDictionary<string, string> parameters, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Get("/rest/json/zv/metrics/statusaudit/overview")]
    Task<HttpResponseMessage> OverviewAsync([Query] IDictionary<string, string> parameters, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Get("/rest/json/zv/metrics/statusaudit/calendarSummary")]
    Task<HttpResponseMessage> CalendarSummaryAsync([Query] IDictionary<string, string> parameters, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Get("/rest/json/zv/api/agents/onlineStatus")]
    Task<HttpResponseMessage> OwnOnlineStatusAsync([Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Put("/rest/json/zv/api/agents/onlineStatus")]
    Task<HttpResponseMessage> SetOwnOnlineStatusAsync(string status, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Get("/rest/json/zv/api/v2/agents/onlineStatus")]
    Task<HttpResponseMessage> AgentsOnlineStatusAsync([Query] IDictionary<string, string> parameters, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);

    [Put("/rest/json/zv/api/agents/overrideOnlineStatus")]
    Task<HttpResponseMessage> OverrideOnlineStatusAsync(string agentIds, string status, [Property(ZohoOAuthTokenHandler.UserOption)] string? user, CancellationToken cancellationToken);
}
