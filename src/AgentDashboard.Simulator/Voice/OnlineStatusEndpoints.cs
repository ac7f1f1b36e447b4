using System.Text.Json;
using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Voice;

/// <summary>The online-status calls: the caller's own status (get and set), agents' statuses, and a supervisor's override.</summary>
internal static class OnlineStatusEndpoints
{
    public static Task OwnStatus(VoiceRequest request, Utf8JsonWriter json)
    {
        var agent = request.Caller.Agent;
        json.WriteStartObject();
        json.WriteString("code", "200");
        json.WriteStartObject("onlineStatus");
        json.WriteString("agentId", agent.Id);
        json.WriteString("onlineStatus", request.Simulation.StatusAt(agent, request.Simulation.Now).Name());
        json.WriteEndObject();
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    public static Task SetOwnStatus(VoiceRequest request, Utf8JsonWriter json)
    {
        var status = request.RequiredSettableStatus();
        request.Simulation.SetStatus(request.Caller.Agent, status, request.Caller);
        json.WriteStartObject();
        json.WriteString("code", "200");
        json.WriteString("message", "success");
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    public static Task AgentsStatus(VoiceRequest request, Utf8JsonWriter json)
    {
        var byZuid = request.List("zuids");
        var ids = byZuid.Count > 0 ? byZuid : request.List("agentIds");
        if (ids.Count == 0)
        {
            throw ZohoError.BadInput("The parameter agentIds (or zuids) is required.");
        }
        long now = request.Simulation.Now;
        json.WriteStartObject();
        json.WriteString("code", "200");
        json.WriteStartArray("onlineStatus");
        foreach (string id in ids)
        {
            var agent = byZuid.Count > 0 ? request.Centre.FindAgentByZuid(id) : request.Centre.FindAgent(id);
            json.WriteStartObject();
            json.WriteString("agentId", agent?.Id ?? id);
            if (agent is null) json.WriteString("error", "Invalid agent.");
            else if (!request.Caller.CanSee(agent)) json.WriteString("error", "You are not authorised to view this agent's status.");
            else json.WriteString("onlineStatus", request.Simulation.StatusAt(agent, now).Name());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    public static Task OverrideStatus(VoiceRequest request, Utf8JsonWriter json)
    {
        var status = request.RequiredSettableStatus();
        var ids = request.List("agentIds");
        if (ids.Count == 0)
        {
            throw ZohoError.BadInput("The parameter agentIds is required.");
        }
        json.WriteStartObject();
        json.WriteString("status", "SUCCESS");
        json.WriteString("code", "200");
        json.WriteStartArray("overrideOnlineStatus");
        foreach (string id in ids)
        {
            var agent = request.Centre.FindAgent(id);
            json.WriteStartObject();
            json.WriteString("agentId", id);
            if (agent is null)
            {
                json.WriteString("status", "error");
                json.WriteString("message", "Invalid agent.");
            }
            else if (!request.Caller.CanOverride(agent))
            {
                json.WriteString("status", "error");
                json.WriteString("message", "You don't have permission to perform this action. Please contact your admin.");
            }
            else
            {
                request.Simulation.SetStatus(agent, status, request.Caller);
                json.WriteString("status", "success");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return Task.CompletedTask;
    }
}
