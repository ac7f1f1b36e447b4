using System.Text.Json;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;

namespace AgentDashboard.Simulator.Voice;

/// <summary>
/// A status change with the change before it: everything a status-audit hit says. An answer carries the call's
/// log id as its <c>logid</c> (an inference: it is what lets a timeline link to the call).
/// </summary>
internal readonly record struct HitPair(StatusEvent? Previous, StatusEvent Current, string? CallLogId = null);

/// <summary>Writes status-audit hits in the vendor's field order and with its quirks.</summary>
internal static class HitWriter
{
    public static void WriteHit(this Utf8JsonWriter json, CallCentre centre, Agent agent, HitPair hit, int seed)
    {
        var (previous, current, _) = hit;
        json.WriteStartObject();
        json.WriteString("agent_id", agent.Id);
        if (previous is { } p) json.WriteNumber("previous_action_time", p.Time);
        json.WriteString("agentEmail", agent.Email);
        string? description = Description(current);
        if (description is not null) json.WriteString("triggered_reason_desc", description);
        json.WriteNumber("current_action_time", current.Time);
        json.WriteString("agentName", agent.Name);
        var (by, medium, actor, reason) = Trigger(centre, agent, current);
        if (actor is not null) json.WriteString("triggered_by_username", actor.Name); // absent on system hits, as at Zoho
        json.WriteString("triggered_by", by);
        if (previous is { } q) json.WriteNumber("duration", current.Time - q.Time);
        json.WriteString("triggered_by_medium", medium);
        json.WriteString("triggered_by_zuid", actor?.Zuid ?? "");
        json.WriteString("current_status", current.Status.Name());
        json.WriteString("logid", hit.CallLogId ?? Ids.LogId(seed, agent.Index, current.Time));
        json.WriteString("zsoid", CallCentre.Zsoid);
        json.WriteString("triggered_reason", reason);
        json.WriteString("previous_status", (previous?.Status ?? Status.Offline).Name());
        json.WriteEndObject();
    }

    private static (string By, string Medium, Agent? Actor, string Reason) Trigger(CallCentre centre, Agent agent, StatusEvent e) => e.Trigger switch
    {
        Model.Trigger.Agent => ("User", "Web", agent, ""),
        Model.Trigger.Api when e.Actor >= 0 && centre.Users[e.Actor].Agent.Index != agent.Index => ("User", "API", centre.Users[e.Actor].Agent, "Status Override"),
        Model.Trigger.Api => ("User", "API", agent, ""),
        Model.Trigger.Schedule => ("Zoho Voice", "", null, "Agent Schedule"),
        _ => ("Zoho Voice", "", null, "Call"),
    };

    private static string? Description(StatusEvent e) => e.Trigger switch
    {
        Model.Trigger.Schedule => "Automatic Check In",
        Model.Trigger.Call when e.Status == Status.OnCall => "Call Answered",
        Model.Trigger.Call when e.Status == Status.Busy => "After Call Work",
        Model.Trigger.Call => "Call Ended",
        _ => null,
    };

    /// <summary>The hits of one agent in [from, to) (up to now), each with the change before it.</summary>
    public static List<HitPair> Hits(CallCentreSimulation simulation, Agent agent, long from, long to)
    {
        var hits = new List<HitPair>();
        StatusEvent? previous = simulation.LastEventBefore(agent, from);
        foreach (var e in simulation.Events(agent, from, to))
        {
            hits.Add(new HitPair(previous, e, simulation.AnsweredCallLogId(agent, e)));
            previous = e;
        }
        return hits;
    }

    /// <summary>The last change before <paramref name="instant"/> as a hit (<c>previousResult</c>), or null.</summary>
    public static HitPair? PreviousResult(CallCentreSimulation simulation, Agent agent, long instant) =>
        simulation.LastEventBefore(agent, instant) is { } last ? new HitPair(simulation.LastEventBefore(agent, last.Time), last, simulation.AnsweredCallLogId(agent, last)) : null;
}
