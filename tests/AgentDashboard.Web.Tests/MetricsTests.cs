using System.Net;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Tests;

/// <summary><c>/metrics</c>: Prometheus text, open without signing in, counting what the dashboard did in demo mode.</summary>
[Collection(AloneInProcess.Name)]
public sealed class MetricsTests
{
    private static readonly string[] Development =
        ["--environment=Development", "--Simulator:AccessTokenLifetime=00:10:00", "--Dashboard:Live:PollInterval=00:00:00.5"];

    private static async Task<PrometheusText> ScrapeAsync(DashboardHost host)
    {
        using var http = new HttpClient { BaseAddress = host.Address }; // no cookies: nobody signed in
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds (a gauge read at scrape time; the exporter caches 300 ms).</summary>
    private static async Task<PrometheusText> ScrapeUntilAsync(DashboardHost host, Func<PrometheusText, bool> condition, double seconds = 30)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var metrics = await ScrapeAsync(host);
            if (condition(metrics)) return metrics;
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds)) throw new Xunit.Sdk.XunitException("/metrics did not show it within " + seconds + " s:\n" + metrics.Text);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_token_refresh_a_live_feed_and_one_export_show_with_their_labels_and_no_person_in_them()
    {
        var clock = new ShiftedClock(SimulatedTime.TuesdayMorning);
        await using var host = await DashboardHost.StartAsync(Development, clock: clock);
        var simulation = host.Services<CallCentreSimulation>();
        User admin = simulation.Centre.Users[0];
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(admin.Zuid);

        clock.Advance(TimeSpan.FromMinutes(10)); // the access token has expired: the next page renews it, once
        Assert.Contains("id=\"own-status\"", await browser.PageAsync());
        var queue = simulation.Centre.Queues[0];
        using var feed = host.Services<LiveFeedHub>().Subscribe(admin.Zuid, LiveScope.Queues(queue.Id));
        using (var polled = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await foreach (var board in feed.Updates.ReadAllAsync(polled.Token))
            {
                if (board.AsOf is not null && !board.Agents.IsEmpty) break;
            }
        }
        var agents = queue.Members.Take(2).Select(i => simulation.Centre.Agents[i]).ToList();
        using var export = await browser.Http.GetAsync($"/export/timeline.csv?agentIds={string.Join(',', agents.Select(a => a.Id))}&from=2026-11-16&to=2026-11-16&tz=UTC");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        await export.Content.ReadAsStringAsync();

        var metrics = await ScrapeUntilAsync(host, m => m.Value("dashboard_exports_total", "kind=timeline", "outcome=ok") is not null);

        Assert.Equal(1, metrics.Value("dashboard_exports_total", "kind=timeline", "outcome=ok"));
        Assert.Single(metrics.Values("dashboard_exports_total"));
        Assert.Equal(1, metrics.Value("dashboard_token_refreshes_total", "outcome=ok"));
        Assert.Single(metrics.Values("dashboard_token_refreshes_total"));
        Assert.Equal(1, metrics.Value("dashboard_live_feeds"));
        // The feed polls every half second here: its newest board is younger than a few intervals, however busy the machine.
        Assert.InRange(metrics.Value("dashboard_live_board_age_seconds")!.Value, 0, 30);
        // The feed and the export asked Zoho; each call counted and timed once, by its short name.
        double polls = metrics.Value("zoho_calls_total", "call=online_status", "outcome=ok")!.Value;
        Assert.True(polls >= 1);
        Assert.Equal(polls, metrics.Value("zoho_call_duration_seconds_count", "call=online_status", "outcome=ok"));
        Assert.True(metrics.Value("zoho_calls_total", "call=status_audit", "outcome=ok") >= 1);
        Assert.Equal(polls, metrics.Value("zoho_call_duration_seconds_bucket", "call=online_status", "outcome=ok", "le=+Inf"));

        // Labels are a few fixed words: never who asked, whom it was about, or a token.
        var labels = new[] { "zoho_calls_total", "dashboard_exports_total", "dashboard_token_refreshes_total" }.SelectMany(metrics.LabelsOf).ToList();
        Assert.All(labels, label => Assert.Matches("^(call|outcome|kind|otel_scope_[a-z_]+)=\"[A-Za-z0-9_.]*\"$", label));
        var tokens = await host.Services<IZohoTokenStore>().GetAsync(admin.Zuid, CancellationToken.None);
        foreach (string secret in new[] { admin.Zuid, admin.Name, admin.Email, tokens!.AccessToken, tokens.RefreshToken!, agents[0].Id, agents[0].Name })
        {
            Assert.DoesNotContain(secret, metrics.Text);
        }
    }

    [Fact]
    public async Task A_failing_Zoho_call_is_counted_with_its_failure_and_so_is_the_export_it_spoiled()
    {
        await using var host = await DashboardHost.StartAsync(Development);
        var simulation = host.Services<CallCentreSimulation>();
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(simulation.Centre.Users[0].Zuid);
        host.Services<FaultInjector>().Set(new FaultSettings { Down = true }); // every Voice call answers 503

        var agent = simulation.Centre.Agents[0];
        using var export = await browser.Http.GetAsync($"/export/timeline.csv?agentIds={agent.Id}&from=2026-11-16&to=2026-11-16&tz=UTC");
        Assert.Equal(HttpStatusCode.BadGateway, export.StatusCode);

        var metrics = await ScrapeUntilAsync(host, m => m.Value("dashboard_exports_total", "kind=timeline", "outcome=zoho_failed") is not null);
        Assert.Equal(1, metrics.Value("dashboard_exports_total", "kind=timeline", "outcome=zoho_failed"));
        // One call, whatever the retries underneath it: the export's one page of the status audit.
        Assert.Equal(1, metrics.Value("zoho_calls_total", "call=status_audit", "outcome=server_error"));
        Assert.Null(metrics.Value("zoho_calls_total", "call=status_audit", "outcome=ok"));
        Assert.Equal(1, metrics.Value("zoho_call_duration_seconds_count", "call=status_audit", "outcome=server_error"));
    }

    [Fact]
    public async Task Turned_off_metrics_is_not_found()
    {
        await using var host = await DashboardHost.StartAsync(["--Dashboard:Metrics:Enabled=false"]);
        using var http = new HttpClient { BaseAddress = host.Address };

        using var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void A_network_that_is_not_CIDR_stops_the_start_naming_the_setting()
    {
        string dataPath = Path.Combine(Path.GetTempPath(), "agentdashboard-test-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => DashboardWebApplication.Create(
            [$"--Dashboard:DataPath={dataPath}", "--Dashboard:Mode=Demo", "--Dashboard:Metrics:AllowedNetworks:0=the office"]));

        Assert.Equal("Dashboard:Metrics:AllowedNetworks holds \"the office\", which is not a network in CIDR form (e.g. 10.0.0.0/8).", Assert.Single(error.Failures));
        if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
    }

    [Theory]
    [InlineData("10.0.0.0/8", HttpStatusCode.NotFound)]
    [InlineData("127.0.0.0/8", HttpStatusCode.OK)]
    public async Task Limited_to_networks_metrics_answers_only_those(string network, HttpStatusCode expected)
    {
        await using var host = await DashboardHost.StartAsync([$"--Dashboard:Metrics:AllowedNetworks:0={network}"]);
        using var http = new HttpClient { BaseAddress = host.Address };

        using var response = await http.GetAsync("/metrics");

        Assert.Equal(expected, response.StatusCode);
    }
}
