using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>The heatmap in Chromium against the simulator, on a Tuesday at 10:30 in New York.</summary>
public sealed class HeatmapBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private TimeZoneInfo NewYork => TimeZoneInfo.FindSystemTimeZoneById(Zone);
    private DateOnly Today => LocalDays.DateOf(Simulation.Now, NewYork);

    private async Task<IPage> SignedInAsync(string path, bool touch = false)
    {
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 }, HasTouch = touch });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, path).ToString());
        await page.Locator("label.user", new() { HasText = Simulation.Centre.Users[0].Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    /// <summary>An agent's cell for a day: its row, and the day's column after the name.</summary>
    private static ILocator Cell(IPage page, string agentId, DateOnly first, DateOnly day) =>
        page.Locator($"#heatmap tr[data-row='{agentId}'] td:nth-child({day.DayNumber - first.DayNumber + 2})");

    [Fact]
    public async Task Cells_show_the_calendar_summarys_figures_in_their_colour_band_and_weekends_as_excluded()
    {
        // Two weeks up to the Monday before "today", weekends left out.
        var from = Today.AddDays(-15);
        var to = Today.AddDays(-1);
        var page = await SignedInAsync($"heatmap?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}&excludeDays=67");
        await Assertions.Expect(page.Locator("#heatmap tbody tr[data-row]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Browser.MaybeScreenshotAsync(page, "heatmap-grid");

        // The same request straight from the API, through the dashboard's own client.
        var queues = Simulation.Centre.Queues.Select(q => q.Id).ToList();
        var api = await host.ZohoClientFor(Simulation.Centre.Users[0].Zuid).GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            QueueIds = queues, TimeZone = Zone, ExcludeDays = "67",
            FromEpoch = LocalDays.StartOf(from, NewYork), ToEpoch = LocalDays.StartOf(to.AddDays(1), NewYork),
        }, CancellationToken.None);
        var histograms = api.CalendarSummary!.HistogramAggregation!;
        var agent = histograms.OrderByDescending(h => h.IntervalsData!.Values.Sum(d => d.Statuses!["Working Time"].Sum.Value!.Value)).First();
        string id = agent.TotalRow!.AgentId!;
        var weekday = to.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? to.AddDays(-2) : to; // a weekday of the range
        var figures = agent.IntervalsData![weekday.ToString("yyyy-MM-dd")].Statuses!;
        long working = figures["Working Time"].Sum.Milliseconds!.Value;

        var cell = Cell(page, id, from, weekday);
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-v", DurationText.HoursMinutes(working));
        // Its band, as the legend labels it, holds the API's figure, and it has the legend's colour for that band.
        int bucket = int.Parse(System.Text.RegularExpressions.Regex.Match((await cell.GetAttributeAsync("class"))!, @"\bb(\d)\b").Groups[1].Value);
        var legend = page.Locator($"[data-legend-bucket='{bucket}']");
        var band = System.Text.RegularExpressions.Regex.Match(await legend.InnerTextAsync(), @"(\d+):(\d\d)(?:–(\d+):(\d\d)| and more)");
        Assert.True(band.Success, await legend.InnerTextAsync());
        long Ms(int group) => (long.Parse(band.Groups[group].Value) * 60 + long.Parse(band.Groups[group + 1].Value)) * 60_000;
        Assert.InRange(working, Ms(1), band.Groups[3].Success ? Ms(3) + 59_999 : long.MaxValue);
        string cellColour = await cell.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        string legendColour = await legend.Locator(".hc-swatch").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal(legendColour, cellColour);

        // Hovering shows that day's figures for every status.
        await Browser.ScriptsReadyAsync(page);
        await cell.HoverAsync();
        var tip = page.Locator("#seg-tip");
        await Assertions.Expect(tip).ToContainTextAsync($"Working Time: {DurationText.HoursMinutes(working)}");
        foreach (var status in new[] { "Available", "On Call", "Busy", "On Break", "Offline" })
        {
            await Assertions.Expect(tip).ToContainTextAsync($"{status}{DurationText.HoursMinutes(figures[status].Sum.Milliseconds!.Value)}");
        }
        await Browser.MaybeScreenshotAsync(page, "heatmap-tooltip");

        // A Saturday in the range is excluded, not zero.
        var saturday = Enumerable.Range(0, 15).Select(i => from.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var excluded = Cell(page, id, from, saturday);
        await Assertions.Expect(excluded).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bhx\b"));
        await Assertions.Expect(excluded).Not.ToHaveAttributeAsync("data-v", new System.Text.RegularExpressions.Regex("."));
        await excluded.HoverAsync();
        await Assertions.Expect(tip).ToContainTextAsync("excluded day");

        // A click opens that agent's timeline for that day.
        await cell.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/timeline\\?tz=.*&agentIds={id}&from={weekday:yyyy-MM-dd}&to={weekday:yyyy-MM-dd}"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"[data-lane='{id}/{weekday:yyyy-MM-dd}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task The_calendar_view_lays_out_weeks_and_a_share_metric_runs_to_100_percent()
    {
        var page = await SignedInAsync($"heatmap?tz={Uri.EscapeDataString(Zone)}&view=calendar&metric={Uri.EscapeDataString("share:On Call")}");

        var cells = page.Locator("#calendar .cal-cell");
        await Assertions.Expect(cells).ToHaveCountAsync(28, new() { Timeout = 20_000 }); // four weeks by default
        // Monday to Sunday down each week's column, and the first column headed by its month.
        var first = Today.AddDays(-27);
        var mondays = await page.Locator("#calendar .cal-cell").EvaluateAllAsync<string[]>(
            "cells => { const top = Math.min(...cells.map(c => c.getBoundingClientRect().top)); return cells.filter(c => c.getBoundingClientRect().top === top).map(c => c.dataset.date); }");
        Assert.NotEmpty(mondays);
        Assert.All(mondays, d => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(d).DayOfWeek));
        await Assertions.Expect(page.Locator("#calendar .cal-month").First).ToHaveTextAsync(first.ToString("MMM"));
        await Assertions.Expect(page.Locator("#heat-legend")).ToContainTextAsync("80%–100%");
        await Assertions.Expect(page.Locator("#heat-legend")).ToContainTextAsync("On Call share of Working Time");
        await Browser.MaybeScreenshotAsync(page, "heatmap-calendar");

        var agent = Simulation.Centre.Agents[Simulation.Centre.Queues[0].Members[0]];
        await page.ChooseAsync(".calendar-agent-select", agent.Name);
        await Assertions.Expect(page.Locator("#calendar")).ToHaveAttributeAsync("data-subject", agent.Id);
        Assert.Contains($"agent={agent.Id}", page.Url);
    }

    [Fact]
    public async Task On_a_touch_screen_a_tap_shows_the_figures_and_leads_on_to_the_day()
    {
        var page = await SignedInAsync($"heatmap?tz={Uri.EscapeDataString(Zone)}", touch: true);
        var first = page.Locator("#heatmap tbody tr[data-row]").First;
        await Assertions.Expect(first).ToBeVisibleAsync(new() { Timeout = 20_000 });
        string agentId = (await first.GetAttributeAsync("data-row"))!;
        var row = page.Locator($"#heatmap tbody tr[data-row='{agentId}']"); // that agent's row, whichever rows are on screen later

        await Browser.ScriptsReadyAsync(page);
        await row.Locator("td.hc").Last.TapAsync(); // today
        var tip = page.Locator("#seg-tip");
        await Assertions.Expect(tip).ToContainTextAsync("Working Time");
        Assert.Contains("/heatmap", page.Url); // not navigated yet
        await tip.Locator("[data-open-day]").TapAsync();

        // The dashboard moves to the timeline in the page (no new document, no load event), so the URL itself is awaited.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/timeline\\?tz=.*&agentIds={agentId}&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}"), new() { Timeout = 15_000 });
    }
}
