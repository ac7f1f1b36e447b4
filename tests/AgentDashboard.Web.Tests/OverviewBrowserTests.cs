using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>The period overview in Chromium against the simulator: its figures are the API's, and it sorts and pages through the API.</summary>
public sealed class OverviewBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private TimeZoneInfo NewYork => TimeZoneInfo.FindSystemTimeZoneById(Zone);

    [Fact]
    public async Task The_team_figures_are_the_apis_and_the_leaderboard_sorts_and_pages_through_the_api()
    {
        var admin = Simulation.Centre.Users[0];
        var today = LocalDays.DateOf(Simulation.Now, NewYork);
        var (from, to) = (today.AddDays(-8), today.AddDays(-1));
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, $"overview?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}").ToString());
        await page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(25, new() { Timeout = 20_000 });
        await Browser.MaybeScreenshotAsync(page, "overview");

        var client = host.ZohoClientFor(admin.Zuid);
        OverviewQuery Query(StatusSort? sort = null, Paging? paging = null) => new()
        {
            QueueIds = Simulation.Centre.Queues.Select(q => q.Id).ToList(), TimeZone = Zone, Sort = sort, Page = paging,
            FromEpoch = LocalDays.StartOf(from, NewYork), ToEpoch = LocalDays.StartOf(to.AddDays(1), NewYork),
        };
        var api = (await client.GetOverviewAsync(Query(), CancellationToken.None)).Overview!.AgentMetrics!;
        var working = api.OverallAggregation!["Working Time"]!;
        var card = page.Locator("[data-team='Working Time']");
        await Assertions.Expect(card.Locator("[data-figure='sum']")).ToHaveTextAsync(DurationText.HoursMinutes(working.Sum.Milliseconds!.Value));
        await Assertions.Expect(card.Locator("[data-figure='avg']")).ToHaveTextAsync(DurationText.HoursMinutes(working.Avg.Milliseconds!.Value));
        await Assertions.Expect(card.Locator("[data-figure='top']")).ToContainTextAsync(api.MaxTimeAgents!["Working Time"].AgentName!);
        await Assertions.Expect(page.Locator("#agent-count")).ToHaveTextAsync(api.OverallAggregation.AgentCount.Value!.Value.ToString());

        // Sort by the longest On Break stretch: the rows come in the API's order for that sort.
        await page.ClickAsync("[data-sort='On Break/max']");
        var sorted = (await client.GetOverviewAsync(Query(new StatusSort("On Break", SortMetric.Max), new Paging(0, 25)), CancellationToken.None)).Overview!.AgentMetrics!.IndividualAggregation!;
        await Assertions.Expect(page.Locator("#leaderboard tbody tr [data-agent]").First).ToHaveAttributeAsync("data-agent", sorted[0].AgentId!);
        Assert.Equal(sorted.Select(a => a.AgentId!), await page.Locator("#leaderboard tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.querySelector('[data-agent]').dataset.agent)"));
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToHaveCountAsync(1);

        // Again: ascending. Then the second page holds the rest.
        await page.ClickAsync("[data-sort='On Break/max']");
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToHaveCountAsync(1);
        var ascending = (await client.GetOverviewAsync(Query(new StatusSort("On Break", SortMetric.Max, SortOrder.Asc), new Paging(25, 25)), CancellationToken.None)).Overview!.AgentMetrics!.IndividualAggregation!;
        await page.Locator(".mud-pagination button").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*2\\s*$") }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-of")).ToHaveTextAsync("Page 2 of 2");
        await Assertions.Expect(page.Locator("#leaderboard tbody tr")).ToHaveCountAsync(ascending.Count);
        await Assertions.Expect(page.Locator("#leaderboard tbody tr [data-agent]").First).ToHaveAttributeAsync("data-agent", ascending[0].AgentId!);
    }
}
