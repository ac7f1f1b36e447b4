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
    public LiveScope Everything() =>
        services.GetService<CallCentreSimulation>() is { } demo
            ? LiveScope.Queues([.. demo.Centre.Queues.Select(q => q.Id)])
            : LiveScope.Queues([.. options.Value.Queues]);
}
