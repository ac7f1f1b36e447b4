using System.Diagnostics;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A supervisor's override on /live shows on a wall open elsewhere at once, in Chromium. The feeds poll once a minute,
/// so nothing but the override itself can bring the change while the test runs.
/// </summary>
public sealed class InstantChangeBrowserTests(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--Dashboard:Live:PollInterval=00:01:00"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private LiveFeedHub Hub => host.Services<LiveFeedHub>();

    [Fact]
    public async Task An_override_on_the_grid_shows_on_an_open_wall_long_before_the_next_poll()
    {
        var supervisor = Simulation.Centre.Users[^1];
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = supervisor.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        // The supervisor's own wall of every queue (the grid's scope on first use), in a browser of its own.
        var (_, token) = await host.Services<DisplayLinkStore>().CreateAsync(supervisor.Zuid, "Floor 2",
            new WallView(Simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);
        var wallContext = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var wall = await wallContext.NewPageAsync();
        await wall.GotoAsync(new Uri(host.Address, "wall/" + token).ToString());

        var agent = Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => Simulation.Centre.Agents[i])
            .First(a => supervisor.CanOverride(a) && Simulation.StatusAt(a, Simulation.Now) is not Status.OnCall);
        var onWall = wall.Locator($"#wall-tiles [data-agent='{agent.Id}']");
        await Assertions.Expect(onWall).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator($"#agents [data-agent='{agent.Id}']")).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("."), new() { Timeout = 20_000 });
        // Every feed has made its first poll; the next is a minute away.
        var waited = Stopwatch.StartNew(); // a time-out, not the simulated clock
        while (Hub.Polls < Hub.FeedCount && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(50);
        long polls = Hub.Polls;
        Assert.Equal(Hub.FeedCount, polls);

        string before = (await onWall.GetAttributeAsync("data-status"))!;
        string to = before == "Busy" ? "On Break" : "Busy";
        await page.Locator($"#agents [data-agent='{agent.Id}'] input[type=checkbox]").CheckAsync();
        await page.ChooseAsync(".override-select", to);
        await page.ClickAsync("#override");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync($"Set 1 agent to {to}?");

        var clicked = Stopwatch.StartNew();
        async Task<TimeSpan> Timed(Task waiting)
        {
            await waiting;
            return clicked.Elapsed;
        }
        var answered = Timed(page.Locator("#override-outcomes").WaitForAsync(new() { Timeout = 30_000 }));
        var shown = Timed(onWall.And(wall.Locator($"[data-status='{to}']")).WaitForAsync(new() { Timeout = 30_000 }));
        await page.ClickAsync("#confirm");
        var (toOutcome, toWall) = (await answered, await shown);
        // The outcome on the grid needs Zoho's answer; the wall needs that and the feed: the difference is the feed's part.
        output.WriteLine($"Override click to the outcome on the grid: {toOutcome.TotalMilliseconds:0} ms; to the wall: {toWall.TotalMilliseconds:0} ms (feeds poll every 60 s).");

        Assert.Equal(polls, Hub.Polls); // no poll brought it: the override did
        Assert.Equal(to, Simulation.StatusAt(agent, Simulation.Now).Name());
        await Assertions.Expect(onWall).ToContainTextAsync(to);
        await Assertions.Expect(page.Locator($"#agents [data-agent='{agent.Id}']")).ToHaveAttributeAsync("data-status", to);
        await Assertions.Expect(page.Locator($"#agents [data-agent='{agent.Id}']")).ToContainTextAsync($"by {supervisor.Name}");
        await Assertions.Expect(page.Locator("#override-outcomes")).ToContainTextAsync($"{agent.Name}: set to {to}; live grids and walls show it now");
        Assert.Equal(polls, Hub.Polls);
    }
}
