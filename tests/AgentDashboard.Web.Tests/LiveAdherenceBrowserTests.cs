using AgentDashboard.Core.Adherence;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The live grid's adherence flag in Chromium: everyone scheduled for Work (a fake schedule source in place of the
/// store, through the host's configure hook), no grace, polling every half second, on the pinned Tuesday morning.
/// </summary>
public sealed class LiveAdherenceBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        ["--Dashboard:Live:PollInterval=00:00:00.5", "--Dashboard:Adherence:Grace=00:00:00"],
        builder => builder.Services.AddSingleton<IScheduleSource>(new WorkForEveryone()));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_agent_on_a_break_while_scheduled_for_Work_is_flagged_in_words_and_counted()
    {
        var simulation = host.Services<CallCentreSimulation>();
        var supervisor = simulation.Centre.Users[1];
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = supervisor.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#agents [data-agent]").First).ToBeVisibleAsync();

        var agent = simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => simulation.Centre.Agents[i])
            .First(a => supervisor.CanSee(a) && simulation.StatusAt(a, simulation.Now) is Status.Available);
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

    /// <summary>Work for every agent asked about, all the time asked about.</summary>
    private sealed class WorkForEveryone : IScheduleSource
    {
        public Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScheduledActivity>>([.. agentIds.Order(StringComparer.Ordinal).Select(id => new ScheduledActivity(id, from, to, ActivityRules.Work))]);

        public Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken) => Task.FromResult(ActivityRules.Default);
    }
}
