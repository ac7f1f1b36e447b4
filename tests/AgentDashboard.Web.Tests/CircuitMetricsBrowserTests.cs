using System.Net;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Wall;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary><c>dashboard_circuits</c> in Chromium: a wall's circuit and a page's counted apart, and counted out when closed.</summary>
[Collection(AloneInProcess.Name)]
public sealed class CircuitMetricsBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static async Task<PrometheusText> ScrapeAsync(DashboardHost host)
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    private static async Task<double?> CircuitsAsync(DashboardHost host, string kind) =>
        (await ScrapeAsync(host)).Value("dashboard_circuits", "kind=" + kind);

    private static async Task WaitForAsync(DashboardHost host, string what, Func<PrometheusText, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(await ScrapeAsync(host)))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new Xunit.Sdk.XunitException($"/metrics did not show {what} within 60 s:\n{(await ScrapeAsync(host)).Text}");
            await Task.Delay(100);
        }
    }

    private static Task WaitForCircuitsAsync(DashboardHost host, string kind, double expected) =>
        WaitForAsync(host, $"{expected} {kind} circuits", m => m.Value("dashboard_circuits", "kind=" + kind) == expected);

    [Fact]
    public async Task A_wall_and_a_page_each_count_as_their_kind_while_open()
    {
        await using var host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:01"]);
        var simulation = host.Services<CallCentreSimulation>();
        var admin = simulation.Centre.Users[0];
        using (var flow = new SignInFlow(host.Address))
        {
            await flow.SignInAsync(admin.Zuid);
        }
        var (_, token) = await host.Services<DisplayLinkStore>().CreateAsync(admin.Zuid, "Floor 2",
            new WallView(simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);

        var wallBrowser = await browser.Chromium.NewContextAsync();
        var wall = await wallBrowser.NewPageAsync();
        await wall.GotoAsync(new Uri(host.Address, "wall/" + token).ToString());
        await WaitForCircuitsAsync(host, "wall", 1);
        await Assertions.Expect(wall.Locator("#wall-tiles .tile").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var office = await browser.Chromium.NewPageAsync();
        await office.GotoAsync(new Uri(host.Address, "displays").ToString());
        await office.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
        await office.ClickAsync("#accept");
        await Assertions.Expect(office).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/displays$"));
        await WaitForCircuitsAsync(host, "page", 1);
        Assert.Equal(1, await CircuitsAsync(host, "wall"));

        // The wall follows its feed: each board it shows is a render of the live grid, timed by the grid's own meter.
        await WaitForAsync(host, "a live grid render", m => m.Value("live_grid_render_milliseconds_count") >= 1);

        await wallBrowser.CloseAsync(); // the page says goodbye to its circuit, which closes
        await WaitForCircuitsAsync(host, "wall", 0);
        Assert.Equal(1, await CircuitsAsync(host, "page"));
        await office.Context.CloseAsync();
    }
}
