using System.Net.Http.Json;
using AgentDashboard.Core.Live;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Web.Tests;

/// <summary>The shared live feeds, polling the embedded simulator over real HTTP with signed-in users' tokens.</summary>
public sealed class LiveFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private DashboardHost host = null!;
    private SignInFlow supervisorBrowser = null!;
    private SignInFlow adminBrowser = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:00.25", "--Dashboard:Live:IdleGrace=00:00:00.5"]);
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
    private TimeProvider Clock => host.Services<TimeProvider>();
    private User Admin => Simulation.Centre.Users[0];
    private User Supervisor => Simulation.Centre.Users[1];
    private Queue SupervisorsQueue => Simulation.Centre.Queues.First(q => q.Members.All(m => Supervisor.Team.Contains(m)));

    /// <summary>Reads published snapshots (one per poll) until one satisfies <paramref name="condition"/>.</summary>
    private static async Task<BoardSnapshot> NextAsync(LiveSubscription subscription, Func<BoardSnapshot, bool> condition, double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await foreach (var snapshot in subscription.Updates.ReadAllAsync(timeout.Token))
        {
            if (condition(snapshot)) return snapshot;
        }
        throw new Xunit.Sdk.XunitException("the feed ended before the expected snapshot");
    }

    private static async Task EventuallyAsync(Func<bool> condition, double seconds = 10)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a time-out, not the simulated clock
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds)) throw new Xunit.Sdk.XunitException($"not true within {seconds} s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_board_holds_the_scopes_agents_with_their_status_and_time_in_status()
    {
        long subscribedAt = Simulation.Now;
        using var subscription = Hub.Subscribe(Supervisor.Zuid, LiveScope.Queues(SupervisorsQueue.Id));
        var board = await NextAsync(subscription, b => !b.Agents.IsEmpty && b.Agents.All(a => a.Status is not null));
        long asOf = board.AsOf!.Value.ToUnixTimeMilliseconds();

        var members = SupervisorsQueue.Members.Select(m => Simulation.Centre.Agents[m]).ToList();
        Assert.Equal(members.Select(a => a.Id).Order(), board.Agents.Select(a => a.AgentId).Order());
        int unchanged = 0;
        foreach (var agent in board.Agents)
        {
            var simulated = members.Single(m => m.Id == agent.AgentId);
            Assert.Equal(simulated.Name, agent.Name);
            Assert.Contains(agent.Status, Simulation.StatusesDuring(simulated, subscribedAt, asOf));
            if (Simulation.ChangedDuring(simulated, subscribedAt, asOf)) continue; // which side the board saw is not known

            // Unchanged while the board loaded: its status and the exact moment it began, from the status audit.
            unchanged++;
            Assert.Equal(Simulation.StatusAt(simulated, asOf).Name(), agent.Status);
            Assert.Equal(SinceKind.Exact, agent.SinceKind);
            Assert.Equal(Simulation.LastEventBefore(simulated, asOf + 1)?.Time, agent.Since?.ToUnixTimeMilliseconds());
        }
        Assert.True(unchanged > 0);
        Assert.Equal(board.Agents.Length, board.Counts.Values.Sum());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public async Task Many_viewers_of_one_identity_cost_one_upstream_poll_per_interval(int viewers)
    {
        var scope = LiveScope.Queues(SupervisorsQueue.Id);
        var subscriptions = Enumerable.Range(0, viewers).Select(_ => Hub.Subscribe(Supervisor.Zuid, scope)).ToList();
        await NextAsync(subscriptions[^1], b => !b.Agents.IsEmpty);
        long before = Hub.Polls;
        var watching = System.Diagnostics.Stopwatch.StartNew();
        await EventuallyAsync(() => Hub.Polls - before >= 6, seconds: 30);
        long polls = Hub.Polls - before;
        var elapsed = watching.Elapsed;

        // At most one poll per interval, whatever the number of viewers (a slow machine only makes fewer).
        Assert.True(polls <= elapsed / Interval + 1, $"{polls} polls in {elapsed.TotalMilliseconds:0} ms at one per {Interval.TotalMilliseconds} ms");
        Assert.Equal(1, Hub.FeedCount);
        foreach (var s in subscriptions) s.Dispose();
    }

    [Fact]
    public async Task A_status_change_in_the_simulator_shows_dated_by_the_poll_that_saw_it()
    {
        using var subscription = Hub.Subscribe(Supervisor.Zuid, LiveScope.Queues(SupervisorsQueue.Id));
        var board = await NextAsync(subscription, b => !b.Agents.IsEmpty);
        var agent = board.Agents.First(a => a.Status != "On Break");
        var simulated = Simulation.Centre.FindAgent(agent.AgentId)!;

        var changedAt = Clock.GetUtcNow();
        Simulation.SetStatus(simulated, Status.OnBreak, Supervisor);
        // Waits long enough for a loaded machine; the poll rate itself is measured by the wall soak (polls per minute).
        var seen = await NextAsync(subscription, b => b.Agents.Any(a => a.AgentId == agent.AgentId && a.Status == "On Break"), seconds: 10);

        // Observed, not exact: the change is dated by the poll that first saw it, never before it happened.
        var onBreak = seen.Agents.Single(a => a.AgentId == agent.AgentId);
        Assert.Equal(SinceKind.Observed, onBreak.SinceKind);
        Assert.Equal(seen.AsOf, onBreak.Since);
        Assert.True(onBreak.Since >= changedAt);
    }

    [Fact]
    public async Task Two_identities_never_share_a_feed_and_each_sees_what_zoho_lets_them()
    {
        var queue = Simulation.Centre.Queues.First(q => q.Members.Any(m => !Supervisor.CanSee(Simulation.Centre.Agents[m])));
        var scope = LiveScope.Queues(queue.Id);
        using var admin = Hub.Subscribe(Admin.Zuid, scope);
        using var supervisor = Hub.Subscribe(Supervisor.Zuid, scope);
        var adminBoard = await NextAsync(admin, b => !b.Agents.IsEmpty);
        var supervisorBoard = await NextAsync(supervisor, b => b.AsOf is not null);

        Assert.Equal(2, Hub.FeedCount);
        Assert.Equal(queue.Members.Length, adminBoard.Agents.Length);
        Assert.All(supervisorBoard.Agents, a => Assert.True(Supervisor.CanSee(Simulation.Centre.FindAgent(a.AgentId)!)));
        Assert.True(supervisorBoard.Agents.Length < adminBoard.Agents.Length);
    }

    [Fact]
    public async Task While_zoho_fails_the_board_turns_stale_but_keeps_its_agents_then_recovers()
    {
        using var subscription = Hub.Subscribe(Supervisor.Zuid, LiveScope.Queues(SupervisorsQueue.Id));
        var good = await NextAsync(subscription, b => !b.Agents.IsEmpty);

        using (await supervisorBrowser.Http.PutAsJsonAsync("/zoho-sim/sim/faults", new { down = true })) { }
        var failing = await NextAsync(subscription, b => b.FailedPolls >= 2);
        Assert.True(failing.IsStale(Clock.GetUtcNow() + Interval, Interval));
        Assert.Equal(good.Agents.Select(a => a.AgentId), failing.Agents.Select(a => a.AgentId));
        Assert.Contains("HTTP 503", failing.LastError);

        using (await supervisorBrowser.Http.PutAsJsonAsync("/zoho-sim/sim/faults", new { })) { }
        var recovered = await NextAsync(subscription, b => b.FailedPolls == 0, seconds: 15);
        Assert.False(recovered.IsStale(Clock.GetUtcNow(), Interval));
    }

    [Fact]
    public async Task A_feed_nobody_watches_stops_after_its_grace_and_a_new_viewer_starts_another()
    {
        var scope = LiveScope.Agents(Simulation.Centre.Agents[SupervisorsQueue.Members[0]].Id);
        var first = Hub.Subscribe(Supervisor.Zuid, scope);
        await NextAsync(first, b => !b.Agents.IsEmpty);
        first.Dispose();
        await EventuallyAsync(() => Hub.FeedCount == 0); // after the 0.5 s grace its loop has ended: it polls no more

        using var again = Hub.Subscribe(Supervisor.Zuid, scope);
        Assert.Single((await NextAsync(again, b => !b.Agents.IsEmpty)).Agents);
        Assert.Equal(1, Hub.FeedCount);
    }

    [Fact]
    public async Task An_empty_scope_asks_zoho_nothing_and_its_feed_lives_on()
    {
        using var nothing = Hub.Subscribe(Supervisor.Zuid, new LiveScope([], []));
        using var unknownQueue = Hub.Subscribe(Supervisor.Zuid, LiveScope.Queues("no-such-queue"));

        foreach (var subscription in new[] { nothing, unknownQueue })
        {
            var first = await NextAsync(subscription, b => b.AsOf is not null);
            Assert.Empty(first.Agents);
            Assert.Equal(0, first.FailedPolls);
            // Still alive: it looks again every interval, and never sends an empty list of agents to Zoho.
            var later = await NextAsync(subscription, b => b.AsOf > first.AsOf);
            Assert.Equal(0, later.FailedPolls);
        }
        Assert.Equal(0, Hub.Polls);
        Assert.Equal(2, Hub.FeedCount);
    }

    [Fact]
    public async Task A_feed_outlives_a_failing_token_store_and_recovers()
    {
        var tokens = new FailingTokenSource();
        await using var faulty = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:00.25", "--Dashboard:Live:MaxBackOff=00:00:00.5"],
            builder => builder.Services.AddSingleton<IZohoAccessTokenSource>(services => tokens.Over(services.GetRequiredService<ZohoTokenService>())));
        using var browser = new SignInFlow(faulty.Address);
        await browser.SignInAsync(Supervisor.Zuid);
        var hub = faulty.Services<LiveFeedHub>();
        using var subscription = hub.Subscribe(Supervisor.Zuid, LiveScope.Queues(SupervisorsQueue.Id));
        await NextAsync(subscription, b => !b.Agents.IsEmpty && b.FailedPolls == 0);

        tokens.Failing = true;
        var failing = await NextAsync(subscription, b => b.FailedPolls >= 2);
        Assert.NotEmpty(failing.Agents); // the last good board stays
        Assert.Equal("The agents' online status request could not be made: the dashboard failed on its side. Try again shortly.", failing.LastError);

        tokens.Failing = false;
        var recovered = await NextAsync(subscription, b => b.FailedPolls == 0 && b.AsOf > failing.AsOf, seconds: 15);
        Assert.NotEmpty(recovered.Agents);
        Assert.Equal(1, hub.FeedCount);
    }

    /// <summary>The token service, or, while <see cref="Failing"/>, a token store that cannot be read (a locked database).</summary>
    private sealed class FailingTokenSource
    {
        public volatile bool Failing;

        public IZohoAccessTokenSource Over(IZohoAccessTokenSource inner) => new Source(this, inner);

        private sealed class Source(FailingTokenSource owner, IZohoAccessTokenSource inner) : IZohoAccessTokenSource
        {
            public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken) =>
                owner.Failing ? throw new Microsoft.Data.Sqlite.SqliteException("database is locked", 5) : inner.GetAccessAsync(userId, cancellationToken);

            public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken) =>
                owner.Failing ? throw new Microsoft.Data.Sqlite.SqliteException("database is locked", 5) : inner.RefreshAsync(userId, rejectedToken, cancellationToken);
        }
    }
}
