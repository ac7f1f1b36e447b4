using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The live grid paused: the board on screen stays while the feed's boards keep coming (counted on a badge), and
/// resuming shows the newest at once. New boards are pushed through the fake feed; the board reads one at a time,
/// with a pause between renders that the (manual) clock ends.
/// </summary>
public sealed class LivePauseTests
{
    /// <summary>Waits until the board is in its pause between renders, then ends it, so the next board is read at once.</summary>
    private static void ReadyForNext(IRenderedComponent<IComponent> host, ManualClock clock, int idle)
    {
        host.WaitForState(() => clock.PendingTimers == idle + 1, Wait);
        clock.Advance(TimeSpan.FromMilliseconds(150));
    }

    private static LiveAgent[] Changed(LiveAgent[] agents, LiveAgent agent) => [.. agents.Select(a => a.AgentId == agent.AgentId ? agent : a)];

    private static string Epoch(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Waiting(IRenderedComponent<IComponent> host) => MudMarkup.Words(host.Find("#updates-waiting").ParentElement!.TextContent);

    [Fact]
    public async Task Paused_the_board_stays_while_updates_are_counted_and_resuming_shows_the_newest()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var floor = Floor(clock);
        page.Feeds.Board = new BoardSnapshot([.. floor], clock.Now);
        var host = Open(page);
        int idle = clock.PendingTimers;
        var toggle = host.Find("#pause");
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Equal("Pause", MudMarkup.Words(toggle.TextContent));
        Assert.Empty(host.FindAll("#paused"));

        var pausedAt = clock.Now;
        host.Find("#pause").Click();

        host.WaitForAssertion(() => Assert.Equal("true", host.Find("#pause").GetAttribute("aria-pressed")), Wait);
        Assert.Equal(Epoch(pausedAt), host.Find("#paused strong [data-epoch]").GetAttribute("data-epoch"));
        Assert.StartsWith("0 updates waiting", Waiting(host));
        Assert.Contains("live-board-paused", host.Find(".live-board").ClassList);

        // Ann goes on a break: counted, not shown.
        var first = Changed(floor, Agent(clock, "ann", "Ann", "On Break", 0, "q1"));
        page.Feeds.Publish(new BoardSnapshot([.. first], clock.Now));
        host.WaitForAssertion(() => Assert.StartsWith("1 update waiting", Waiting(host)), Wait);
        Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status"));
        Assert.Equal([("Available", "1"), ("On Call", "1"), ("Busy", "1"), ("On Break", "1"), ("Offline", "1"), ("Training", "1")], Counters(host));
        Assert.Equal("40% productive · 2 of 5 signed in", Share(host));
        Assert.Equal(Epoch(pausedAt), host.Find("#as-of [data-epoch]").GetAttribute("data-epoch")); // the board on screen is still the first

        // A poll that changes no agent is not an update, though the feed's newest board is now that one.
        ReadyForNext(host, clock, idle);
        page.Feeds.Publish(new BoardSnapshot([.. first], clock.Now));
        host.WaitForAssertion(() => Assert.Equal(Epoch(clock.Now), host.Find("#latest-as-of [data-epoch]").GetAttribute("data-epoch")), Wait);
        Assert.StartsWith("1 update waiting", Waiting(host));

        // Gus becomes known as Available: the second update.
        ReadyForNext(host, clock, idle);
        var newest = Changed(first, Agent(clock, "gus", "Gus", "Available", 0, "q2"));
        page.Feeds.Publish(new BoardSnapshot([.. newest], clock.Now));
        host.WaitForAssertion(() => Assert.StartsWith("2 updates waiting", Waiting(host)), Wait);
        Assert.Equal("Agent not found", host.Find("[data-agent='gus'] .tile-status").TextContent.Trim());

        // Time goes on while paused (the once-a-second tick draws), the agents do not.
        Tick(host, clock, TimeSpan.FromSeconds(1));
        Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status"));
        Assert.Equal("true", host.Find("#pause").GetAttribute("aria-pressed"));

        // Resuming shows the newest board at once: Ann on a break, Gus Available. Signed in: all but Fay (6);
        // Available or On Call: Dee, Gus. 2/6 = 33.3%.
        var newestAt = clock.Now.AddSeconds(-1);
        host.Find("#resume").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#paused")), Wait);
        Assert.Equal("false", host.Find("#pause").GetAttribute("aria-pressed"));
        Assert.DoesNotContain("live-board-paused", host.Find(".live-board").ClassList);
        Assert.Equal("On Break", host.Find("[data-agent='ann']").GetAttribute("data-status"));
        Assert.Equal("Available", host.Find("[data-agent='gus'] .tile-status").TextContent.Trim());
        Assert.Equal([("Available", "1"), ("On Call", "1"), ("Busy", "1"), ("On Break", "2"), ("Offline", "1"), ("Training", "1")], Counters(host));
        Assert.Equal("33% productive · 2 of 6 signed in", Share(host));
        Assert.Equal(Epoch(newestAt), host.Find("#as-of [data-epoch]").GetAttribute("data-epoch"));

        // Live again: the next board shows as it comes (the tick's second ended the pause between renders).
        page.Feeds.Publish(new BoardSnapshot([.. Changed(newest, Agent(clock, "ann", "Ann", "Available", 0, "q1"))], clock.Now));
        host.WaitForAssertion(() => Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status")), Wait);
    }

    [Fact]
    public async Task The_pause_switch_resumes_too_and_a_new_pause_counts_from_nought()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var floor = Floor(clock);
        page.Feeds.Board = new BoardSnapshot([.. floor], clock.Now);
        var host = Open(page);

        host.Find("#pause").Click();
        host.WaitForElement("#paused", Wait);
        page.Feeds.Publish(new BoardSnapshot([.. Changed(floor, Agent(clock, "cy", "Cy", "Available", 0, "q2"))], clock.Now));
        host.WaitForAssertion(() => Assert.StartsWith("1 update waiting", Waiting(host)), Wait);

        host.Find("#pause").Click(); // the same switch, pressed again

        host.WaitForAssertion(() => Assert.Equal("false", host.Find("#pause").GetAttribute("aria-pressed")), Wait);
        Assert.Equal("Available", host.Find("[data-agent='cy']").GetAttribute("data-status"));

        clock.Advance(TimeSpan.FromSeconds(1));
        host.Find("#pause").Click();
        host.WaitForAssertion(() => Assert.StartsWith("0 updates waiting", Waiting(host)), Wait);
        Assert.Equal(Epoch(clock.Now), host.Find("#paused strong [data-epoch]").GetAttribute("data-epoch"));
    }

    [Fact]
    public async Task Paused_the_stale_warning_follows_the_feed_not_the_age_of_the_board_on_screen()
    {
        var live = new LiveFeedOptions { Queues = ["q1", "q2"], QueueNames = new() { ["q1"] = "Sales", ["q2"] = "Support" }, PollInterval = TimeSpan.FromSeconds(10) };
        await using var page = new MudPageContext(live);
        var clock = page.Clock;
        var floor = Floor(clock);
        page.Feeds.Board = new BoardSnapshot([.. floor], clock.Now);
        var host = Open(page);
        host.Find("#pause").Click();
        host.WaitForElement("#paused", Wait);

        // The feed keeps polling: the board on screen is 25 s old (over two intervals), the feed's newest 10 s.
        Tick(host, clock, TimeSpan.FromSeconds(15));
        page.Feeds.Publish(new BoardSnapshot([.. floor], clock.Now));
        host.WaitForAssertion(() => Assert.Equal(Epoch(clock.Now), host.Find("#latest-as-of [data-epoch]").GetAttribute("data-epoch")), Wait);
        Tick(host, clock, TimeSpan.FromSeconds(10));
        Assert.Empty(host.FindAll("#stale-warning"));
        Assert.DoesNotContain("as-of-stale", host.Find("#as-of").ClassList);

        // Then Zoho falls silent: 21 s after the newest good poll the warning shows, paused or not.
        Tick(host, clock, TimeSpan.FromSeconds(11));
        host.WaitForAssertion(() => Assert.StartsWith("These figures are getting old. Zoho Voice has not answered for 0:21;",
            MudMarkup.Words(host.Find("#stale-warning").TextContent)), Wait);
        Assert.NotEmpty(host.FindAll("#paused"));
    }

    [Fact]
    public async Task Agents_ticked_while_paused_stay_ticked_through_updates_and_the_resume()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var floor = Floor(clock);
        page.Feeds.Board = new BoardSnapshot([.. floor], clock.Now);
        var host = Open(page);
        host.Find("#pause").Click();
        host.WaitForElement("#paused", Wait);

        Pick(host, "ann");
        Pick(host, "cy");
        page.Feeds.Publish(new BoardSnapshot([.. Changed(floor, Agent(clock, "ann", "Ann", "On Break", 0, "q1"))], clock.Now));
        host.WaitForAssertion(() => Assert.StartsWith("1 update waiting", Waiting(host)), Wait);

        Assert.Equal("2 selected", host.Find("#selected-count").TextContent.Trim());
        Assert.True(host.Find("[data-agent='ann'] input[type=checkbox]").HasAttribute("checked"));
        Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status"));

        host.Find("#resume").Click();

        host.WaitForAssertion(() => Assert.Equal("On Break", host.Find("[data-agent='ann']").GetAttribute("data-status")), Wait);
        Assert.True(host.Find("[data-agent='ann'] input[type=checkbox]").HasAttribute("checked"));
        Assert.True(host.Find("[data-agent='cy'] input[type=checkbox]").HasAttribute("checked"));
        Assert.Equal("2 selected", host.Find("#selected-count").TextContent.Trim());
    }

    [Fact]
    public async Task Another_scope_while_paused_starts_live_on_its_feed_and_leaving_gives_the_feed_back()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var host = Open(page);
        host.Find("#pause").Click();
        host.WaitForElement("#paused", Wait);

        host.Find("#open-settings").Click();
        host.WaitForElement("#settings", Wait);
        page.Feeds.Board = new BoardSnapshot([Agent(clock, "cy", "Cy", "Busy", 1, "q2")], clock.Now); // what the Support feed shows
        host.Find("#settings input[data-queue='q2']").Change(true); // Support only
        host.Find("#save-settings").Click();

        host.WaitForAssertion(() => Assert.Equal(["cy"], Tiles(host)), Wait);
        Assert.Equal(1, page.Feeds.Open); // the old feed was left
        Assert.Equal("false", host.Find("#pause").GetAttribute("aria-pressed"));
        Assert.Empty(host.FindAll("#paused"));

        // Paused again on the new feed, then the page is left: its feed is given back.
        host.Find("#pause").Click();
        host.WaitForElement("#paused", Wait);
        page.Feeds.Publish(new BoardSnapshot([Agent(clock, "cy", "Cy", "Available", 0, "q2")], clock.Now));
        host.WaitForAssertion(() => Assert.StartsWith("1 update waiting", Waiting(host)), Wait);
        await page.Context.DisposeComponentsAsync();
        Assert.Equal(0, page.Feeds.Open);
        page.Feeds.Publish(new BoardSnapshot([], clock.Now)); // nobody to tell
    }
}
