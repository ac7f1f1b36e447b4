using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Wall monitors in Chromium: a display link made on /displays shows the grid with nobody signed in, offers nothing
/// to change, stops when revoked, and comes back by itself after the server restarts.
/// </summary>
public sealed class WallBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly string[] Args = ["--environment=Development", "--Dashboard:Live:PollInterval=00:00:01"];
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "agentdashboard-wall-" + Guid.NewGuid().ToString("N"));
    private readonly int port = DashboardHost.FreePort();
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    private Task<DashboardHost> StartAsync() =>
        DashboardHost.StartAsync(Args, dataPath: dataPath, port: port, clock: clock);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    /// <summary>Signs the admin in over HTTP (their tokens land in the store) and makes a link for every queue.</summary>
    private async Task<string> WallUrlAsync()
    {
        var admin = Simulation.Centre.Users[0];
        using var flow = new SignInFlow(host.Address);
        await flow.SignInAsync(admin.Zuid);
        var (_, token) = await host.Services<DisplayLinkStore>().CreateAsync(admin.Zuid, "Floor 2",
            new WallView(Simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);
        return new Uri(host.Address, "wall/" + token).ToString();
    }

    private int QueueAgentCount => Simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Count();

    private async Task<IPage> WallPageAsync(string url, int width = 1920, int height = 1080)
    {
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }

    [Fact]
    public async Task A_link_made_on_the_displays_page_shows_the_grid_without_sign_in_and_nothing_to_change()
    {
        var admin = Simulation.Centre.Users[0];
        var supervisorPage = await browser.Chromium.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 1400, Height = 1000 }, TimezoneId = "Asia/Tokyo", Locale = "en-GB", // not the server's zone
        });
        await supervisorPage.GotoAsync(new Uri(host.Address, "displays").ToString());
        await supervisorPage.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
        await supervisorPage.ClickAsync("#accept");
        await supervisorPage.Locator("main[data-interactive='true']").WaitForAsync();
        await supervisorPage.FillAsync("#display-name", "Floor 2");
        await supervisorPage.ClickAsync("#create-display");
        var url = supervisorPage.Locator("#created-url");
        await Assertions.Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/wall/[A-Za-z0-9_-]{43}$"));
        await Assertions.Expect(supervisorPage.Locator("#created-qr svg")).ToBeVisibleAsync();
        await Browser.MaybeScreenshotAsync(supervisorPage, "displays");

        // A fresh browser with no cookies: the wall needs none.
        var wall = await WallPageAsync(await url.InputValueAsync());
        await Assertions.Expect(wall.Locator("#wall-tiles .tile")).ToHaveCountAsync(QueueAgentCount, new() { Timeout = 20_000 });
        await Assertions.Expect(wall.Locator("#wall-title")).ToHaveTextAsync("Floor 2");
        await Assertions.Expect(wall.Locator("#wall-asof")).ToContainTextAsync("As of");
        // The clock reads the server's clock, as "as of" and time in status do (here a shifted one, not the machine's).
        Assert.True(await wall.EvaluateAsync<bool>("""
            () => {
                const asOf = Number(document.querySelector('#wall-asof [data-epoch]').dataset.epoch);
                const minute = ms => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
                return [asOf - 60000, asOf, asOf + 60000].map(minute).includes(document.querySelector('#wall-clock').textContent);
            }
            """), "the wall's clock disagrees with its 'as of' time");
        await Assertions.Expect(wall.Locator("#wall-counters [data-status]")).ToHaveCountAsync(5);
        Assert.Equal(0, await wall.Locator("button, input, select, textarea, a[href], form").CountAsync());
        // Every tile fits on the screen: no scrolling.
        Assert.True(await wall.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight"));
        await Browser.MaybeScreenshotAsync(wall, "wall");

        // The supervisor sees when a wall last showed the link, in their own time zone.
        await supervisorPage.ReloadAsync();
        var seen = (await host.Services<DisplayLinkStore>().ListAsync(admin.Zuid, CancellationToken.None)).Single().LastSeenAt!.Value;
        string inTokyo = TimeZoneInfo.ConvertTime(seen, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(supervisorPage.Locator("#displays [data-last-seen]").First).ToHaveTextAsync(inTokyo);
    }

    [Fact]
    public async Task A_revoked_link_stops_showing_data_within_a_poll_interval()
    {
        var wall = await WallPageAsync(await WallUrlAsync());
        await Assertions.Expect(wall.Locator("#wall-tiles .tile").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var admin = Simulation.Centre.Users[0];
        var link = (await host.Services<DisplayLinkStore>().ListAsync(admin.Zuid, CancellationToken.None)).Single();
        await host.Services<DisplayLinkStore>().RevokeAsync(admin.Zuid, link.Id, CancellationToken.None);

        // At once in practice (the store tells open walls); the wait leaves room for a loaded CI machine.
        await Assertions.Expect(wall.Locator("#wall-closed")).ToContainTextAsync("revoked", new() { Timeout = 5_000 });
        await Assertions.Expect(wall.Locator(".tile")).ToHaveCountAsync(0);
        // Opening it again shows nothing either.
        await wall.ReloadAsync();
        await Assertions.Expect(wall.Locator("#wall-closed")).ToContainTextAsync("revoked");
        await Assertions.Expect(wall.Locator(".tile")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_link_revoked_behind_the_dashboards_back_stops_at_the_next_poll_interval()
    {
        var wall = await WallPageAsync(await WallUrlAsync());
        await Assertions.Expect(wall.Locator("#wall-tiles .tile").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Another dashboard instance (or an administrator) revokes it in the database: no event reaches this one.
        await using (var connection = await host.Services<AgentDashboard.Web.Store.DashboardDatabase>().OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE display_links SET revoked_at = 1";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await Assertions.Expect(wall.Locator("#wall-closed")).ToContainTextAsync("revoked", new() { Timeout = 6_000 }); // 1 s polls
        await Assertions.Expect(wall.Locator(".tile")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wall_comes_back_by_itself_after_the_server_restarts()
    {
        var wall = await WallPageAsync(await WallUrlAsync());
        var tiles = wall.Locator("#wall-tiles .tile");
        int agents = QueueAgentCount;
        await Assertions.Expect(tiles).ToHaveCountAsync(agents, new() { Timeout = 20_000 });

        await host.StopKeepingDataAsync();
        // The wall keeps its last data under its own banner, never Blazor's dialog.
        await Assertions.Expect(wall.Locator("#wall-offline")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(agents, await tiles.CountAsync());
        await Task.Delay(3_000);
        await Assertions.Expect(wall.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        await Browser.MaybeScreenshotAsync(wall, "wall-offline");

        host = await StartAsync();
        // No hand on the screen: it finds the server, reloads, and follows the feed again.
        await Assertions.Expect(wall.Locator("#wall-offline")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(tiles).ToHaveCountAsync(agents, new() { Timeout = 30_000 });
        string asOf = await wall.Locator("#wall-asof").InnerTextAsync();
        await Assertions.Expect(wall.Locator("#wall-asof")).Not.ToHaveTextAsync(asOf, new() { Timeout = 10_000 }); // live again
        await Assertions.Expect(wall.Locator("#wall-stale")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_wall_whose_live_connection_cannot_start_recovers_by_itself()
    {
        string url = await WallUrlAsync();
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        int refused = 0;
        await context.RouteAsync("**/_blazor**", async route =>
        {
            Interlocked.Increment(ref refused);
            await route.AbortAsync();
        });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(url);

        // The pre-rendered wall waits for a connection that never comes, then says so under its own banner.
        await Assertions.Expect(wall.Locator("#wall-offline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(refused > 0);
        await context.UnrouteAllAsync();

        // No hand on the screen: once the connection can start, the wall comes up live.
        await Assertions.Expect(wall.Locator("#wall-tiles .tile")).ToHaveCountAsync(QueueAgentCount, new() { Timeout = 40_000 });
        await Assertions.Expect(wall.Locator("#wall-offline")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_small_screen_pages_through_the_agents_and_a_rotating_link_shows_one_queue_at_a_time()
    {
        var admin = Simulation.Centre.Users[0];
        using (var flow = new SignInFlow(host.Address)) await flow.SignInAsync(admin.Zuid);
        var queues = Simulation.Centre.Queues.Take(2).ToList();
        var (_, token) = await host.Services<DisplayLinkStore>().CreateAsync(admin.Zuid, "Rotating",
            new WallView(queues.Select(q => q.Id).ToList(), RotateQueues: true, RotateSeconds: 5), null, CancellationToken.None);

        var wall = await WallPageAsync(new Uri(host.Address, "wall/" + token).ToString(), 800, 520);
        await Assertions.Expect(wall.Locator("#wall-title")).ToHaveTextAsync($"Rotating · {queues[0].Name}", new() { Timeout = 20_000 });
        await Assertions.Expect(wall.Locator("#wall-tiles .tile")).ToHaveCountAsync(queues[0].Members.Length);
        // Too many tiles for this screen at a readable size: some are on the next page, none off the screen.
        await Assertions.Expect(wall.Locator("#wall-pages")).ToContainTextAsync("Page 1 of ");
        int shown = await wall.Locator("#wall-tiles .tile:visible").CountAsync();
        Assert.InRange(shown, 1, queues[0].Members.Length - 1);
        Assert.True(await wall.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight"));
        await Browser.MaybeScreenshotAsync(wall, "wall-small");

        await Assertions.Expect(wall.Locator("#wall-title")).ToHaveTextAsync($"Rotating · {queues[1].Name}", new() { Timeout = 10_000 });
        await Assertions.Expect(wall.Locator("#wall-tiles .tile")).ToHaveCountAsync(queues[1].Members.Length);
    }

    [Fact]
    public async Task An_unknown_token_shows_nothing()
    {
        var wall = await WallPageAsync(new Uri(host.Address, "wall/not-a-token").ToString());

        await Assertions.Expect(wall.Locator("#wall-closed")).ToContainTextAsync("not known");
        Assert.Equal(0, await wall.Locator(".tile").CountAsync());
    }

    [Fact]
    public async Task A_wall_whose_supervisor_signed_out_asks_for_them_to_sign_in_again_instead_of_showing_stale_agents()
    {
        var wall = await WallPageAsync(await WallUrlAsync());
        await Assertions.Expect(wall.Locator("#wall-tiles .tile")).ToHaveCountAsync(QueueAgentCount, new() { Timeout = 20_000 });

        // The supervisor's Zoho tokens are gone (they signed out): the feed's next poll (1 s) finds no session.
        await host.Services<AgentDashboard.Web.Auth.ZohoTokenService>().SignOutAsync(Simulation.Centre.Users[0].Zuid, CancellationToken.None);

        await Assertions.Expect(wall.Locator("#wall-signin")).ToHaveTextAsync(
            "This display needs its supervisor to sign in again: their Zoho session has ended. The agents come back once they have.", new() { Timeout = 10_000 });
        Assert.Equal(0, await wall.Locator(".tile").CountAsync());
    }
}
