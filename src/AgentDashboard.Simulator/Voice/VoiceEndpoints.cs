using System.Text.Json;
using AgentDashboard.Simulator.Accounts;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Simulator.Voice;

/// <summary>The seven Zoho Voice agent-status calls, answered from the simulation.</summary>
internal static class VoiceEndpoints
{
    private const string AgentsRead = "ZohoVoice.agents.READ";
    private const string AgentsUpdate = "ZohoVoice.agents.UPDATE";
    private const string SdkRead = "ZohoVoice.sdk.READ";

    private static readonly string[] AggregateOrder = ["Working Time", "On Break", "Busy", "Offline", "Available", "On Call"];

    public static void MapVoice(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/rest/json/zv/metrics/statusaudit/list", Handle(AgentsRead, StatusAuditList));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/list/log", Handle(AgentsRead, CallLogActivity));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/overview", Handle(AgentsRead, Overview));
        routes.MapGet("/rest/json/zv/metrics/statusaudit/calendarSummary", Handle(AgentsRead, CalendarSummary));
        routes.MapGet("/rest/json/zv/api/agents/onlineStatus", Handle(AgentsRead, OwnStatus));
        routes.MapPut("/rest/json/zv/api/agents/onlineStatus", Handle(AgentsUpdate, SetOwnStatus));
        routes.MapGet("/rest/json/zv/api/v2/agents/onlineStatus", Handle(SdkRead, AgentsStatus));
        routes.MapPut("/rest/json/zv/api/agents/overrideOnlineStatus", Handle(AgentsRead, OverrideStatus));
    }

    /// <summary>
    /// Authenticates, applies faults, and runs the answer. Every answer checks its parameters before writing
    /// anything, so a bad request gets a clean Zoho-style 400.
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

    /// <summary>Hits paged by from/size over hits, agents in the order asked (or sorted), hits in time order.</summary>
    private static async Task StatusAuditList(VoiceRequest request, Utf8JsonWriter json)
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

    private static Task Overview(VoiceRequest request, Utf8JsonWriter json)
    {
        var window = request.Window();
        var agents = request.VisibleAgents(queuesAllowed: true);
        var totals = agents.ToDictionary(a => a, a => StatusTotals.For(request.Simulation, a, window));
        var page = Paged(request, Sorted(request, agents, window, totals));
        int days = window.Days.Count;

        json.WriteStartObject();
        json.WriteStartObject("overview");
        json.WriteStartObject("agentmetrics");
        json.WriteStartObject("overallAggregation");
        foreach (string name in AggregateOrder)
        {
            if (!Included(window, name)) continue;
            var figures = totals.Values.Select(t => Pick(t.Period, name)).ToList();
            long sum = figures.Sum(f => f?.Sum ?? 0);
            if (sum == 0) continue;
            json.WriteStartObject(name);
            json.WriteQuirkyNumber("avg", Divide(sum, days));
            json.WriteQuirkyNumber("max", figures.Max(f => f?.Max ?? 0));
            json.WriteString("onlineStatus", name);
            json.WriteQuirkyNumber("sum", sum);
            json.WriteQuirkyNumber("daily_peragent_avg", Divide(sum, (long)days * agents.Count));
            json.WriteEndObject();
        }
        json.WriteNumber("agentCount", agents.Count);
        json.WriteNumber("daysCount", days);
        json.WriteEndObject();

        json.WriteStartObject("maxTimeAgents");
        foreach (string name in AggregateOrder)
        {
            if (!Included(window, name)) continue;
            var top = totals.Select(t => (Agent: t.Key, Sum: Pick(t.Value.Period, name)?.Sum ?? 0)).OrderByDescending(t => t.Sum).FirstOrDefault();
            json.WriteStartObject(name);
            if (top.Sum > 0)
            {
                json.WriteQuirkyNumber("duration", top.Sum);
                json.WriteString("agentName", top.Agent.Name);
                json.WriteString("agent_id", top.Agent.Id);
            }
            else
            {
                json.WriteNoValue("duration");
                json.WriteNoValue("agentName");
            }
            json.WriteString("previous_status", name);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("individualAggregation");
        foreach (var agent in page) WriteAgentAggregation(json, agent, totals[agent], window);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("code", "200");
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    private static Task CalendarSummary(VoiceRequest request, Utf8JsonWriter json)
    {
        var window = request.Window();
        // Unsorted, so only the page's agents need their totals.
        var page = Paged(request, request.VisibleAgents(queuesAllowed: true)).ToList();
        var totals = page.ToDictionary(a => a, a => StatusTotals.For(request.Simulation, a, window));
        int days = window.Days.Count;

        json.WriteStartObject();
        json.WriteStartObject("calendarSummary");
        json.WriteStartArray("histogramAggregation");
        foreach (var agent in page)
        {
            json.WriteStartObject();
            json.WritePropertyName("totalRow");
            WriteAgentAggregation(json, agent, totals[agent], window);
            json.WriteStartObject("intervalsData");
            foreach (var day in window.Days)
            {
                string key = day.ToString("yyyy-MM-dd");
                var figures = totals[agent].ByDay.GetValueOrDefault(day) ?? [];
                json.WriteStartObject(key);
                json.WriteString("interval", key);
                json.WriteStartObject("previous_status");
                foreach (string name in AggregateOrder)
                {
                    if (!Included(window, name)) continue;
                    var f = Pick(figures, name);
                    json.WriteStartObject(name);
                    json.WriteQuirkyNumber("avg", Divide(f?.Sum ?? 0, days));
                    json.WriteQuirkyNumber("max", f?.Max ?? 0);
                    json.WriteQuirkyNumber("sum", f?.Sum ?? 0);
                    json.WriteString("previous_status", name);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("intervalsList");
            foreach (var day in window.Days) json.WriteStringValue(day.ToString("yyyy-MM-dd"));
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("individualAggregation");
        foreach (var agent in page) WriteAgentAggregation(json, agent, totals[agent], window);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("code", "200");
        json.WriteString("status", "SUCCESS");
        json.WriteEndObject();
        return Task.CompletedTask;
    }

    /// <summary>One agent's figures per status; a status never entered has sum "0" and "--" elsewhere, as in the vendor's example.</summary>
    private static void WriteAgentAggregation(Utf8JsonWriter json, Agent agent, StatusTotals totals, MetricsWindow window)
    {
        int days = window.Days.Count;
        json.WriteStartObject();
        json.WriteString("agent_id", agent.Id);
        json.WriteString("agentEmail", agent.Email);
        json.WriteString("agentName", agent.Name);
        foreach (string name in AggregateOrder)
        {
            if (!Included(window, name)) continue;
            var f = Pick(totals.Period, name);
            json.WriteStartObject(name);
            if (f is null || f.Sum == 0)
            {
                json.WriteNoValue("avg");
                json.WriteNoValue("peragent_avg");
                json.WriteNoValue("max");
                json.WriteString("onlineStatus", name);
                json.WriteString("sum", "0");
                json.WriteNoValue("daily_peragent_avg");
            }
            else
            {
                json.WriteQuirkyNumber("avg", Divide(f.Sum, days));
                json.WriteQuirkyNumber("max", f.Max);
                json.WriteString("onlineStatus", name);
                json.WriteQuirkyNumber("sum", f.Sum);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static Task CallLogActivity(VoiceRequest request, Utf8JsonWriter json)
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

    private static Task OwnStatus(VoiceRequest request, Utf8JsonWriter json)
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

    private static Task SetOwnStatus(VoiceRequest request, Utf8JsonWriter json)
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

    private static Task AgentsStatus(VoiceRequest request, Utf8JsonWriter json)
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

    private static Task OverrideStatus(VoiceRequest request, Utf8JsonWriter json)
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

    private static List<Agent> Sorted(VoiceRequest request, List<Agent> agents, MetricsWindow window, Dictionary<Agent, StatusTotals>? totals = null)
    {
        string? field = request.Value("sortField");
        if (field is null) return agents;
        if (field != "Working Time" && !StatusNames.TryParse(field, out _))
        {
            throw ZohoError.BadInput($"sortField \"{field}\" must be On Call, Offline, On Break, Available, Busy or Working Time.");
        }
        string metric = request.Value("sortMetric") ?? "sum";
        if (metric is not ("avg" or "sum" or "min" or "max"))
        {
            throw ZohoError.BadInput($"sortMetric \"{metric}\" must be avg, sum, min or max.");
        }
        string order = request.Value("sortOrder") ?? "desc";
        if (order is not ("asc" or "desc"))
        {
            throw ZohoError.BadInput($"sortOrder \"{order}\" must be asc or desc.");
        }
        totals ??= agents.ToDictionary(a => a, a => StatusTotals.For(request.Simulation, a, window));
        double Key(Agent a)
        {
            var f = Pick(totals[a].Period, field);
            return metric switch
            {
                "sum" => f?.Sum ?? 0,
                "avg" => Divide(f?.Sum ?? 0, window.Days.Count),
                "max" => f?.Max ?? 0,
                _ => f is { Sum: > 0 } ? f.Min : 0,
            };
        }
        var sorted = order == "asc" ? agents.OrderBy(Key) : agents.OrderByDescending(Key);
        return sorted.ThenBy(a => a.Index).ToList();
    }

    private static IEnumerable<Agent> Paged(VoiceRequest request, List<Agent> agents)
    {
        int from = request.OptionalInt("from", 0) ?? 0;
        int size = request.OptionalInt("size", 1) ?? int.MaxValue;
        return agents.Skip(from).Take(size);
    }

    private static Figures? Pick(Dictionary<Status, Figures> figures, string name) =>
        name == "Working Time" ? StatusTotals.WorkingTime(figures) : StatusNames.TryParse(name, out var s) ? figures.GetValueOrDefault(s) : null;

    private static bool Included(MetricsWindow window, string name) =>
        name == "Working Time" || !StatusNames.TryParse(name, out var s) || !window.ExcludedStatuses.Contains(s);

    private static double Divide(long sum, long by) => by == 0 ? 0 : (double)sum / by;
}
