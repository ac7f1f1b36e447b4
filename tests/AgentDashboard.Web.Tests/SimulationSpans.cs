using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The simulation keeps running while a test reads a page, so a page is checked against what the simulation said
/// over the span in which the page could have read it, not at one instant.
/// </summary>
internal static class SimulationSpans
{
    /// <summary>Every status the agent had at some instant from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static IReadOnlyList<string> StatusesDuring(this CallCentreSimulation simulation, Agent agent, long from, long to) =>
        [simulation.StatusAt(agent, from).Name(), .. simulation.Events(agent, from + 1, to + 1).Select(e => e.Status.Name())];

    /// <summary>Whether the agent's status changed after <paramref name="from"/>, up to <paramref name="to"/> inclusive.</summary>
    public static bool ChangedDuring(this CallCentreSimulation simulation, Agent agent, long from, long to) =>
        simulation.Events(agent, from + 1, to + 1).Any();

    /// <summary>
    /// When the agent's status at <paramref name="instant"/> began: the change into it, passing over check-ins into
    /// the same status; null when the simulation holds no change at all.
    /// </summary>
    public static long? StatusBegan(this CallCentreSimulation simulation, Agent agent, long instant)
    {
        var status = simulation.StatusAt(agent, instant);
        long? began = null;
        for (var e = simulation.LastEventBefore(agent, instant + 1); e is { } change && change.Status == status; e = simulation.LastEventBefore(agent, change.Time))
        {
            began = change.Time;
        }
        return began;
    }
}
