using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// Alerts on the live grid and walls: off until chosen (the grid's choice kept by the browser's module, a wall's in its
/// address), a banner of what holds, the module told to beep and flash when a condition starts and every 5 minutes
/// (the default) while it holds, and silenced with one click. The module is bUnit's fake; the clock moves only when a
/// test moves it. The floor (LiveGridSamples.Floor): Ann Available (Sales), Ben On Break 20 min (Sales), Cy Busy 25 min
/// (Support: Busy is red from 20), Dee On Call (both), Eve Training (Support), Fay Offline (Sales), Gus unknown.
/// So Cy is in the red, and Support has people signed in (Cy, Dee, Eve) and nobody Available.
/// </summary>
public sealed class BoardAlertsTests
{
    private static BunitJSModuleInterop Module(BunitContext context, string? stored)
    {
        var module = context.JSInterop.SetupModule(BoardAlerts.Module);
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<string>("stored").SetResult(stored!);
        return module;
    }

    private static List<string[]> Alerts(BunitJSModuleInterop module) =>
        [.. module.Invocations["alert"].Select(i => (string[])i.Arguments[1]!)];

    private static List<string> Banner(IRenderedComponent<IComponent> host) =>
        [.. host.FindAll("#alert-banner li").Select(li => li.TextContent.Trim())];

    /// <summary>Moves the clock and waits until the board has drawn that moment.</summary>
    private static void MoveTo(IRenderedComponent<IComponent> host, ManualClock clock, TimeSpan by)
    {
        clock.Advance(by);
        string now = clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.WaitForAssertion(() => Assert.Equal(now, host.Find("[data-server-now]").GetAttribute("data-server-now")), Wait);
    }

    [Fact]
    public async Task Alerts_are_off_until_chosen_then_the_banner_shows_what_holds_and_the_browser_is_told_once()
    {
        await using var page = new MudPageContext();
        var module = Module(page.Context, stored: null);
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var host = Open(page);
        host.WaitForAssertion(() => Assert.Null(host.Find("#alerts-toggle").GetAttribute("disabled")), Wait);

        Assert.Equal("Alerts off", host.Find("#alerts-toggle").TextContent.Replace("♪", "").Trim());
        Assert.Equal("off", host.Find("#board-alerts").GetAttribute("data-alerts"));
        Assert.Empty(host.FindAll("#alert-banner"));
        MoveTo(host, page.Clock, TimeSpan.FromMinutes(6));
        Assert.Empty(module.Invocations["alert"]); // off: nothing, however long Cy stays in the red

        host.Find("#alerts-toggle").Click();

        host.WaitForAssertion(() => Assert.Equal(["Cy: Busy for 31 min", "Support: nobody Available"], Banner(host)), Wait);
        Assert.Equal("true", host.Find("#alerts-toggle").GetAttribute("aria-pressed"));
        Assert.True((bool)module.Invocations["remember"].Single().Arguments[0]!); // kept in this browser
        Assert.True((bool)module.Invocations["setSound"].Last().Arguments[1]!);
        host.WaitForAssertion(() => Assert.Equal([["cy", "q2"]], Alerts(module)), Wait);

        // While it lasts: the banner stays, no second alert.
        MoveTo(host, page.Clock, TimeSpan.FromSeconds(1));
        MoveTo(host, page.Clock, TimeSpan.FromSeconds(1));
        Assert.Single(Alerts(module));

        // Off again: forgotten in this browser, and no banner.
        host.Find("#alerts-toggle").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#alert-banner")), Wait);
        Assert.False((bool)module.Invocations["remember"].Last().Arguments[0]!);
    }

    [Fact]
    public async Task A_browser_that_chose_alerts_alerts_at_once_and_again_every_five_minutes_while_it_holds()
    {
        await using var page = new MudPageContext();
        var module = Module(page.Context, stored: "on");
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var host = Open(page);

        host.WaitForAssertion(() => Assert.Equal([["cy", "q2"]], Alerts(module)), Wait);
        Assert.Equal("on", host.Find("#board-alerts").GetAttribute("data-alerts"));
        Assert.Equal(["Cy: Busy for 25 min", "Support: nobody Available"], Banner(host));

        // 4:59 later: still once. At 5:00 both again, and Ben (On Break 20 min) is not red yet (30).
        MoveTo(host, clock, TimeSpan.FromSeconds(299));
        Assert.Single(Alerts(module));
        Assert.Equal(["Cy: Busy for 29 min", "Support: nobody Available"], Banner(host));
        MoveTo(host, clock, TimeSpan.FromSeconds(1));
        host.WaitForAssertion(() => Assert.Equal([["cy", "q2"], ["cy", "q2"]], Alerts(module)), Wait);

        // At 10:00 Ben reaches 30 min on his break: a new condition, alerted with the repeat.
        MoveTo(host, clock, TimeSpan.FromMinutes(5));
        host.WaitForAssertion(() => Assert.Equal(["ben", "cy", "q2"], Alerts(module).Last()), Wait);
        Assert.Equal(["Ben: On Break for 30 min", "Cy: Busy for 35 min", "Support: nobody Available"], Banner(host));
    }

    /// <summary>The floor on a grid whose browser chose alerts, once what holds at first has alerted and been silenced.</summary>
    private static (IRenderedComponent<IComponent> Host, LiveAgent[] Floor) OpenAndSilence(MudPageContext page, BunitJSModuleInterop module)
    {
        var floor = Floor(page.Clock);
        page.Feeds.Board = new BoardSnapshot([.. floor], page.Clock.Now);
        var host = Open(page);
        host.WaitForAssertion(() => Assert.Single(Alerts(module)), Wait);
        host.Find("#alert-silence").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#alert-banner")), Wait);
        return (host, floor);
    }

    [Fact]
    public async Task Silence_quietens_what_holds_and_a_new_condition_alerts_again()
    {
        await using var page = new MudPageContext();
        var module = Module(page.Context, stored: "on");
        var clock = page.Clock;
        var (host, floor) = OpenAndSilence(page, module);
        Assert.Equal("2 silenced", host.Find("#alerts-silenced").TextContent.Trim());
        Assert.Single(module.Invocations["silence"]);
        MoveTo(host, clock, TimeSpan.FromMinutes(6)); // past the repeat: still quiet
        Assert.Single(Alerts(module));

        // Ann takes a call: Sales (Ann, Ben, Dee, Fay) has nobody Available now. That is new, so it alerts.
        floor[0] = Agent(clock, "ann", "Ann", "On Call", 0, "q1"); // the others as they were: Cy's spell in the red goes on
        page.Feeds.Publish(new BoardSnapshot([.. floor], clock.Now));
        host.WaitForAssertion(() => Assert.Equal("On Call", host.Find("[data-agent='ann']").GetAttribute("data-status")), Wait);
        host.WaitForAssertion(() => Assert.Equal(["Sales: nobody Available"], Banner(host)), Wait);
        host.WaitForAssertion(() => Assert.Equal(["q1"], Alerts(module).Last()), Wait);
        Assert.Equal(["Sales: nobody Available"], Banner(host));
        Assert.Equal("2 silenced", host.Find("#alerts-silenced").TextContent.Trim());
    }

    [Fact]
    public async Task A_paused_grid_alerts_from_the_feed_s_newest_board_though_its_agents_stay_as_shown()
    {
        await using var page = new MudPageContext();
        var module = Module(page.Context, stored: "on");
        var clock = page.Clock;
        var (host, floor) = OpenAndSilence(page, module);

        host.Find("#pause").Click();
        host.WaitForAssertion(() => Assert.Equal("true", host.Find("#pause").GetAttribute("aria-pressed")), Wait);

        // Ann takes a call while the view is paused: her tile stays Available, but Sales now has nobody Available.
        floor[0] = Agent(clock, "ann", "Ann", "On Call", 0, "q1");
        page.Feeds.Publish(new BoardSnapshot([.. floor], clock.Now));
        host.WaitForAssertion(() => Assert.Equal(["Sales: nobody Available"], Banner(host)), Wait);
        host.WaitForAssertion(() => Assert.Equal(["q1"], Alerts(module).Last()), Wait);
        Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status"));
    }

    private static async Task<IRenderedComponent<WallPage>> WallAsync(WallContext page, string? query)
    {
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var (_, token) = await page.Get<DisplayLinkStore>().CreateAsync("700200", "Lobby", new WallView(["q1", "q2"]), null, CancellationToken.None);
        page.Get<NavigationManager>().NavigateTo($"/wall/{token}{query}");
        var wall = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));
        wall.WaitForElement("#wall", Wait);
        return wall;
    }

    [Theory]
    [InlineData("?alerts=on", false)]
    [InlineData("?alerts=sound", true)]
    public async Task A_wall_link_with_alerts_shows_the_banner_and_asks_for_sound_only_with_sound(string query, bool sound)
    {
        await using var page = new WallContext(DashboardTestHost.TwoQueues());
        var module = Module(page.Context, stored: null);
        var wall = await WallAsync(page, query);

        wall.WaitForAssertion(() => Assert.Equal([["cy", "q2"]], Alerts(module)), Wait);
        Assert.Equal(["Cy: Busy for 25 min", "Support: nobody Available"], wall.FindAll("#alert-banner li").Select(li => li.TextContent.Trim()));
        Assert.Equal(sound, (bool)module.Invocations["setSound"].Single().Arguments[1]!);
        Assert.Empty(module.Invocations["stored"]); // the link decides, not the browser
        Assert.Empty(wall.FindAll("button")); // a wall offers nothing to press: it repeats until the condition ends
    }

    [Fact]
    public async Task A_wall_link_without_alerts_has_none()
    {
        await using var page = new WallContext(DashboardTestHost.TwoQueues());
        var module = Module(page.Context, stored: "on");
        var wall = await WallAsync(page, "");
        wall.WaitForElement("#wall-tiles .tile", Wait);
        Assert.Empty(wall.FindAll("#board-alerts"));
        Assert.Empty(module.Invocations["attach"]);
    }
}
