using AgentDashboard.Core.Live;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A status change made through the dashboard reaches every feed holding the agent at once, on a real host whose feeds
/// poll once a minute: no poll can explain what the viewers see.
/// </summary>
public sealed class InstantChangeTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private SignInFlow supervisorBrowser = null!;
    private SignInFlow adminBrowser = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:01:00"]);
        supervisorBrowser = new SignInFlow(host.Address);
        adminBrowser = new SignInFlow(host.Address);
        await supervisorBrowser.SignInAsync(Supervisor.Zuid);
        await adminBrowser.SignInAsync(Admin.Zuid);
    }

    public async Task DisposeAsync()
    {
        supervisorBrowser.Dispose();
        adminBrowser.Dispose();
        await host.DisposeAsync();
    }

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private LiveFeedHub Hub => host.Services<LiveFeedHub>();
    private User Admin => Simulation.Centre.Users[0];
    private User Supervisor => Simulation.Centre.Users[1];

    /// <summary>A board after its first poll: every agent with a status, or Zoho's reason for none.</summary>
    private static bool Polled(BoardSnapshot board) => !board.Agents.IsEmpty && board.Agents.All(a => a.Status is not null || a.Error is not null);

    [Fact]
    public async Task An_override_shows_on_every_board_holding_the_agent_before_any_poll_and_on_no_other()
    {
        // The supervisor's queue, watched by the supervisor and by the admin (another identity); and a queue without the agent.
        var queue = Simulation.Centre.Queues.First(q => q.Members.Any(m => Supervisor.CanOverride(Simulation.Centre.Agents[m])));
        var agent = queue.Members.Select(m => Simulation.Centre.Agents[m]).First(Supervisor.CanOverride);
        var elsewhere = Simulation.Centre.Queues.First(q => !q.Members.Contains(agent.Index));
        using var supervisors = Hub.Subscribe(Supervisor.Zuid, LiveScope.Queues(queue.Id));
        using var admins = Hub.Subscribe(Admin.Zuid, LiveScope.Queues(queue.Id));
        using var other = Hub.Subscribe(Admin.Zuid, LiveScope.Queues(elsewhere.Id));
        await FeedWaits.BoardWhereAsync(supervisors, Polled);
        await FeedWaits.BoardWhereAsync(admins, Polled);
        await FeedWaits.BoardWhereAsync(other, Polled);
        // Each feed has made its first poll; the next is a minute away. (An answer still on its way that disagrees
        // with the change is passed over once: the change stays.)
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a time-out, not the simulated clock
        while (Hub.Polls < 3 && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        long polls = Hub.Polls;
        Assert.Equal(3, polls);
        var othersBefore = other.Current.Agents.Select(a => a.AgentId).ToList();

        string now = supervisors.Current.Agents.Single(a => a.AgentId == agent.Id).Status!;
        string to = now == "Busy" ? "On Break" : "Busy";
        var zoho = host.ZohoClientFor(Supervisor.Zuid);
        var answer = await zoho.OverrideOnlineStatusAsync([agent.Id], to, CancellationToken.None);
        Assert.True(Assert.Single(answer.Outcomes).Succeeded);
        var clicked = host.Services<TimeProvider>().GetUtcNow();
        await Hub.ShowChangesAsync([agent.Id], to, Supervisor.Name); // as the override control does with Zoho's answer

        foreach (var viewer in new[] { supervisors, admins })
        {
            var board = await FeedWaits.BoardWhereAsync(viewer, b => b.Agents.Single(a => a.AgentId == agent.Id).Status == to);
            var shown = board.Agents.Single(a => a.AgentId == agent.Id);
            Assert.Equal((SinceKind.Exact, Supervisor.Name, true), (shown.SinceKind, shown.TriggeredBy, shown.Unconfirmed));
            Assert.InRange(shown.Since!.Value, clicked, clicked.AddSeconds(5));
        }
        Assert.Equal(polls, Hub.Polls); // no poll brought it
        // A board without the agent is left as it was: nobody is added to another board.
        Assert.Equal(othersBefore, other.Current.Agents.Select(a => a.AgentId));
        Assert.DoesNotContain(other.Current.Agents, a => a.AgentId == agent.Id || a.Unconfirmed);
    }
}
