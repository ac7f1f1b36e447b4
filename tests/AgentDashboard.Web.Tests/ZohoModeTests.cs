using System.Net;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The dashboard in Zoho mode against the standalone simulator, as it would run against Zoho: its own host knows no
/// simulator, sign-in goes to the configured accounts server, and the queues are the configured ones
/// (<c>Dashboard:Live:Queues</c>), named by <c>Dashboard:Live:QueueNames</c>.
/// </summary>
public sealed class ZohoModeTests : IAsyncLifetime
{
    private const string QueueName = "Front desk";
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private StandaloneSimulator simulator = null!;
    private DashboardHost host = null!;
    private SignInFlow browser = null!;

    private CallCentreSimulation Simulation => simulator.Simulation;
    private User Supervisor => Simulation.Centre.Users[1];

    /// <summary>The one queue configured: the first whose agents the supervisor may all see.</summary>
    private Queue Watched => Simulation.Centre.Queues.First(q => q.Members.All(m => Supervisor.CanSee(Simulation.Centre.Agents[m])));

    public async Task InitializeAsync()
    {
        simulator = await StandaloneSimulator.StartAsync(clock);
        string zoho = simulator.Address.ToString().TrimEnd('/');
        host = await DashboardHost.StartAsync(
        [
            "--environment=Development", "--Dashboard:Mode=Zoho",
            $"--Zoho:ClientId={ZohoSignInOptions.DemoClientId}", $"--Zoho:ClientSecret={ZohoSignInOptions.DemoClientSecret}",
            $"--Zoho:AccountsUrl={zoho}", $"--Zoho:ApiBaseUrl={zoho}",
            $"--Dashboard:Live:Queues:0={Watched.Id}", $"--Dashboard:Live:QueueNames:{Watched.Id}={QueueName}",
        ], clock: clock);
        browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Supervisor.Zuid);
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await host.DisposeAsync();
        await simulator.DisposeAsync();
    }

    [Fact]
    public async Task The_dashboard_mounts_no_simulator_and_signs_in_at_the_configured_accounts_server()
    {
        Assert.Null(host.App.Services.GetService(typeof(CallCentreSimulation)));
        using var mounted = await browser.Http.GetAsync("/zoho-sim/sim/directory");
        Assert.Equal(HttpStatusCode.NotFound, mounted.StatusCode);

        string home = await browser.PageAsync();
        Assert.Contains("Zoho mode", home);
        Assert.DoesNotContain("id=\"demo-centre\"", home);
        Assert.Contains($"Signed in as {Supervisor.Name}", home);
    }

    [Fact]
    public async Task The_live_grid_watches_the_configured_queue_and_shows_its_agents()
    {
        // The first paint already holds the feed's first board (the page waits a moment for it).
        string live = await browser.PageAsync("/live");
        var members = Watched.Members.Select(m => Simulation.Centre.Agents[m]).ToList();
        Assert.All(members, agent => Assert.Contains($"data-agent=\"{agent.Id}\"", live));
        var others = Simulation.Centre.Agents.Where(a => Supervisor.CanSee(a) && !Watched.Members.Contains(a.Index));
        Assert.All(others, agent => Assert.DoesNotContain($"data-agent=\"{agent.Id}\"", live));
    }

    [Fact]
    public async Task Pages_that_offer_queues_offer_the_configured_one_by_its_configured_name()
    {
        string displays = await browser.PageAsync("/displays");
        Assert.Contains(QueueName, displays);
        Assert.DoesNotContain(Watched.Name, displays);
    }
}
