using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho;

/// <summary>The seven Zoho Voice agent-status calls. Every failure of a whole call is a <see cref="ZohoApiException"/>.</summary>
public interface IZohoVoiceClient
{
    /// <summary><c>GET statusaudit/list</c>: one page of the agents' status changes.</summary>
    Task<StatusAuditResponse> GetStatusAuditAsync(StatusAuditQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET statusaudit/list/log</c>: who rang and what their statuses were for one queue call.</summary>
    Task<CallLogActivityResponse> GetCallLogActivityAsync(CallLogActivityQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET statusaudit/overview</c>: figures over the whole period.</summary>
    Task<OverviewResponse> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET statusaudit/calendarSummary</c>: figures per local day.</summary>
    Task<CalendarSummaryResponse> GetCalendarSummaryAsync(CalendarSummaryQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET api/agents/onlineStatus</c>: the signed-in agent's own status.</summary>
    Task<OwnOnlineStatusResponse> GetOwnOnlineStatusAsync(CancellationToken cancellationToken);

    /// <summary><c>PUT api/agents/onlineStatus</c>: set the signed-in agent's own status.</summary>
    Task<UpdateOnlineStatusResponse> SetOwnOnlineStatusAsync(string status, CancellationToken cancellationToken);

    /// <summary><c>GET api/v2/agents/onlineStatus</c> by agent ids: a status or an error per agent.</summary>
    Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusAsync(IReadOnlyList<string> agentIds, CancellationToken cancellationToken);

    /// <summary><c>GET api/v2/agents/onlineStatus</c> by Zoho user ids instead of agent ids.</summary>
    Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusByZuidAsync(IReadOnlyList<string> zuids, CancellationToken cancellationToken);

    /// <summary><c>PUT api/agents/overrideOnlineStatus</c>: set several agents' status; each agent's outcome is reported.</summary>
    Task<OverrideOnlineStatusResponse> OverrideOnlineStatusAsync(IReadOnlyList<string> agentIds, string status, CancellationToken cancellationToken);
}

/// <summary>The typed <see cref="HttpClient"/> for Zoho Voice. Answers are read as streams with source-generated JSON.</summary>
/// <remarks>
/// Resolved in the caller's scope (a circuit, a request, a feed), so <paramref name="user"/> says whom each call
/// is for; the token handler, which lives in the HTTP client factory's own scope, reads it from the request.
/// </remarks>
public sealed class ZohoVoiceClient(HttpClient http, IOptions<ZohoVoiceOptions> options, ILogger<ZohoVoiceClient> logger, IZohoUserContext? user = null) : IZohoVoiceClient
{
    internal const string StatusAuditPath = "rest/json/zv/metrics/statusaudit/list";
    internal const string CallLogActivityPath = "rest/json/zv/metrics/statusaudit/list/log";
    internal const string OverviewPath = "rest/json/zv/metrics/statusaudit/overview";
    internal const string CalendarSummaryPath = "rest/json/zv/metrics/statusaudit/calendarSummary";
    internal const string OwnOnlineStatusPath = "rest/json/zv/api/agents/onlineStatus";
    internal const string AgentsOnlineStatusPath = "rest/json/zv/api/v2/agents/onlineStatus";
    internal const string OverrideOnlineStatusPath = "rest/json/zv/api/agents/overrideOnlineStatus";

    /// <summary>
    /// Ids per request where the client splits a long list: 100 ids of 16-19 digits keep the URL under 2 KB,
    /// well inside the 8 KB request line common servers allow (a 2,000-agent list would not be).
    /// </summary>
    public const int MaxIdsPerRequest = 100;

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    public Task<StatusAuditResponse> GetStatusAuditAsync(StatusAuditQuery query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, StatusAuditPath, query.ToQueryString(), ZohoJsonContext.Default.StatusAuditResponse, "status audit list", cancellationToken);

    public Task<CallLogActivityResponse> GetCallLogActivityAsync(CallLogActivityQuery query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, CallLogActivityPath, query.ToQueryString(), ZohoJsonContext.Default.CallLogActivityResponse, "call log status activity", cancellationToken);

    public Task<OverviewResponse> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, OverviewPath, query.ToQueryString(), ZohoJsonContext.Default.OverviewResponse, "overview", cancellationToken);

    public Task<CalendarSummaryResponse> GetCalendarSummaryAsync(CalendarSummaryQuery query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, CalendarSummaryPath, query.ToQueryString(), ZohoJsonContext.Default.CalendarSummaryResponse, "calendar summary", cancellationToken);

    public Task<OwnOnlineStatusResponse> GetOwnOnlineStatusAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, OwnOnlineStatusPath, "", ZohoJsonContext.Default.OwnOnlineStatusResponse, "own online status", cancellationToken);

    public Task<UpdateOnlineStatusResponse> SetOwnOnlineStatusAsync(string status, CancellationToken cancellationToken)
    {
        const string operation = "set own online status";
        var problems = new List<string>();
        ValidateSettableStatus(status, problems);
        ThrowIfAny(operation, problems);
        string query = new QueryString().Add("status", status).ToString();
        return SendAsync(HttpMethod.Put, OwnOnlineStatusPath, query, ZohoJsonContext.Default.UpdateOnlineStatusResponse, operation, cancellationToken);
    }

    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusAsync(IReadOnlyList<string> agentIds, CancellationToken cancellationToken) =>
        GetManyOnlineStatusAsync("agentIds", agentIds, cancellationToken);

    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusByZuidAsync(IReadOnlyList<string> zuids, CancellationToken cancellationToken) =>
        GetManyOnlineStatusAsync("zuids", zuids, cancellationToken);

    public Task<OverrideOnlineStatusResponse> OverrideOnlineStatusAsync(IReadOnlyList<string> agentIds, string status, CancellationToken cancellationToken)
    {
        const string operation = "override online status";
        var problems = new List<string>();
        EpochWindowQuery.ValidateIds("agentIds", agentIds, required: true, problems);
        ValidateSettableStatus(status, problems);
        ThrowIfAny(operation, problems);
        string query = new QueryString().Add("agentIds", agentIds).Add("status", status).ToString();
        return SendAsync(HttpMethod.Put, OverrideOnlineStatusPath, query, ZohoJsonContext.Default.OverrideOnlineStatusResponse, operation, cancellationToken);
    }

    /// <summary>Long id lists go out in batches of <see cref="MaxIdsPerRequest"/>; the outcomes come back as one answer, in order.</summary>
    private async Task<AgentsOnlineStatusResponse> GetManyOnlineStatusAsync(string parameter, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        const string operation = "agents' online status";
        var problems = new List<string>();
        EpochWindowQuery.ValidateIds(parameter, ids, required: true, problems);
        ThrowIfAny(operation, problems);
        AgentsOnlineStatusResponse? merged = null;
        foreach (var batch in ids.Chunk(MaxIdsPerRequest))
        {
            string query = new QueryString().Add(parameter, batch).ToString();
            var answer = await SendAsync(HttpMethod.Get, AgentsOnlineStatusPath, query, ZohoJsonContext.Default.AgentsOnlineStatusResponse, operation, cancellationToken);
            merged = merged is null ? answer : merged with { OnlineStatus = [.. merged.Agents, .. answer.Agents] };
        }
        return merged ?? new AgentsOnlineStatusResponse();
    }

    private static void ValidateSettableStatus(string status, List<string> problems)
    {
        if (!AgentStatuses.Settable.Contains(status, StringComparer.Ordinal))
        {
            problems.Add($"status \"{status}\" cannot be set; choose one of {string.Join(", ", AgentStatuses.Settable)}.");
        }
    }

    private static void ThrowIfAny(string operation, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ZohoQueryException(operation, problems);
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string query, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : ZohoEnvelope
    {
        var limit = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            using var request = new HttpRequestMessage(method, path + query);
            request.Headers.Accept.Add(Json);
            if (user is not null && await user.GetUserIdAsync(deadline.Token) is { } userId)
            {
                request.Options.Set(ZohoOAuthTokenHandler.UserKey, userId);
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await ZohoFailures.FromResponseAsync(response, operation, deadline.Token);
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                throw mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)
                    ? await ZohoFailures.FromResponseAsync(response, operation, deadline.Token)
                    : ZohoFailures.NotJson(operation, response.StatusCode, mediaType);
            }
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var answer = await DeserializeAsync(body, typeInfo, operation, response, deadline.Token);
            if (!answer.IsSuccess)
            {
                throw ZohoFailures.FromFailedEnvelope(operation, answer.Code, answer.Status, answer.Message);
            }
            return answer;
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw Logged(ZohoFailures.Timeout(operation, limit, error));
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            throw Logged(ZohoFailures.Truncated(operation, error));
        }
        catch (HttpRequestException error)
        {
            throw Logged(ZohoFailures.Unreachable(operation, http.BaseAddress, error));
        }
        catch (IOException error)
        {
            throw Logged(ZohoFailures.Truncated(operation, error));
        }
        catch (ZohoApiException error)
        {
            throw Logged(error);
        }
    }

    private static async Task<T> DeserializeAsync<T>(Stream body, JsonTypeInfo<T> typeInfo, string operation, HttpResponseMessage response, CancellationToken cancellationToken)
        where T : ZohoEnvelope
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken)
                ?? throw ZohoFailures.Empty(operation, response.StatusCode);
        }
        catch (JsonException error) when (error.InnerException is IOException or HttpRequestException)
        {
            throw ZohoFailures.Truncated(operation, error);
        }
        catch (JsonException error) when (error.LineNumber == 0 && error.BytePositionInLine == 0 && IsEmptyBodyError(error))
        {
            throw ZohoFailures.Empty(operation, response.StatusCode);
        }
        catch (JsonException error)
        {
            throw ZohoFailures.Malformed(operation, error);
        }
    }

    private static bool IsEmptyBodyError(JsonException error) =>
        error.Message.Contains("input does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase);

    private ZohoApiException Logged(ZohoApiException error)
    {
        // The message is written to be safe to log: no token, no body.
        logger.LogWarning("Zoho Voice call failed: {Operation} {Kind} {HttpStatus} {ZohoCode}: {Message}",
            error.Operation, error.Kind, (int?)error.HttpStatus, error.ZohoCode, error.Message);
        return error;
    }
}
