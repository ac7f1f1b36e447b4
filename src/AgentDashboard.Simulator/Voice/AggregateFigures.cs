using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Voice;

/// <summary>
/// The figures an aggregate name stands for (a status, or Working Time), their averages, and agents sorted by
/// them: shared by the status-audit list and the aggregate calls.
/// </summary>
internal static class AggregateFigures
{
    /// <summary>The agents in the order sortField, sortMetric and sortOrder ask for (ties in agent order); as given without a sortField.</summary>
    public static List<Agent> Sorted(VoiceRequest request, List<Agent> agents, MetricsWindow window, Dictionary<Agent, StatusTotals>? totals = null)
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

    /// <summary>The figures an aggregate name stands for: Working Time, or a status's (null if never entered or not a status).</summary>
    public static Figures? Pick(Dictionary<Status, Figures> figures, string name) =>
        name == "Working Time" ? StatusTotals.WorkingTime(figures) : StatusNames.TryParse(name, out var s) ? figures.GetValueOrDefault(s) : null;

    /// <summary>An average that is 0 over nothing.</summary>
    public static double Divide(long sum, long by) => by == 0 ? 0 : (double)sum / by;
}
