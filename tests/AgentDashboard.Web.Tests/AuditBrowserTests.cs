using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>The audit trail in Chromium, in demo mode: a supervisor's override on the live grid, found on /audit.</summary>
public sealed class AuditBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--Dashboard:Live:PollInterval=00:00:00.5"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    [Fact]
    public async Task A_supervisors_override_with_a_reason_is_found_on_the_audit_page_with_each_outcome()
    {
        var watcher = Simulation.Centre.Users[^1];
        var visible = Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => Simulation.Centre.Agents[i]).Where(watcher.CanSee).ToList();
        var led = visible.First(a => watcher.CanOverride(a) && Simulation.StatusAt(a, Simulation.Now) is not Status.Busy);
        var watchedOnly = visible.First(a => !watcher.CanOverride(a));
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 }, TimezoneId = "America/New_York" });
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = watcher.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        await page.Locator($"[data-agent='{led.Id}'] input[type=checkbox]").CheckAsync();
        await page.Locator($"[data-agent='{watchedOnly.Id}'] input[type=checkbox]").CheckAsync();
        await page.ChooseAsync(".override-select", "Busy");
        await page.ClickAsync("#override");
        await page.Field("#override-reason").FillAsync("Covering the late queue");
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#override-outcomes")).ToContainTextAsync($"{led.Name}: set to Busy");

        await page.ClickAsync("#nav-audit");
        var rows = page.Locator("#audit-entries tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        var made = rows.Filter(new() { HasText = led.Name });
        await Assertions.Expect(made).ToContainTextAsync(watcher.Name);
        await Assertions.Expect(made.Locator(".audit-outcome")).ToHaveTextAsync("Made");
        await Assertions.Expect(made.Locator(".audit-reason")).ToHaveTextAsync("Covering the late queue");
        var refused = rows.Filter(new() { HasText = watchedOnly.Name });
        await Assertions.Expect(refused.Locator(".audit-outcome")).ToContainTextAsync("Not made: You don't have permission to perform this action.");
        Assert.Contains("tz=America%2FNew_York", page.Url); // the browser's own zone
        await Browser.MaybeScreenshotAsync(page, "audit");

        // Searching by agent narrows it to that agent's change.
        await page.Field("#audit-agent").FillAsync(led.Name);
        await page.ClickAsync("#audit-search");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Covering the late queue");
    }
}
