using AgentDashboard.Simulator.Simulation;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

/// <summary>
/// What a supervisor watches before choosing: every queue, so they see every agent Zoho lets them see. Zoho's
/// API cannot list queues, so against Zoho they are configured (<c>Dashboard:Live:Queues</c>); in demo mode
/// they are the simulator's.
/// </summary>
public sealed class DefaultScope(IOptions<LiveFeedOptions> options, IServiceProvider services)
{
    public LiveScope Everything() => LiveScope.Queues([.. Queues().Select(q => q.Id)]);

    /// <summary>The queues with their names: the simulator's in demo mode; configured ones are named by <c>Dashboard:Live:QueueNames</c>.</summary>
    public IReadOnlyList<(string Id, string Name)> Queues() =>
        services.GetService<CallCentreSimulation>() is { } demo
            ? demo.Centre.Queues.Select(q => (q.Id, q.Name)).ToList()
            : options.Value.Queues.Select(id => (id, options.Value.QueueNames.GetValueOrDefault(id, id))).ToList();
}
