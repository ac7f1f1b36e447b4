using System.Diagnostics;
using System.Net;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Zoho failing in part, injected by the simulator: the calls pages and exports make are retried (Microsoft's
/// standard resilience), the live feed's are not (it paces and backs off itself).
/// </summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private SignInFlow admin = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:00.25", "--Dashboard:Live:MaxBackOff=00:00:00.25"]);
        admin = new SignInFlow(host.Address);
        await admin.SignInAsync(Simulation.Centre.Users[0].Zuid);
    }

    public async Task DisposeAsync()
    {
        admin.Dispose();
        await host.DisposeAsync();
    }

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private FaultInjector Faults => host.Services<FaultInjector>();

    /// <summary>One agent's week of segments: one export each, so each is a call of its own.</summary>
    private IEnumerable<string> Exports => Simulation.Centre.Agents.Take(8)
        .Select(a => $"/export/timeline.csv?agentIds={a.Id}&from=2026-11-09&to=2026-11-16&tz=America%2FNew_York");

    [Fact]
    public async Task Exports_complete_while_a_third_of_zohos_answers_fail()
    {
        var expected = new List<string>();
        foreach (string export in Exports) expected.Add(await admin.Http.GetStringAsync(export));

        Faults.Set(new FaultSettings { ErrorRate = 0.3 });
        var answers = new List<string>();
        foreach (string export in Exports)
        {
            using var response = await admin.Http.GetAsync(export);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(expected, answers);
        Assert.True(Faults.Injected > 0, "no fault was injected, so nothing was retried");
    }

    [Fact]
    public async Task A_burst_of_429s_is_waited_out_as_retry_after_says()
    {
        Faults.Set(new FaultSettings { RateLimitBurst = 3, RetryAfterSeconds = 1 });
        var watch = Stopwatch.StartNew();

        using var response = await admin.Http.GetAsync(Exports.First());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Faults.Injected);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.9), $"answered after {watch.Elapsed}, sooner than three Retry-After: 1 waits");
    }

    [Fact]
    public async Task When_zoho_stays_down_an_export_says_so_in_words_after_its_retries()
    {
        Faults.Set(new FaultSettings { Down = true });

        using var response = await admin.Http.GetAsync(Exports.First());

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Zoho Voice could not be read:", body);
        Assert.Contains("HTTP 503", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Equal(4, Faults.Injected); // the first try and three retries
    }

    [Fact]
    public async Task While_zoho_keeps_failing_one_users_calls_stop_for_a_while_and_anothers_still_go()
    {
        Faults.Set(new FaultSettings { Down = true });
        string body = "";
        for (int export = 0; export < 6 && !body.Contains("failed too often", StringComparison.Ordinal); export++)
        {
            using var failed = await admin.Http.GetAsync(Exports.First());
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
            body = await failed.Content.ReadAsStringAsync();
        }
        Assert.Contains("Zoho Voice failed too often just now", body); // the admin's breaker opened

        int injected = Faults.Injected;
        using (var resting = await admin.Http.GetAsync(Exports.First()))
        {
            Assert.Equal(HttpStatusCode.BadGateway, resting.StatusCode);
        }
        Assert.Equal(injected, Faults.Injected); // asked Zoho nothing while open

        using var supervisor = new SignInFlow(host.Address);
        await supervisor.SignInAsync(Simulation.Centre.Users[1].Zuid);
        var theirs = Simulation.Centre.Agents.First(Simulation.Centre.Users[1].CanSee);
        using var other = await supervisor.Http.GetAsync($"/export/timeline.csv?agentIds={theirs.Id}&from=2026-11-16&tz=America%2FNew_York");
        Assert.Contains("HTTP 503", await other.Content.ReadAsStringAsync()); // their own calls still reach Zoho
        Assert.True(Faults.Injected > injected);
    }

    [Fact]
    public async Task The_live_feed_never_retries_a_poll()
    {
        using var subscription = host.Services<LiveFeedHub>().Subscribe(Simulation.Centre.Users[0].Zuid, LiveScope.Queues(Simulation.Centre.Queues[0].Id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var board = subscription.Current;
        while (board.Agents.IsEmpty) board = await subscription.Updates.ReadAsync(timeout.Token);

        Faults.Set(new FaultSettings { ErrorRate = 1 });
        while (board.FailedPolls < 4) board = await subscription.Updates.ReadAsync(timeout.Token);

        // One request per failed poll (the next may be on its way), where a retrying client would send four.
        Assert.InRange(Faults.Injected, board.FailedPolls, board.FailedPolls + 1);
    }
}
