using AgentDashboard.Core.Adherence;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Demo;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The live grid's adherence flag in Chromium: an agent's schedule imported into the store over the demo's (Work
/// around now), no grace, polling every half second, on the pinned Tuesday morning.
/// </summary>
public sealed class LiveAdherenceBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        ["--Dashboard:Live:PollInterval=00:00:00.5", "--Dashboard:Adherence:Grace=00:00:00"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_agent_on_a_break_while_scheduled_for_Work_is_flagged_in_words_and_counted()
    {
        var simulation = host.Services<CallCentreSimulation>();
        var supervisor = simulation.Centre.Users[1];
        var agent = simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => simulation.Centre.Agents[i])
            .First(a => supervisor.CanSee(a) && simulation.StatusAt(a, simulation.Now) is Status.Available);
        // The demo's plan first, so it cannot land over this: Work from two hours ago to two hours ahead.
        await host.Services<DemoSchedules>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
        long now = simulation.Now;
        await host.Services<ScheduleStore>().ImportAsync([new(agent.Id, now - 7_200_000, now + 7_200_000, ActivityRules.Work)], CancellationToken.None);

        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = supervisor.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#agents [data-agent]").First).ToBeVisibleAsync();

        var tile = page.Locator($"[data-agent='{agent.Id}']");
        await Assertions.Expect(tile).ToContainTextAsync("Available");
        await Assertions.Expect(tile.Locator("[data-adherence]")).ToHaveCountAsync(0); // Available keeps to Work

        simulation.SetStatus(agent, Status.OnBreak, supervisor);

        // The next poll (every 0.5 s) brings the break; the wait leaves room for a loaded machine.
        await Assertions.Expect(tile.Locator("[data-adherence]")).ToContainTextAsync("On Break, scheduled Work,", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#out-of-adherence .counter-label")).ToHaveTextAsync("out of adherence");
        Assert.NotEqual("0", await page.Locator("#out-of-adherence .counter-count").InnerTextAsync());
        await Browser.MaybeScreenshotAsync(page, "live-adherence");
    }
}
