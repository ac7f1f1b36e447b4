using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The wall page's own decisions: whether a link opens, whose feed and which queue it shows, the rotation, the
/// counters, the thresholds, the stale banner and closing when the link is revoked or expires. Its clock moves only
/// when a test moves it, a second at a time as the page's ticker counts them. Tile fitting (wall.js) is the browser's.
/// </summary>
public sealed class WallPageTests
{
    /// <summary>The supervisor who made the links (a wall has no sign-in: it acts for them).</summary>
    private const string Owner = "700200";

    /// <summary>Another supervisor, with settings of their own.</summary>
    private const string Other = "700100";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly LiveFeedOptions Live = new()
    {
        Queues = ["q1", "q2"], QueueNames = new() { ["q1"] = "Sales", ["q2"] = "Support" }, PollInterval = TimeSpan.FromSeconds(10),
    };

    private static LiveAgent Agent(ManualClock clock, string id, string name, string? status, double minutes, params string[] queues) =>
        new(id, name, status, clock.Now.AddMinutes(-minutes), SinceKind.Exact, null, Queues: queues);

    /// <summary>Sales (q1): Zoe, Bea, Dee, Eve. Support (q2): Al, Bea, Cal, Adam.</summary>
    private static LiveAgent[] Floor(ManualClock clock) =>
    [
        Agent(clock, "zoe", "Zoe", "Available", 5, "q1"),
        Agent(clock, "adam", "Adam", "Offline", 50, "q2"),
        Agent(clock, "bea", "Bea", "On Call", 3, "q1", "q2"),
        Agent(clock, "cal", "Cal", "On Break", 2, "q2"),
        Agent(clock, "al", "Al", "Available", 1, "q2"),
        new LiveAgent("dee", "Dee", null, null, SinceKind.Observed, null, Error: "Agent not found", Queues: ["q1"]),
        Agent(clock, "eve", "Eve", "Training", 4, "q1"),
    ];

    private static async Task<(DisplayLink Link, string Token)> LinkAsync(WallContext page, WallView view, TimeSpan? lifetime = null) =>
        await page.Get<DisplayLinkStore>().CreateAsync(Owner, "Lobby", view, lifetime, CancellationToken.None);

    private static IRenderedComponent<WallPage> Open(WallContext page, ManualClock clock, string token)
    {
        var wall = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));
        wall.WaitForElement("#wall", Wait);
        wall.WaitForState(() => clock.PendingTimers == 1, Wait); // the once-a-second ticker is running
        return wall;
    }

    /// <summary>Moves the clock a second at a time, each time until the page has drawn that second.</summary>
    private static void Tick(IRenderedComponent<WallPage> wall, ManualClock clock, int seconds)
    {
        for (int i = 0; i < seconds; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            string now = clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            wall.WaitForAssertion(() => Assert.Equal(now, wall.Find("#wall").GetAttribute("data-server-now")), Wait);
        }
    }

    private static List<string?> Tiles(IRenderedComponent<WallPage> wall) =>
        wall.FindAll("#wall-tiles .tile").Select(t => t.GetAttribute("data-agent")).ToList();

    private static Dictionary<string, string> Counters(IRenderedComponent<WallPage> wall) =>
        wall.FindAll("#wall-counters .wall-counter[data-status]").ToDictionary(c => c.GetAttribute("data-status")!, c => c.QuerySelector(".wall-count")!.TextContent.Trim());

    private static string Share(IRenderedComponent<WallPage> wall) => MudMarkup.Words(wall.Find("#wall-share").TextContent);

    [Theory]
    [InlineData("unknown", "This display link is not known. Ask a supervisor for a new one.")]
    [InlineData("revoked", "This display link has been revoked. Ask a supervisor for a new one.")]
    [InlineData("expired", "This display link has expired. Ask a supervisor for a new one.")]
    public async Task A_link_that_is_not_open_shows_why_and_never_follows_a_feed(string state, string message)
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (link, token) = await LinkAsync(page, new WallView(["q1", "q2"]), TimeSpan.FromHours(8));
        if (state == "unknown") token = "never-issued-" + token[..10];
        if (state == "revoked") Assert.True(await page.Get<DisplayLinkStore>().RevokeAsync(Owner, link.Id, CancellationToken.None));
        if (state == "expired") clock.Advance(TimeSpan.FromHours(8)); // expiry is inclusive: at 8 hours it has expired

        var wall = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));

        wall.WaitForAssertion(() => Assert.Equal(message, wall.Find("#wall-closed").TextContent.Trim()), Wait);
        Assert.Empty(wall.FindAll("#wall"));
        Assert.Empty(wall.FindAll(".tile"));
        Assert.Empty(page.Feeds.Subscribed);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task An_open_link_follows_its_makers_feed_for_its_queues_and_lists_agents_by_status_then_name()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"]));

        var wall = Open(page, clock, token);

        var (zuid, scope) = Assert.Single(page.Feeds.Subscribed);
        Assert.Equal(Owner, zuid); // the link acts for its maker
        Assert.Equal(["q1", "q2"], scope.QueueIds.ToArray());
        Assert.Empty(scope.AgentIds.ToArray());
        Assert.Equal("Lobby", wall.Find("#wall-title").TextContent.Trim());
        // Both queues at once: the documented statuses in their order, then custom ones, then agents without a status, each by name.
        Assert.Equal(["al", "zoe", "bea", "cal", "adam", "eve", "dee"], Tiles(wall));
        Assert.Equal("Agent not found", wall.Find("[data-agent='dee'] .tile-status").TextContent.Trim());
        // A custom status is counted on its own counter, after the documented ones.
        Assert.Equal(new Dictionary<string, string> { ["Available"] = "2", ["On Call"] = "1", ["Busy"] = "0", ["On Break"] = "1", ["Offline"] = "1", ["Training"] = "1" }, Counters(wall));
        Assert.Contains("st-other", wall.Find(".wall-counter[data-status='Training']").ClassList);
        // Signed in: Zoe, Bea, Cal, Al, Eve (Adam is Offline, Dee has no status); Available or On Call: Zoe, Bea, Al. 3/5.
        Assert.Equal("60% productive 3 of 5 signed in", Share(wall));
        Assert.Empty(wall.FindAll("#wall-stale"));

        // A new board from the feed replaces the agents on screen.
        page.Feeds.Publish(new BoardSnapshot([Agent(clock, "zoe", "Zoe", "On Break", 0, "q1")], clock.Now));
        wall.WaitForAssertion(() => Assert.Equal(["zoe"], Tiles(wall)), Wait);
        Assert.Equal(new Dictionary<string, string> { ["Available"] = "0", ["On Call"] = "0", ["Busy"] = "0", ["On Break"] = "1", ["Offline"] = "0" }, Counters(wall));
        Assert.Equal("0% productive 0 of 1 signed in", Share(wall));
    }

    [Fact]
    public async Task With_nobody_signed_in_the_wall_shows_no_productive_share_rather_than_nought()
    {
        await using var page = new WallContext(Live);
        // Zoe is Offline and Dee has no status: nobody is signed in.
        page.Feeds.Board = new BoardSnapshot([Agent(page.Clock, "zoe", "Zoe", "Offline", 60, "q1"), .. Floor(page.Clock).Where(a => a.AgentId == "dee")], page.Clock.Now);
        var wall = Open(page, page.Clock, (await LinkAsync(page, new WallView(["q1", "q2"]))).Token);
        Assert.Equal("— productive nobody signed in", Share(wall));
        Assert.StartsWith("Productive share:", wall.Find("#wall-share").GetAttribute("title"));
    }

    [Fact]
    public async Task A_wall_without_counters_shows_only_the_tiles()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"], ShowCounters: false));

        var wall = Open(page, clock, token);

        Assert.Empty(wall.FindAll("#wall-counters"));
        Assert.Equal(7, Tiles(wall).Count);
    }

    [Fact]
    public async Task A_rotating_wall_shows_one_queue_at_a_time_and_moves_on_after_its_seconds()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"], RotateQueues: true, RotateSeconds: 20));

        var wall = Open(page, clock, token);

        Assert.Equal(["q1", "q2"], Assert.Single(page.Feeds.Subscribed).Scope.QueueIds.ToArray()); // one feed for both queues
        void AssertSales()
        {
            Assert.Equal("Lobby · Sales", wall.Find("#wall-title").TextContent.Trim());
            Assert.Equal(["zoe", "bea", "eve", "dee"], Tiles(wall));
            Assert.Equal(new Dictionary<string, string> { ["Available"] = "1", ["On Call"] = "1", ["Busy"] = "0", ["On Break"] = "0", ["Offline"] = "0", ["Training"] = "1" }, Counters(wall));
            Assert.Equal("67% productive 2 of 3 signed in", Share(wall)); // Zoe, Bea of Zoe, Bea, Eve (Dee has no status)
        }
        void AssertSupport()
        {
            Assert.Equal("Lobby · Support", wall.Find("#wall-title").TextContent.Trim());
            Assert.Equal(["al", "bea", "cal", "adam"], Tiles(wall));
            Assert.Equal(new Dictionary<string, string> { ["Available"] = "1", ["On Call"] = "1", ["Busy"] = "0", ["On Break"] = "1", ["Offline"] = "1" }, Counters(wall));
            Assert.Equal("67% productive 2 of 3 signed in", Share(wall)); // Al, Bea of Al, Bea, Cal (Adam is Offline)
        }

        AssertSales();
        Tick(wall, clock, 19);
        AssertSales();
        Tick(wall, clock, 1);
        AssertSupport();
        Tick(wall, clock, 19);
        AssertSupport();
        Tick(wall, clock, 1);
        AssertSales(); // and round again
    }

    [Fact]
    public async Task Rotation_never_turns_faster_than_every_five_seconds()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"], RotateQueues: true, RotateSeconds: 2));

        var wall = Open(page, clock, token);

        Tick(wall, clock, 2);
        Assert.Equal("Lobby · Sales", wall.Find("#wall-title").TextContent.Trim());
        Tick(wall, clock, 2);
        Assert.Equal("Lobby · Sales", wall.Find("#wall-title").TextContent.Trim());
        Tick(wall, clock, 1);
        Assert.Equal("Lobby · Support", wall.Find("#wall-title").TextContent.Trim());
    }

    [Fact]
    public async Task Tiles_turn_amber_and_red_on_the_link_makers_own_thresholds()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        var preferences = page.Get<LivePreferenceStore>();
        await preferences.SaveAsync(Owner, new LivePreferences(null, new Dictionary<string, ThresholdMinutes> { ["On Break"] = new(5, 10) }), CancellationToken.None);
        await preferences.SaveAsync(Other, new LivePreferences(null, new Dictionary<string, ThresholdMinutes> { ["On Break"] = new(60, 90) }), CancellationToken.None);
        page.Feeds.Board = new BoardSnapshot(
        [
            Agent(clock, "cal", "Cal", "On Break", 7, "q1"),
            Agent(clock, "dan", "Dan", "On Break", 12, "q1"),
            Agent(clock, "eve", "Eve", "On Break", 3, "q1"),
            Agent(clock, "bea", "Bea", "On Call", 45, "q1"), // over the configured On Call alert (40), which the owner did not change
        ], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1"]));

        var wall = Open(page, clock, token);

        var thresholds = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long[]>>(wall.Find("#wall").GetAttribute("data-thresholds")!)!;
        // The owner's On Break in place of the configured one; the statuses they left alone keep the configured ones.
        Assert.Equal(["Busy", "On Break", "On Call"], thresholds.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([300_000, 600_000], thresholds["On Break"]);
        Assert.Equal([1_200_000, 2_400_000], thresholds["On Call"]);
        Assert.Contains("over-warning", wall.Find("[data-agent='cal']").ClassList); // 7 minutes: over 5
        Assert.Contains("over-alert", wall.Find("[data-agent='dan']").ClassList); // 12 minutes: over 10
        Assert.DoesNotContain("over-warning", wall.Find("[data-agent='eve']").ClassList);
        Assert.DoesNotContain("over-alert", wall.Find("[data-agent='eve']").ClassList);
        Assert.Contains("over-alert", wall.Find("[data-agent='bea']").ClassList); // 45 minutes: over the configured 40

        // Three minutes on, Cal's ten minutes of break are over the alert and Eve's six over the warning.
        Tick(wall, clock, 180);
        Assert.Contains("over-alert", wall.Find("[data-agent='cal']").ClassList);
        Assert.Contains("over-warning", wall.Find("[data-agent='eve']").ClassList);
    }

    [Fact]
    public async Task The_wall_says_it_is_not_up_to_date_once_no_poll_has_succeeded_for_two_intervals()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now.AddSeconds(-5), FailedPolls: 1, LastError: "Zoho Voice did not answer in time.");
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"]));

        var wall = Open(page, clock, token);

        Assert.Empty(wall.FindAll("#wall-stale"));
        Tick(wall, clock, 15); // 20 s since the last good poll: two intervals, not more
        Assert.Empty(wall.FindAll("#wall-stale"));
        Assert.DoesNotContain("wall-asof-stale", wall.Find("#wall-asof").ClassList);
        Tick(wall, clock, 1);
        var stale = wall.Find("#wall-stale");
        Assert.Equal("Not up to date: Zoho Voice has not answered for 0:21. Zoho Voice did not answer in time.", string.Join(' ', stale.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("wall-asof-stale", wall.Find("#wall-asof").ClassList);
        Assert.Equal(7, Tiles(wall).Count); // the last good data stays on screen

        page.Feeds.Publish(new BoardSnapshot([.. Floor(clock)], clock.Now));
        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("#wall-stale")), Wait);
        Assert.DoesNotContain("wall-asof-stale", wall.Find("#wall-asof").ClassList);
    }

    [Fact]
    public async Task Revoking_the_link_clears_the_wall_at_once_and_stops_following_the_feed()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (link, token) = await LinkAsync(page, new WallView(["q1", "q2"]));
        var wall = Open(page, clock, token);
        Assert.Equal(1, page.Feeds.Open);

        Assert.True(await page.Get<DisplayLinkStore>().RevokeAsync(Owner, link.Id, CancellationToken.None));

        wall.WaitForAssertion(() => Assert.Equal("This display link has been revoked. Ask a supervisor for a new one.", wall.Find("#wall-closed").TextContent.Trim()), Wait);
        Assert.Empty(wall.FindAll(".tile"));
        Assert.DoesNotContain("Lobby", wall.Markup);
        Assert.Equal(0, page.Feeds.Open); // the subscription is given back
    }

    [Fact]
    public async Task A_link_that_expires_while_shown_closes_the_wall_at_the_next_check()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"]), lifetime: TimeSpan.FromSeconds(25));
        var wall = Open(page, clock, token);

        Tick(wall, clock, 29); // expired at 25 s; the link is read again every poll interval (10 s): at 10, 20 and 30
        Assert.Equal(7, Tiles(wall).Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        wall.WaitForAssertion(() => Assert.Equal("This display link has expired. Ask a supervisor for a new one.", wall.Find("#wall-closed").TextContent.Trim()), Wait);
        Assert.Empty(wall.FindAll(".tile"));
        Assert.Equal(0, page.Feeds.Open);
        wall.WaitForState(() => clock.PendingTimers == 0, Wait); // and it stops ticking
    }

    [Fact]
    public async Task The_pre_render_shows_the_frame_without_data_and_follows_nothing()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        page.Context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"]));

        var wall = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));

        // Done once the link's thresholds (read last, before the page decides whether to go live) are on the frame.
        wall.WaitForAssertion(() => Assert.NotEqual("{}", wall.Find("#wall").GetAttribute("data-thresholds")), Wait);
        Assert.Equal("Lobby", wall.Find("#wall-title").TextContent.Trim());
        Assert.Contains("Connecting…", wall.Find("#wall-asof").TextContent);
        Assert.Empty(wall.FindAll(".tile"));
        Assert.Empty(page.Feeds.Subscribed);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task A_wall_whose_supervisors_Zoho_session_has_ended_asks_for_them_instead_of_showing_stale_agents()
    {
        await using var page = new WallContext(Live);
        var clock = page.Clock;
        var board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        page.Feeds.Board = board;
        var (_, token) = await LinkAsync(page, new WallView(["q1", "q2"]));
        var wall = Open(page, clock, token);
        Assert.Equal(7, Tiles(wall).Count);

        // The feed's poll failed because the supervisor's refresh token is dead (or they signed out).
        page.Feeds.Publish(board.Failed("Your Zoho session ended - sign in again.", sessionEnded: true));

        wall.WaitForAssertion(() => Assert.Equal(
            "This display needs its supervisor to sign in again: their Zoho session has ended. The agents come back once they have.",
            wall.Find("#wall-signin").TextContent.Trim()), Wait);
        Assert.Empty(wall.FindAll(".tile"));
        Assert.Empty(wall.FindAll("#wall-counters"));
        Assert.Equal(1, page.Feeds.Open); // still following: once they sign in, the next good poll brings the agents back

        wall.WaitForState(() => clock.PendingTimers == 2, Wait); // the ticker, and the pause after a board (a few boards a second at most)
        Tick(wall, clock, 1);
        page.Feeds.Publish(new BoardSnapshot([.. Floor(clock)], clock.Now));
        wall.WaitForAssertion(() => Assert.Equal(7, Tiles(wall).Count), Wait);
        Assert.Empty(wall.FindAll("#wall-signin"));
    }

    [Fact]
    public async Task A_link_is_live_on_at_most_its_number_of_screens_and_the_next_says_so_without_following_a_feed()
    {
        await using var page = new WallContext(Live);
        page.LinkOptions.MaxScreensPerLink = 2;
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (link, token) = await LinkAsync(page, new WallView(["q1", "q2"]));

        var first = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));
        var second = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));
        first.WaitForState(() => page.Feeds.Subscribed.Count == 2, Wait);
        var third = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));

        third.WaitForAssertion(() => Assert.Equal(
            "This display link is open on too many screens (at most 2 at a time). Close it on another screen, or ask a supervisor for another link.",
            third.Find("#wall-closed").TextContent.Trim()), Wait);
        Assert.Empty(third.FindAll(".tile"));
        Assert.Equal(2, page.Feeds.Subscribed.Count);
        Assert.Equal(2, page.Get<WallScreens>().OpenOn(link.Id));

        // Closed walls give their places back.
        await page.Context.DisposeComponentsAsync();
        Assert.Equal(0, page.Get<WallScreens>().OpenOn(link.Id));
        var again = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));
        again.WaitForState(() => page.Feeds.Subscribed.Count == 3, Wait);
        Assert.Empty(again.FindAll("#wall-closed"));
    }

    [Fact]
    public async Task A_revoked_wall_gives_its_screen_back()
    {
        await using var page = new WallContext(Live);
        page.LinkOptions.MaxScreensPerLink = 1;
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var (link, token) = await LinkAsync(page, new WallView(["q1"]));
        var wall = Open(page, clock, token);
        Assert.Equal(1, page.Get<WallScreens>().OpenOn(link.Id));

        Assert.True(await page.Get<DisplayLinkStore>().RevokeAsync(Owner, link.Id, CancellationToken.None));

        wall.WaitForElement("#wall-closed", Wait);
        Assert.Equal(0, page.Get<WallScreens>().OpenOn(link.Id));
    }
}
