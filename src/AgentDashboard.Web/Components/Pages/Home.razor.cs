using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

public partial class Home
{
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }

    private DateTimeOffset? LastAnswer { get; set; }
    private int Checks { get; set; }

    /// <summary>What the embedded simulator holds, in demo mode.</summary>
    private sealed record DemoCentre(int AgentCount, IReadOnlyList<string> Queues, IReadOnlyList<string> Users, string TimeZone);

    private DemoCentre? Centre => Services.GetService<CallCentreSimulation>()?.Centre is { } centre
        ? new DemoCentre(
            centre.Agents.Count - centre.Users.Count,
            centre.Queues.Select(q => $"{q.Name} ({q.StrategyName}, {q.Members.Length} agents)").ToList(),
            centre.Users.Select(u => $"{u.Name} ({u.Role.ToString().ToLowerInvariant()})").ToList(),
            centre.TimeZone.Id)
        : null;

    private string ModeTitle => Options.Value.Mode == DashboardMode.Demo ? "Demo mode" : "Zoho mode";

    private void CheckConnection()
    {
        Checks++;
        LastAnswer = Clock.GetUtcNow();
    }
}
