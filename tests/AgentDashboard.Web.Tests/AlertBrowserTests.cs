using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Wall;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Alerts in Chromium: a grid that turns alerts on beeps (the Web Audio API) and flashes what alerted; a reloaded grid
/// keeps the choice but says sound is blocked until a click (Chromium's default autoplay policy), and a click allows
/// it; a wall link with sound plays at once in a kiosk browser that allows autoplay, and otherwise says how to allow
/// it. Chromium driven by Playwright lets a page start sound without a click whatever its autoplay switch, so where
/// a test needs a browser that blocks sound it puts desktop Chromium's rule into the page (<see cref="DesktopAutoplay"/>):
/// an AudioContext stays suspended until the page has had a click or a key press. An agent goes red after 2 seconds
/// On Call, so a busy Tuesday morning always has conditions. The page's
/// alerts element counts its beeps and flashes (data-beeps, data-flashes) and says whether sound plays (data-sound).
/// </summary>
public sealed class AlertBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string DesktopAutoplay = """
        (() => {
          let gesture = false;
          for (const type of ['pointerdown', 'keydown']) addEventListener(type, () => { gesture = true; }, true);
          const Real = window.AudioContext;
          window.AudioContext = class extends Real {
            get state() { return gesture ? super.state : 'suspended'; }
            resume() {
              if (!gesture) return new Promise(() => {}); // as Chromium does: settles only once sound is allowed
              return super.resume().then(() => this.dispatchEvent(new Event('statechange')));
            }
          };
        })();
        """;
    private const string KioskPolicy = "--autoplay-policy=no-user-gesture-required";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        ["--environment=Development", "--Dashboard:Live:PollInterval=00:00:01",
            "--Dashboard:Live:Thresholds:On Call:WarningAfter=00:00:01", "--Dashboard:Live:Thresholds:On Call:AlertAfter=00:00:02"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private static ILocator Alerts(IPage page) => page.Locator("#board-alerts");

    [Fact]
    public async Task A_grid_that_turns_alerts_on_beeps_and_flashes_and_after_a_reload_says_sound_waits_for_a_click()
    {
        var supervisor = Simulation.Centre.Users[0];
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        await context.AddInitScriptAsync(DesktopAutoplay);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("label.user", new() { HasText = supervisor.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#alerts-toggle")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#alerts-toggle")).ToContainTextAsync("Alerts off");
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-sound", "off");

        await page.ClickAsync("#alerts-toggle"); // the click is the gesture that lets sound play

        await Assertions.Expect(page.Locator("#alerts-toggle")).ToContainTextAsync("Alerts on");
        await Assertions.Expect(page.Locator("#alert-banner li").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(": (On Call for \\d+ min|nobody Available)$"), new() { Timeout = 20_000 });
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-sound", "on");
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-beeps", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-flashes", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(page.Locator("#alert-banner li.alert-flash").First).ToBeVisibleAsync(); // flashing now, for a few seconds
        Assert.Equal("on", await page.EvaluateAsync<string>("() => localStorage.getItem('agentdashboard.alerts')"));
        await Browser.MaybeScreenshotAsync(page, "live-alerts");
        await Assertions.Expect(page.Locator("[data-sound-blocked]")).ToBeHiddenAsync();

        // Another tab of this browser keeps the choice, but has had no click yet: the page says so, and still flashes.
        page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "live").ToString());
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await Assertions.Expect(page.Locator("#alerts-toggle")).ToContainTextAsync("Alerts on", new() { Timeout = 20_000 });
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-sound", "blocked");
        await Assertions.Expect(page.Locator("[data-sound-blocked]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-sound-blocked]")).ToContainTextAsync("click anywhere to allow it");
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-flashes", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 20_000 });
        Assert.Null(await Alerts(page).GetAttributeAsync("data-beeps"));

        await page.ClickAsync("#as-of");
        await Assertions.Expect(Alerts(page)).ToHaveAttributeAsync("data-sound", "on");
        await Assertions.Expect(page.Locator("[data-sound-blocked]")).ToBeHiddenAsync();
        await context.CloseAsync();
    }

    private async Task<string> WallUrlAsync(string query)
    {
        var admin = Simulation.Centre.Users[0];
        using var flow = new SignInFlow(host.Address);
        await flow.SignInAsync(admin.Zuid);
        var (_, token) = await host.Services<DisplayLinkStore>().CreateAsync(admin.Zuid, "Floor 2",
            new WallView(Simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);
        return new Uri(host.Address, "wall/" + token + query).ToString();
    }

    [Fact]
    public async Task A_wall_link_with_sound_plays_at_once_where_autoplay_is_allowed_and_says_how_to_allow_it_elsewhere()
    {
        string url = await WallUrlAsync("?alerts=sound");

        // A kiosk browser started to allow autoplay: no click needed.
        await using var kiosk = await browser.LaunchAsync(KioskPolicy);
        var wall = await kiosk.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await wall.GotoAsync(url);
        await Assertions.Expect(wall.Locator("#alert-banner li").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(Alerts(wall)).ToHaveAttributeAsync("data-sound", "on");
        await Assertions.Expect(Alerts(wall)).ToHaveAttributeAsync("data-beeps", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(Alerts(wall)).ToHaveAttributeAsync("data-flashes", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(wall.Locator("[data-sound-blocked]")).ToBeHiddenAsync();
        await Browser.MaybeScreenshotAsync(wall, "wall-alerts");

        // Chromium as desktops have it: the wall flashes and says sound is blocked and how to allow it.
        var desktop = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await desktop.AddInitScriptAsync(DesktopAutoplay);
        var plain = await desktop.NewPageAsync();
        await plain.GotoAsync(url);
        await Assertions.Expect(Alerts(plain)).ToHaveAttributeAsync("data-flashes", new System.Text.RegularExpressions.Regex("^[1-9]"), new() { Timeout = 20_000 });
        await Assertions.Expect(Alerts(plain)).ToHaveAttributeAsync("data-sound", "blocked");
        await Assertions.Expect(plain.Locator("[data-sound-blocked]")).ToContainTextAsync("allow autoplay for this site in the kiosk browser's settings");
        Assert.Null(await Alerts(plain).GetAttributeAsync("data-beeps"));
        await Browser.MaybeScreenshotAsync(plain, "wall-alerts-sound-blocked");
        await plain.Context.CloseAsync();
    }
}
