using System.Text.Json;
using AgentDashboard.Simulator.Accounts;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Simulator.Voice;

/// <summary>
/// The Zoho Voice agent-status calls, answered from the simulation: one route table with each call's scope, and
/// one request pipeline over the three families of answers (status audit, aggregates, online status).
/// </summary>
internal static class VoicePipeline
{
    private const string AgentsRead = "ZohoVoice.agents.READ";
    private const string AgentsUpdate = "ZohoVoice.agents.UPDATE";
    private const string SdkRead = "ZohoVoice.sdk.READ";

    public static void MapVoice(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rest/json/zv/metrics/statusaudit/list", Handle(AgentsRead, StatusAuditEndpoints.StatusAuditList));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/list/log", Handle(AgentsRead, StatusAuditEndpoints.CallLogActivity));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/overview", Handle(AgentsRead, AggregateEndpoints.Overview));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/calendarSummary", Handle(AgentsRead, AggregateEndpoints.CalendarSummary));
        routes.MapGet("/rest/json/zv/api/agents/onlineStatus", Handle(AgentsRead, OnlineStatusEndpoints.OwnStatus));
        routes.MapPut("/rest/json/zv/api/agents/onlineStatus", Handle(AgentsUpdate, OnlineStatusEndpoints.SetOwnStatus));
        routes.MapGet("/rest/json/zv/api/v2/agents/onlineStatus", Handle(SdkRead, OnlineStatusEndpoints.AgentsStatus));
        routes.MapPut("/rest/json/zv/api/agents/overrideOnlineStatus", Handle(AgentsRead, OnlineStatusEndpoints.OverrideStatus));
    }

    /// <summary>
    /// Applies faults, authenticates the token, checks its scope, and runs the answer into a JSON writer. Every
    /// answer checks its parameters before writing anything, so a bad request gets a clean Zoho-style 400.
    /// </summary>
    private static RequestDelegate Handle(string scope, Func<VoiceRequest, Utf8JsonWriter, Task> answer) => async context =>
    {
        var services = context.RequestServices;
        var simulation = services.GetRequiredService<CallCentreSimulation>();
        try
        {
            await services.GetRequiredService<FaultInjector>().ApplyAsync(context);
            string? token = ZohoAuthorization.AccessToken(context.Request);
            var (user, scopeMissing) = services.GetRequiredService<TokenStore>().Authenticate(token, scope);
            if (user is null)
            {
                throw ZohoError.InvalidToken();
            }
            if (scopeMissing)
            {
                throw new ZohoError(StatusCodes.Status403Forbidden, "OAUTH_SCOPE_MISMATCH", $"The access token does not carry the scope {scope}.");
            }
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var request = new VoiceRequest(context, simulation, simulation.Centre.Users[user.Value], form);
            context.Response.ContentType = "application/json;charset=UTF-8";
            await using var json = new Utf8JsonWriter(context.Response.BodyWriter, WireWriter.Options);
            await answer(request, json);
            await json.FlushAsync(context.RequestAborted);
        }
        catch (ZohoError error) when (!context.Response.HasStarted)
        {
            await error.WriteAsync(context.Response);
        }
    };
}
