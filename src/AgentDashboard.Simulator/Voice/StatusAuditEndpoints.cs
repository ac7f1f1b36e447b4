using System.Text.Json;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using static AgentDashboard.Simulator.Voice.AggregateFigures;

namespace AgentDashboard.Simulator.Voice;

/// <summary>The status-audit calls: every agent's status changes (hits) over a window, and one queue call's log.</summary>
internal static class StatusAuditEndpoints
{
    /// <summary>Hits paged by from/size over hits, agents in the order asked (or sorted), hits in time order.</summary>
    public static async Task StatusAuditList(VoiceRequest request, Utf8JsonWriter json)
    {
        var window = request.Window();
        var agents = Sorted(request, request.VisibleAgents(queuesAllowed: false), window);
        int from = request.OptionalInt("from", 0) ?? 0;
        int size = request.OptionalInt("size", 1) ?? int.MaxValue;
        long pageEnd = (long)from + size;
        var simulation = request.Simulation;
        var firstDay = window.LocalDate(window.From);

        json.WriteStartObject();
        json.WriteString("code", "200");
        json.WriteStartObject("list");
        json.WriteStartArray("agentStatus");
        long offset = 0;
        foreach (var agent in agents)
        {
            if (offset >= pageEnd && from > 0) break; // the first page goes on for the agents without hits

            var hits = HitWriter.Hits(simulation, agent, window.From, window.To)
                .Where(h => !window.ExcludedStatuses.Contains(h.Current.Status) && !window.ExcludedDays.Contains(window.LocalDate(h.Current.Time).DayOfWeek))
                .ToList();
            int start = (int)Math.Clamp(from - offset, 0, hits.Count), end = (int)Math.Clamp(pageEnd - offset, 0, hits.Count);
            offset += hits.Count;
            bool whole = start == 0 && end == hits.Count;
            if (end <= start && !(hits.Count == 0 && from == 0)) continue;

            json.WriteStartObject();
            json.WritePropertyName("previousResult");
            if (HitWriter.PreviousResult(simulation, agent, window.From) is { } previous) json.WriteHit(request.Centre, agent, previous, simulation.Options.Seed);
            else { json.WriteStartObject(); json.WriteEndObject(); }
            json.WriteString("agent_id", agent.Id);
            json.WriteString("agentEmail", agent.Email);
            json.WriteString("agentName", agent.Name);
            json.WriteStartArray("dates");
            var byDay = hits.Skip(start).Take(end - start).GroupBy(h => window.LocalDate(h.Current.Time)).ToDictionary(g => g.Key, g => g.ToList());
            // A page holding all of an agent's hits lists every day of the window, empty ones included.
            var days = whole ? window.Days : byDay.Keys.Order().ToList();
            foreach (var day in days)
            {
                json.WriteStartObject();
                json.WriteStartArray("hits");
                foreach (var hit in byDay.GetValueOrDefault(day) ?? []) json.WriteHit(request.Centre, agent, hit, simulation.Options.Seed);
                json.WriteEndArray();
                json.WriteNumber("start_timestamp", window.LocalMidnight(day));
                json.WriteNumber("index", day.DayNumber - firstDay.DayNumber);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(request.Context.RequestAborted); // stream large answers agent by agent
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
    }

    /// <summary>One queue call's log: the ringing order, who answered, the queue, and the members' hits over the window.</summary>
    public static Task CallLogActivity(VoiceRequest request, Utf8JsonWriter json)
    {
        var window = request.Window(withFilters: false);
        string logId = request.Required("logId", "the id of a queue call's log");
        var found = request.Simulation.FindCall(logId, window.From, window.To);
        var centre = request.Centre;
        if (found is not { } hit || !centre.Queues[hit.Call.Queue].Members.Any(m => request.Caller.CanSee(centre.Agents[m])))
        {
            throw ZohoError.BadInput($"There is no incoming queue call with log id {logId} between fromEpoch and toEpoch.");
        }
        var call = hit.Call;
        var queue = centre.Queues[call.Queue];
        var members = queue.Members.Select(m => centre.Agents[m]).ToList();
        var rung = call.Rings.Select(r => r.Agent).ToHashSet();

        json.WriteStartObject();
        json.WriteString("code", "200");
        json.WriteStartObject("log");
        json.WriteStartArray("response");
        json.WriteStartObject();
        json.WriteStartArray("ringingOrder");
        foreach (var ring in call.Rings)
        {
            WriteRing(json, centre.Agents[ring.Agent], queue, ring.Start, ring.RingMs, ring.Outcome == RingOutcome.Answered, RingCause(ring.Outcome));
        }
        // Members who were not free were not rung; they are listed with why, which is what the forensics need.
        foreach (var agent in members.Where(a => !rung.Contains(a.Index)))
        {
            var status = request.Simulation.StatusAt(agent, call.EntryTime);
            WriteRing(json, agent, queue, call.EntryTime, 0, false, StatusCause(status));
        }
        json.WriteEndArray();
        json.WriteStartObject("answeredAgent");
        if (call.Answered)
        {
            var answered = centre.Agents[call.AnsweredBy];
            json.WriteString("agentId", answered.Id);
            json.WriteString("agent_name", answered.Name);
            json.WriteIdAsNumber("agent_number", answered.Id);
            json.WriteNumber("answered_time", call.ExitTime);
        }
        json.WriteEndObject();
        json.WriteStartObject("queueDetails");
        json.WriteIdAsNumber("_queueId", queue.Id);
        json.WriteNumber("ringtime_in_queue", (call.ExitTime - call.EntryTime) / 1000);
        json.WriteString("queueName", queue.Name);
        json.WriteNumber("customer_entry_time", call.EntryTime);
        json.WriteString("strategy", queue.StrategyName);
        json.WriteNumber("customer_exit_time", call.ExitTime);
        json.WriteEndObject();
        json.WriteStartArray("agentStatus");
        foreach (var agent in members.Where(request.Caller.CanSee))
        {
            json.WriteStartObject();
            json.WriteStartArray("hits");
            foreach (var pair in HitWriter.Hits(request.Simulation, agent, window.From, window.To)) json.WriteHit(centre, agent, pair, request.Simulation.Options.Seed);
            json.WriteEndArray();
            json.WriteString("agent_id", agent.Id);
            json.WriteString("agentName", agent.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    private static void WriteRing(Utf8JsonWriter json, Agent agent, Queue queue, long start, int ringMs, bool answered, (string Code, string Name, string Description) cause)
    {
        json.WriteStartObject();
        json.WriteString("agentId", agent.Id);
        json.WriteStartArray("rings");
        json.WriteStartObject();
        json.WriteNumber("start_time", start);
        json.WriteString("queueName", queue.Name);
        json.WriteString("agent_name", agent.Name);
        json.WriteIdAsNumber("agent_number", agent.Id);
        json.WriteNumber("ringing_time", ringMs);
        json.WriteBoolean("is_answered", answered);
        json.WriteString("strategy", queue.StrategyName);
        json.WriteStartObject("hangup_cause");
        json.WriteString("hangup_cause_description", cause.Description);
        json.WriteString("hangupcause", cause.Code);
        json.WriteString("hangup_cause_displayname", cause.Name);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (string, string, string) RingCause(RingOutcome outcome) => outcome switch
    {
        RingOutcome.Answered => ("NORMAL_CLEARING", "Answered", "The agent answered the call."),
        RingOutcome.AnsweredElsewhere => ("LOSE_RACE", "Answered elsewhere", "Another agent answered the call first."),
        _ => ("NO_ANSWER", "No answer", "The agent did not answer before the ring time ran out."),
    };

    private static (string, string, string) StatusCause(Status status) => status switch
    {
        Status.Offline => ("UNALLOCATED_NUMBER", "User unreachable", "The user you are trying to reach is not available."),
        Status.Available => ("USER_BUSY", "User busy", "The agent was ringing for another call."),
        _ => ("USER_BUSY", "User busy", $"The agent was {status.Name()}."),
    };
}
