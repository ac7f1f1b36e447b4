using System.Net.Http.Json;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The live grid in Chromium, on a Tuesday at 10:30 in New York (a busy hour), polling every half second.
/// </summary>
public sealed class LiveBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        ["--Dashboard:Live:PollInterval=00:00:00.5", "--Dashboard:Live:Thresholds:On Break:WarningAfter=00:00:02", "--Dashboard:Live:Thresholds:On Break:AlertAfter=01:00:00"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private async Task<IPage> SignedInLiveAsync(User user)
    {
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = user.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.WaitForURLAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    /// <summary>The first queue with an agent the user may see, and how many of its agents they may see.</summary>
    private (Queue Queue, int Visible) FirstVisibleQueue(User user)
    {
        var queue = Simulation.Centre.Queues.First(q => q.Members.Any(m => user.CanSee(Simulation.Centre.Agents[m])));
        return (queue, queue.Members.Count(m => user.CanSee(Simulation.Centre.Agents[m])));
    }

    private List<Agent> VisibleQueueAgents(User user) =>
        Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => Simulation.Centre.Agents[i]).Where(user.CanSee).ToList();

    [Fact]
    public async Task The_grid_shows_the_agents_follows_a_change_and_flags_a_long_break()
    {
        var supervisor = Simulation.Centre.Users[1];
        var page = await SignedInLiveAsync(supervisor);
        var expected = VisibleQueueAgents(supervisor);
        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(expected.Count);
        await Assertions.Expect(page.Locator("#as-of")).ToContainTextAsync("As of");

        // Time in status is shown at once and ticks in the browser, with no new data from the server needed.
        var clock = page.Locator($"[data-agent='{expected[0].Id}'] [data-since]");
        await Assertions.Expect(clock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d"), new() { Timeout = 2_000 });
        string before = await clock.InnerTextAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(before, new() { Timeout = 3_000 });
        await Browser.MaybeScreenshotAsync(page, "live-tiles");

        var agent = expected.First(a => Simulation.StatusAt(a, Simulation.Now) is Status.Available);
        Simulation.SetStatus(agent, Status.OnBreak, supervisor);
        var tile = page.Locator($"[data-agent='{agent.Id}']");
        // The next poll (every 0.5 s) brings it; the wait leaves room for a loaded CI machine.
        await Assertions.Expect(tile).ToContainTextAsync("On Break", new() { Timeout = 5_000 });
        await Assertions.Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over-warning"), new() { Timeout = 5_000 });
        await Assertions.Expect(tile).ToContainTextAsync("Over threshold");
        Assert.NotEqual("0", await page.Locator("#over-threshold .counter-count").InnerTextAsync());

        await page.ClickAsync("#view-table");
        await Assertions.Expect(page.Locator("table#agents tbody tr")).ToHaveCountAsync(expected.Count);
        Assert.Contains("view=table", page.Url);
        await Browser.MaybeScreenshotAsync(page, "live-table");
    }

    [Fact]
    public async Task While_zoho_is_down_a_stale_warning_shows_and_clears_when_it_recovers()
    {
        var page = await SignedInLiveAsync(Simulation.Centre.Users[2]);
        await Assertions.Expect(page.Locator("#agents [data-agent]").First).ToBeVisibleAsync();
        using var http = new HttpClient { BaseAddress = host.Address };

        using (await http.PutAsJsonAsync("/zoho-sim/sim/faults", new { down = true })) { }
        await Assertions.Expect(page.Locator("#stale-warning")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#agents [data-agent]").First).ToBeVisibleAsync(); // the last good data stays
        await Browser.MaybeScreenshotAsync(page, "live-stale");

        using (await http.PutAsJsonAsync("/zoho-sim/sim/faults", new { })) { }
        await Assertions.Expect(page.Locator("#stale-warning")).ToBeHiddenAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task A_bulk_override_reports_each_agents_outcome_including_a_refusal()
    {
        var watcher = Simulation.Centre.Users[^1];
        var page = await SignedInLiveAsync(watcher);
        var led = VisibleQueueAgents(watcher).First(watcher.CanOverride);
        var watchedOnly = VisibleQueueAgents(watcher).First(a => !watcher.CanOverride(a));

        await page.Locator($"[data-agent='{led.Id}'] input[type=checkbox]").CheckAsync();
        await page.Locator($"[data-agent='{watchedOnly.Id}'] input[type=checkbox]").CheckAsync();
        await page.ChooseAsync(".override-select", "Busy");
        await page.ClickAsync("#override");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Set 2 agents to Busy?");
        await page.Field("#override-reason").FillAsync("Team meeting");
        await page.ClickAsync("#confirm");

        var outcomes = page.Locator("#override-outcomes");
        await Assertions.Expect(outcomes).ToContainTextAsync("Team meeting");
        await Assertions.Expect(outcomes).ToContainTextAsync($"{led.Name}: set to Busy");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("1 of 2 agents set to Busy");
        await Assertions.Expect(outcomes).ToContainTextAsync($"{watchedOnly.Name}: You don't have permission to perform this action.");
        await Browser.MaybeScreenshotAsync(page, "live-override");
        await Assertions.Expect(page.Locator($"[data-agent='{led.Id}']")).ToContainTextAsync("Busy", new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task A_supervisor_sets_their_own_status_from_the_top_bar()
    {
        var supervisor = Simulation.Centre.Users[2];
        var page = await SignedInLiveAsync(supervisor);
        await Assertions.Expect(page.Locator("#own-status-button")).ToBeEnabledAsync();

        await page.ChooseAsync("#own-status-button", "On Break");

        var waited = System.Diagnostics.Stopwatch.StartNew(); // a time-out, not the simulated clock
        while (Simulation.StatusAt(supervisor.Agent, Simulation.Now) != Status.OnBreak && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50); // the change goes browser -> circuit -> Zoho client -> simulator
        }
        Assert.Equal(Status.OnBreak, Simulation.StatusAt(supervisor.Agent, Simulation.Now));
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Your status is now On Break.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#own-status-button")).ToHaveAttributeAsync("data-current", "On Break");
    }

    [Fact]
    public async Task Filtering_by_queue_keeps_that_queues_agents_and_the_choice_in_the_url()
    {
        var supervisor = Simulation.Centre.Users[^1];
        var page = await SignedInLiveAsync(supervisor);
        var (queue, expected) = FirstVisibleQueue(supervisor);
        await Assertions.Expect(page.Locator("#agents [data-agent]")).Not.ToHaveCountAsync(expected);

        await page.ChooseAsync(".queue-select", queue.Name);

        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(expected);
        Assert.Contains($"queue={queue.Id}", page.Url);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(expected);
        await Assertions.Expect(page.Locator(".toolbar")).ToContainTextAsync(queue.Name);
    }

    [Fact]
    public async Task A_supervisors_saved_queues_and_thresholds_are_theirs_alone_and_survive_a_reload()
    {
        var supervisor = Simulation.Centre.Users[^1];
        var page = await SignedInLiveAsync(supervisor);
        var (queue, inQueue) = FirstVisibleQueue(supervisor);
        int everything = VisibleQueueAgents(supervisor).Count;
        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(everything);

        await page.ClickAsync("#open-settings");
        await page.Field($"[data-queue='{queue.Id}']").CheckAsync();
        await page.Field("[data-warning='Available']").FillAsync("1000");
        await page.Field("[data-alert='Available']").FillAsync("2000");
        await page.ClickAsync("#save-settings");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("settings are saved");

        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(inQueue, new() { Timeout = 15_000 });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#agents [data-agent]")).ToHaveCountAsync(inQueue, new() { Timeout = 15_000 });
        // The prerendered page already shows the grid; a click only works once the live connection is up.
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await page.ClickAsync("#open-settings");
        await Assertions.Expect(page.Field("[data-warning='Available']")).ToHaveValueAsync("1000");
        await Browser.MaybeScreenshotAsync(page, "live-settings");

        var other = Simulation.Centre.Users[1];
        var otherPage = await SignedInLiveAsync(other);
        await Assertions.Expect(otherPage.Locator("#agents [data-agent]")).ToHaveCountAsync(VisibleQueueAgents(other).Count);
    }
}
