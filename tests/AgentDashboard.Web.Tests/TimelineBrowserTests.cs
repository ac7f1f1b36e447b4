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

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        configure: builder => builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(ShiftedClock.NextTuesdayAt(15, 30))));

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
        var page = await SignedInAsync($"timeline?tz={Uri.EscapeDataString(Zone)}", admin);

        // No agents picked: everyone in the supervisor's queues, one lane each for today.
        var queueAgents = Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => Simulation.Centre.Agents[i]).ToList();
        var lanes = page.Locator("#timeline [data-lane]");
        await Assertions.Expect(lanes).ToHaveCountAsync(queueAgents.Count, new() { Timeout = 15_000 });
        await Browser.MaybeScreenshotAsync(page, "timeline-today");

        // Each lane's last segment is the agent's status now.
        foreach (var agent in queueAgents.Take(8))
        {
            var last = page.Locator($"[data-lane='{agent.Id}/{Today:yyyy-MM-dd}'] rect.seg").Last;
            Assert.Equal(Simulation.StatusAt(agent, Simulation.Now).Name(), await last.GetAttributeAsync("data-status"));
        }

        // Hovering a segment shows its status, times and who set it.
        var segment = page.Locator($"[data-lane='{queueAgents[0].Id}/{Today:yyyy-MM-dd}'] rect.seg").First;
        await segment.HoverAsync();
        var tip = page.Locator("#seg-tip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync((await segment.GetAttributeAsync("data-status"))!);
        await Assertions.Expect(tip).ToContainTextAsync("00:00:00 – ");
        await Assertions.Expect(tip).ToContainTextAsync("Duration");
        await Browser.MaybeScreenshotAsync(page, "timeline-tooltip");
    }
}
