using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>The timeline page in Chromium against the simulator, on a Tuesday at 10:30 in New York.</summary>
public sealed class TimelineBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private TimeZoneInfo NewYork => TimeZoneInfo.FindSystemTimeZoneById(Zone);
    private DateOnly Today => LocalDays.DateOf(Simulation.Now, NewYork);

    private async Task<IPage> SignedInAsync(string path, User user, string? browserZone = null)
    {
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 }, TimezoneId = browserZone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, path).ToString());
        await page.Locator("label.user", new() { HasText = user.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Today_shows_a_lane_per_agent_ending_in_each_agents_status_now_with_details_on_hover()
    {
        var admin = Simulation.Centre.Users[0];
        long opened = Simulation.Now;
        var page = await SignedInAsync($"timeline?tz={Uri.EscapeDataString(Zone)}", admin);

        // No agents picked: everyone in the supervisor's queues, one lane each for today.
        var queueAgents = Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => Simulation.Centre.Agents[i]).ToList();
        var lanes = page.Locator("#timeline [data-lane]");
        await Assertions.Expect(lanes).ToHaveCountAsync(queueAgents.Count, new() { Timeout = 15_000 });
        await Browser.MaybeScreenshotAsync(page, "timeline-today");

        // Each lane's last segment is the agent's status now (as of some moment since the page was opened).
        foreach (var agent in queueAgents.Take(8))
        {
            var last = page.Locator($"[data-lane='{agent.Id}/{Today:yyyy-MM-dd}'] rect.seg").Last;
            Assert.Contains(await last.GetAttributeAsync("data-status"), Simulation.StatusesDuring(agent, opened, Simulation.Now));
        }

        // Hovering a segment shows its status, times and who set it.
        var segment = page.Locator($"[data-lane='{queueAgents[0].Id}/{Today:yyyy-MM-dd}'] rect.seg").First;
        await Browser.ScriptsReadyAsync(page);
        await segment.HoverAsync();
        var tip = page.Locator("#seg-tip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync((await segment.GetAttributeAsync("data-status"))!);
        await Assertions.Expect(tip).ToContainTextAsync("00:00:00 – ");
        await Assertions.Expect(tip).ToContainTextAsync("Duration");
        await Browser.MaybeScreenshotAsync(page, "timeline-tooltip");
    }

    [Fact]
    public async Task A_week_for_two_agents_has_a_lane_per_day_and_zooms_to_one_day()
    {
        var admin = Simulation.Centre.Users[0];
        var agents = Simulation.Centre.Queues[0].Members.Take(2).Select(i => Simulation.Centre.Agents[i]).ToList();
        string from = Today.AddDays(-6).ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd");
        var page = await SignedInAsync($"timeline?agentIds={agents[0].Id},{agents[1].Id}&from={from}&to={to}&tz={Uri.EscapeDataString(Zone)}", admin);

        var lanes = page.Locator("#timeline [data-lane]");
        await Assertions.Expect(lanes).ToHaveCountAsync(14, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-agent-head]")).ToHaveCountAsync(2);
        // Each full past day adds up to 24 hours of statuses, shown beside the lane.
        await Assertions.Expect(page.Locator($"[data-lane='{agents[0].Id}/{from}'] [data-total='Available']")).ToBeVisibleAsync();
        await Browser.MaybeScreenshotAsync(page, "timeline-week");

        await page.Locator($"[data-lane='{agents[0].Id}/{from}'] .lane-day").ClickAsync();
        await Assertions.Expect(lanes).ToHaveCountAsync(2);
        Assert.Contains($"day={from}", page.Url);
        await page.ClickAsync("#zoom-out");
        await Assertions.Expect(lanes).ToHaveCountAsync(14);
    }

    [Fact]
    public async Task While_zoho_fails_often_the_page_loads_and_when_it_stays_down_says_so_in_words()
    {
        var faults = host.Services<AgentDashboard.Simulator.Faults.FaultInjector>();
        var admin = Simulation.Centre.Users[0];
        var agents = Simulation.Centre.Queues[0].Members.Take(2).Select(i => Simulation.Centre.Agents[i]).ToList();
        string from = Today.AddDays(-6).ToString("yyyy-MM-dd"), to = Today.ToString("yyyy-MM-dd");
        faults.Set(new() { ErrorRate = 0.3, RateLimitBurst = 3, RetryAfterSeconds = 1 });

        var page = await SignedInAsync($"timeline?agentIds={agents[0].Id},{agents[1].Id}&from={from}&to={to}&tz={Uri.EscapeDataString(Zone)}", admin);
        await Assertions.Expect(page.Locator("#timeline [data-lane]")).ToHaveCountAsync(14, new() { Timeout = 30_000 });
        Assert.True(faults.Injected >= 3, $"only {faults.Injected} faults met the page's calls"); // the burst at least, then some of the 30%

        faults.Set(new() { Down = true });
        await page.ClickAsync("#show");
        await Assertions.Expect(page.Locator(".notice-error")).ToContainTextAsync("Zoho Voice could not be read.", new() { Timeout = 30_000 });
        // Zoho's own answer, or (once enough calls failed) the dashboard resting from asking: either way in words.
        await Assertions.Expect(page.Locator(".notice-error")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("HTTP 503|failed too often just now"));
        await Browser.MaybeScreenshotAsync(page, "timeline-zoho-down");
    }

    [Fact]
    public async Task Bad_parameters_are_explained_on_the_page()
    {
        var page = await SignedInAsync("timeline?tz=Mars%2FOlympus_Mons&from=2024-13-01", Simulation.Centre.Users[0]);

        var problems = page.Locator("#request-problems");
        await Assertions.Expect(problems).ToContainTextAsync("tz \"Mars/Olympus_Mons\" is not a known time zone", new() { Timeout = 15_000 });
        await Assertions.Expect(problems).ToContainTextAsync("from \"2024-13-01\" is not a date");
        await Assertions.Expect(page.Locator("#timeline")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_a_zone_the_page_uses_the_browsers()
    {
        var page = await SignedInAsync("timeline", Simulation.Centre.Users[0], browserZone: "Europe/Berlin");

        await Assertions.Expect(page.Locator("#shown-range")).ToContainTextAsync("Europe/Berlin", new() { Timeout = 15_000 });
        Assert.Contains("tz=Europe%2FBerlin", page.Url);
    }

    [Fact]
    public async Task A_long_load_shows_its_progress_and_can_be_cancelled()
    {
        var page = await SignedInAsync($"timeline?tz={Uri.EscapeDataString(Zone)}", Simulation.Centre.Users[0]);
        await Assertions.Expect(page.Locator("#timeline")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        host.Services<AgentDashboard.Simulator.Faults.FaultInjector>().Set(new() { LatencyMs = 1000 });

        await page.GotoAsync(new Uri(host.Address, $"timeline?from={Today.AddDays(-30):yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}").ToString());
        var loading = page.Locator("#loading");
        await Assertions.Expect(loading).ToContainTextAsync("pages", new() { Timeout = 30_000 });
        await Browser.MaybeScreenshotAsync(page, "timeline-loading");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await page.ClickAsync("#cancel-load");

        await Assertions.Expect(page.Locator("#cancelled")).ToBeVisibleAsync();
        await Assertions.Expect(loading).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#timeline")).ToHaveCountAsync(0);
    }
}
