using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

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

/// <summary>
/// Zoho Voice for the dashboard: each call's parameters checked (every problem at once), sent through the Refit
/// interface <see cref="IZohoVoiceApi"/>, its answer read as a stream with source-generated, quirk-aware JSON, and
/// every failure of a whole call turned into a <see cref="ZohoApiException"/> in words.
/// </summary>
/// <remarks>
/// Resolved in the caller's scope (a circuit, a request, a feed), so <paramref name="user"/> says whom each call
/// is for; the token handler, which lives in the HTTP client factory's own scope, reads it from the request.
/// </remarks>
public sealed class ZohoVoiceClient(IZohoVoiceApi api, IOptions<ZohoVoiceOptions> options, ILogger<ZohoVoiceClient> logger, IZohoUserContext? user = null) : IZohoVoiceClient
{
    /// <summary>
    /// Ids per request where the client splits a long list: 100 ids of 16-19 digits keep the URL under 2 KB,
    /// well inside the 8 KB request line common servers allow (a 2,000-agent list would not be).
    /// </summary>
    public const int MaxIdsPerRequest = 100;

    /// <summary>A client over an <see cref="HttpClient"/> of the caller's making (tests, load programs): the same Refit interface.</summary>
    public static ZohoVoiceClient Over(HttpClient http, IOptions<ZohoVoiceOptions> options, ILogger<ZohoVoiceClient> logger, IZohoUserContext? user = null) =>
        new(RestService.For<IZohoVoiceApi>(http), options, logger, user);

    public Task<StatusAuditResponse> GetStatusAuditAsync(StatusAuditQuery query, CancellationToken cancellationToken) =>
        SendAsync(query.ToParameters(), api.StatusAuditAsync, ZohoJsonContext.Default.StatusAuditResponse, "status audit list", cancellationToken);

    public Task<CallLogActivityResponse> GetCallLogActivityAsync(CallLogActivityQuery query, CancellationToken cancellationToken) =>
        SendAsync(query.ToParameters(), api.CallLogActivityAsync, ZohoJsonContext.Default.CallLogActivityResponse, "call log status activity", cancellationToken);

    public Task<OverviewResponse> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken) =>
        SendAsync(query.ToParameters(), api.OverviewAsync, ZohoJsonContext.Default.OverviewResponse, "overview", cancellationToken);

    public Task<CalendarSummaryResponse> GetCalendarSummaryAsync(CalendarSummaryQuery query, CancellationToken cancellationToken) =>
        SendAsync(query.ToParameters(), api.CalendarSummaryAsync, ZohoJsonContext.Default.CalendarSummaryResponse, "calendar summary", cancellationToken);

    public Task<OwnOnlineStatusResponse> GetOwnOnlineStatusAsync(CancellationToken cancellationToken) =>
        SendAsync((userId, token) => api.OwnOnlineStatusAsync(userId, token), ZohoJsonContext.Default.OwnOnlineStatusResponse, "own online status", cancellationToken);

    public Task<UpdateOnlineStatusResponse> SetOwnOnlineStatusAsync(string status, CancellationToken cancellationToken)
    {
        const string operation = "set own online status";
        var problems = new List<string>();
        ValidateSettableStatus(status, problems);
        ThrowIfAny(operation, problems);
        return SendAsync((userId, token) => api.SetOwnOnlineStatusAsync(status, userId, token), ZohoJsonContext.Default.UpdateOnlineStatusResponse, operation, cancellationToken);
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
        string ids = string.Join(',', agentIds);
        return SendAsync((userId, token) => api.OverrideOnlineStatusAsync(ids, status, userId, token), ZohoJsonContext.Default.OverrideOnlineStatusResponse, operation, cancellationToken);
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
            var parameters = new QueryString().Add(parameter, batch).Parameters;
            var answer = await SendAsync(parameters, api.AgentsOnlineStatusAsync, ZohoJsonContext.Default.AgentsOnlineStatusResponse, operation, cancellationToken);
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

    private Task<T> SendAsync<T>(
        IDictionary<string, string> parameters, Func<IDictionary<string, string>, string?, CancellationToken, Task<HttpResponseMessage>> call,
        JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : ZohoEnvelope =>
        SendAsync((userId, token) => call(parameters, userId, token), typeInfo, operation, cancellationToken);

    /// <summary>Each call counted and timed by its outcome (<see cref="ZohoMetrics"/>).</summary>
    private async Task<T> SendAsync<T>(Func<string?, CancellationToken, Task<HttpResponseMessage>> call, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : ZohoEnvelope
    {
        long started = Stopwatch.GetTimestamp();
        string outcome = "ok";
        try
        {
            return await SendUnmeasuredAsync(call, typeInfo, operation, cancellationToken);
        }
        catch (ZohoApiException error)
        {
            outcome = ZohoMetrics.Outcome(error.Kind);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            ZohoMetrics.Record(operation, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<T> SendUnmeasuredAsync<T>(Func<string?, CancellationToken, Task<HttpResponseMessage>> call, JsonTypeInfo<T> typeInfo, string operation, CancellationToken cancellationToken)
        where T : ZohoEnvelope
    {
        var limit = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            string? userId = user is null ? null : await user.GetUserIdAsync(deadline.Token);
            using var response = await Unwrapped(call(userId, deadline.Token), operation);
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
        catch (Exception error) when (error is OperationCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw Logged(ZohoFailures.Timeout(operation, limit, error));
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException error)
        {
            throw Logged(ZohoFailures.Resting(operation, error));
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            throw Logged(ZohoFailures.Truncated(operation, error));
        }
        catch (HttpRequestException error)
        {
            throw Logged(ZohoFailures.Unreachable(operation, null, error));
        }
        catch (IOException error)
        {
            throw Logged(ZohoFailures.Truncated(operation, error));
        }
        catch (ZohoApiException error)
        {
            throw Logged(error);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Anything else (the token store, the dashboard itself): one failure in words for every caller; its type goes to the log only.
            logger.LogWarning("The {Operation} request failed on the dashboard's side: {Error}", operation, error.GetType().Name);
            throw Logged(new ZohoApiException(ZohoFailureKind.Unexpected, operation,
                $"The {operation} request could not be made: the dashboard failed on its side. Try again shortly.", error));
        }
    }

    /// <summary>
    /// Refit wraps what failed while sending (the network, the token handler). A server that cannot be reached is
    /// named by the address the request went to (the user's data centre); anything else is mapped as it was thrown.
    /// </summary>
    private static async Task<HttpResponseMessage> Unwrapped(Task<HttpResponseMessage> sending, string operation)
    {
        try
        {
            return await sending;
        }
        catch (ApiRequestException wrapped) when (wrapped.InnerException is HttpRequestException { HttpRequestError: not HttpRequestError.ResponseEnded } cause)
        {
            throw ZohoFailures.Unreachable(operation, wrapped.RequestMessage?.RequestUri ?? wrapped.Uri, cause);
        }
        catch (ApiRequestException wrapped) when (wrapped.InnerException is { } cause)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            throw;
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
