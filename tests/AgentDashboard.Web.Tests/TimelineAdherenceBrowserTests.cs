using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Demo;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The timeline's schedule strip and adherence figures in Chromium, on a Tuesday at 10:30 in New York, with schedules
/// imported into the store over the demo's plan.
/// </summary>
public sealed class TimelineAdherenceBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private static string Minutes(long seconds) =>
        (seconds + 30) / 60 is var m && m >= 60 ? $"{m / 60} h {m % 60:00} min" : $"{(seconds + 30) / 60} min";

    [Fact]
    public async Task A_supervisor_sees_the_schedule_under_the_lane_and_the_same_figures_as_the_export()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var yesterday = LocalDays.DateOf(Simulation.Now, zone).AddDays(-1);
        long At(int hour, int minute = 0) => LocalDays.StartOf(yesterday, zone) + (hour * 60 + minute) * 60_000L;
        var agents = Simulation.Centre.Queues[0].Members.Take(2).Select(i => Simulation.Centre.Agents[i]).ToList();
        // The demo's plan first, so it cannot land over these; the second agent's day marked Off.
        await host.Services<DemoSchedules>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
        await host.Services<ScheduleStore>().ImportAsync(
        [
            new ScheduledActivity(agents[0].Id, At(0), At(9), "Off"),
            new ScheduledActivity(agents[0].Id, At(9), At(12), "Work"),
            new ScheduledActivity(agents[0].Id, At(12), At(12, 30), "Lunch"),
            new ScheduledActivity(agents[0].Id, At(12, 30), At(17), "Work"),
            new ScheduledActivity(agents[0].Id, At(17), At(24), "Off"),
            new ScheduledActivity(agents[1].Id, At(0), At(24), "Off"),
        ], CancellationToken.None);
        string query = $"agentIds={agents[0].Id},{agents[1].Id}&from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}";

        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "timeline?" + query).ToString());
        await page.Locator("label.user", new() { HasText = Simulation.Centre.Users[0].Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        var lane = page.Locator($"[data-lane='{agents[0].Id}/{yesterday:yyyy-MM-dd}']");
        await Assertions.Expect(lane.Locator(".sched-strip rect.sched")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        Assert.Equal("Lunch 12:00–12:30", await lane.Locator(".sched-strip rect.sched title").Nth(1).TextContentAsync());
        await Assertions.Expect(page.Locator($"[data-lane='{agents[1].Id}/{yesterday:yyyy-MM-dd}'] [data-adherence]")).ToHaveTextAsync("No schedule");

        // The page's words and the export's figures come from the same arithmetic.
        string csv = await (await page.APIRequest.GetAsync(new Uri(host.Address, "export/adherence.csv?" + query).ToString())).TextAsync();
        var row = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
        Assert.Equal(agents[0].Id, row[0]);
        await Assertions.Expect(lane.Locator("[data-adherence]")).ToHaveTextAsync(
            $"Adherence {row[5]}% · Conformance {row[8]}% · Late {Minutes(long.Parse(row[9]))} · Left early {Minutes(long.Parse(row[10]))}");
        await Assertions.Expect(page.Locator("#adherence-team [data-team='adherence']")).ToHaveTextAsync($"Adherence {row[5]}%");
        await Assertions.Expect(page.Locator("#adherence-team [data-team='days']")).ToHaveTextAsync("1 agent-day scheduled");
        await Assertions.Expect(page.Locator("#export-adherence")).ToBeVisibleAsync();
        await Browser.MaybeScreenshotAsync(page, "timeline-adherence");
    }
}
