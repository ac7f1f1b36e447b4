using System.Text.Json;
using AgentDashboard.Simulator.Model;
using static AgentDashboard.Simulator.Voice.AggregateFigures;

namespace AgentDashboard.Simulator.Voice;

/// <summary>The aggregate calls: each agent's time per status over a window, for the period (overview) and per day (calendar summary).</summary>
internal static class AggregateEndpoints
{
    /// <summary>The aggregate names, in the order the answers list them.</summary>
    private static readonly string[] AggregateOrder = ["Working Time", "On Break", "Busy", "Offline", "Available", "On Call"];

    public static Task Overview(VoiceRequest request, Utf8JsonWriter json)
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

    public static Task CalendarSummary(VoiceRequest request, Utf8JsonWriter json)
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

    /// <summary>The agents of the page that from and size ask for.</summary>
    private static IEnumerable<Agent> Paged(VoiceRequest request, List<Agent> agents)
    {
        int from = request.OptionalInt("from", 0) ?? 0;
        int size = request.OptionalInt("size", 1) ?? int.MaxValue;
        return agents.Skip(from).Take(size);
    }

    /// <summary>Whether an aggregate name is answered: Working Time always, a status unless the window excludes it.</summary>
    private static bool Included(MetricsWindow window, string name) =>
        name == "Working Time" || !StatusNames.TryParse(name, out var s) || !window.ExcludedStatuses.Contains(s);
}
