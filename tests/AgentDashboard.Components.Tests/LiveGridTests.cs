using AgentDashboard.Core.Live;
using Microsoft.AspNetCore.Components;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The live grid page as a supervisor reads it: counters that filter, the queue, search and sort from the URL,
/// thresholds and staleness as the (manual) clock moves, and the feed's new boards. The board's clock ticks only when
/// a test moves it; expected values are worked out by hand in the comments.
/// </summary>
public sealed class LiveGridTests
{
    [Fact]
    public async Task Counters_show_the_documented_statuses_in_order_with_zeros_then_the_custom_ones()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot(
        [
            Agent(clock, "a", "Ann", "Available", 1, "q1"),
            Agent(clock, "b", "Bo", "Training", 1, "q1"),
            Agent(clock, "c", "Cy", "Available", 1, "q1"),
            Agent(clock, "d", "Di", "Coaching", 1, "q1"),
            Agent(clock, "e", "Ed", "On Break", 1, "q1"),
            new LiveAgent("f", "Fi", null, null, SinceKind.Observed, null, Error: "Agent not found", Queues: ["q1"]),
        ], clock.Now);

        var host = Open(page);

        // The five documented statuses in Zoho's order, zeros included; then Coaching before Training (by name);
        // Fi has no status and is on no counter.
        Assert.Equal([("Available", "2"), ("On Call", "0"), ("Busy", "0"), ("On Break", "1"), ("Offline", "0"), ("Coaching", "1"), ("Training", "1")], Counters(host));
        Assert.Equal("Training", host.Find(".counter[data-status='Training'] .counter-label").TextContent.Trim());
        Assert.Contains("st-other", host.Find(".counter[data-status='Coaching']").ClassList);
        Assert.Contains("st-break", host.Find(".counter[data-status='On Break']").ClassList);
        Assert.Empty(host.FindAll(".counter.counter-on")); // no status filter yet
        Assert.Equal(6, Tiles(host).Count);
        Assert.Contains("6 agents", host.Find("#as-of").TextContent);
    }

    [Fact]
    public async Task A_counter_puts_its_status_in_the_url_and_the_grid_then_shows_only_those_agents()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var host = Open(page);
        Assert.Equal(["ann", "ben", "cy", "dee", "eve", "fay", "gus"], Tiles(host));

        host.Find(".counter[data-status='Busy']").Click();

        Assert.Equal("Busy", Query(page)["status"]);
        host.WaitForAssertion(() => Assert.Equal(["cy"], Tiles(host)), Wait);
        Assert.Equal(["Busy"], host.FindAll(".counter.counter-on").Select(c => c.GetAttribute("data-status")));

        // A second status adds to the filter; the URL lists the documented statuses in Zoho's order (On Call before
        // Busy, which is not the alphabet's), then custom ones.
        host.Find(".counter[data-status='Training']").Click();
        Assert.Equal("Busy,Training", Query(page)["status"]);
        host.WaitForAssertion(() => Assert.Equal(["cy", "eve"], Tiles(host)), Wait);
        host.Find(".counter[data-status='On Call']").Click();
        Assert.Equal("On Call,Busy,Training", Query(page)["status"]);
        host.WaitForAssertion(() => Assert.Equal(["cy", "dee", "eve"], Tiles(host)), Wait);
        Assert.Equal(["On Call", "Busy", "Training"], host.FindAll(".counter.counter-on").Select(c => c.GetAttribute("data-status")));

        // Clicking a chosen counter again takes it out; the last one out leaves no status parameter and everyone shows.
        host.Find(".counter[data-status='Busy']").Click();
        Assert.Equal("On Call,Training", Query(page)["status"]);
        host.WaitForAssertion(() => Assert.Equal(["dee", "eve"], Tiles(host)), Wait);
        host.Find(".counter[data-status='On Call']").Click();
        host.Find(".counter[data-status='Training']").Click();
        Assert.DoesNotContain("status", Query(page).Keys);
        host.WaitForAssertion(() => Assert.Equal(7, Tiles(host).Count), Wait);
        Assert.Empty(host.FindAll(".counter.counter-on"));
        // The counters count the whole board whatever the filter.
        Assert.Equal([("Available", "1"), ("On Call", "1"), ("Busy", "1"), ("On Break", "1"), ("Offline", "1"), ("Training", "1")], Counters(host));
    }

    [Fact]
    public async Task Counters_tell_assistive_technology_whether_their_filter_is_on()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);

        var host = Open(page, "/live?status=Busy");

        Assert.Equal("true", host.Find(".counter[data-status='Busy']").GetAttribute("aria-pressed"));
        Assert.Equal("false", host.Find(".counter[data-status='Available']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_status_filter_in_the_url_shows_only_agents_in_those_statuses()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);

        var host = Open(page, "/live?status=" + Uri.EscapeDataString("Available,Offline"));

        Assert.Equal(["ann", "fay"], Tiles(host));
        Assert.Equal(["Available", "Offline"], host.FindAll(".counter.counter-on").Select(c => c.GetAttribute("data-status")));
    }

    [Fact]
    public async Task The_queue_and_the_name_search_in_the_url_narrow_the_grid()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);

        // Support (q2) is Cy, Dee, Eve and Gus.
        var host = Open(page, "/live?queue=q2");
        Assert.Equal(["cy", "dee", "eve", "gus"], Tiles(host));
        Assert.Equal("Support", host.Find(".queue-select [role=combobox]").TextContent.Trim());

        // Of those, "E" (any case) is in Dee's and Eve's names only.
        page.NavigateTo("/live?queue=q2&q=E");
        host.WaitForAssertion(() => Assert.Equal(["dee", "eve"], Tiles(host)), Wait);
        Assert.Equal("E", host.Find("#search").GetAttribute("value"));

        // Without the queue, "e" also finds Ben in Sales (Ann, Cy, Fay and Gus have no e).
        page.NavigateTo("/live?q=e");
        host.WaitForAssertion(() => Assert.Equal(["ben", "dee", "eve"], Tiles(host)), Wait);

        // Choosing Sales in the queue list puts it in the URL, and the grid follows: Ben and Dee are in Sales and have an e.
        host.Choose("queue-select", "Sales");
        Assert.Equal("q1", Query(page)["queue"]);
        Assert.Equal("e", Query(page)["q"]);
        host.WaitForAssertion(() => Assert.Equal(["ben", "dee"], Tiles(host)), Wait);
        // "All queues" takes the parameter out again.
        host.Choose("queue-select", "All queues");
        Assert.DoesNotContain("queue", Query(page).Keys);
        host.WaitForAssertion(() => Assert.Equal(["ben", "dee", "eve"], Tiles(host)), Wait);
    }

    [Fact]
    public async Task The_productive_share_is_of_the_whole_board_or_of_the_chosen_queue()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);

        // Signed in: Ann, Ben, Cy, Dee, Eve (Fay is Offline, Gus has no status); Available or On Call: Ann, Dee. 2/5.
        var host = Open(page);
        Assert.Equal("40% productive · 2 of 5 signed in", Share(host));
        Assert.StartsWith("Productive share: agents Available or On Call, out of the agents signed in", host.Find("#productive-share").GetAttribute("title"));

        // A status filter or a search narrows the agents shown, not the share (it is the floor's, as the counters are).
        page.NavigateTo("/live?status=Busy&q=cy");
        host.WaitForAssertion(() => Assert.Equal(["cy"], Tiles(host)), Wait);
        Assert.Equal("40% productive · 2 of 5 signed in", Share(host));

        // Sales (q1): Ann, Ben, Dee signed in (Fay Offline); Ann and Dee productive. 2/3 = 66.7%.
        page.NavigateTo("/live?queue=q1");
        host.WaitForAssertion(() => Assert.Equal("67% productive in Sales · 2 of 3 signed in", Share(host)), Wait);
        Assert.EndsWith(" in Sales", host.Find("#productive-share").GetAttribute("title"));

        // Support (q2): Cy, Dee, Eve signed in (Gus has no status); Dee productive. 1/3 = 33.3%.
        page.NavigateTo("/live?queue=q2");
        host.WaitForAssertion(() => Assert.Equal("33% productive in Support · 1 of 3 signed in", Share(host)), Wait);

        // Nobody signed in in Support any more: no share, not 0%.
        page.Feeds.Publish(new BoardSnapshot([Agent(page.Clock, "cy", "Cy", "Offline", 0, "q2"), Agent(page.Clock, "ann", "Ann", "Available", 5, "q1")], page.Clock.Now));
        host.WaitForAssertion(() => Assert.Equal("— productive in Support · nobody signed in", Share(host)), Wait);
    }

    [Fact]
    public async Task The_grid_sorts_by_name_by_status_or_by_time_in_status()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot(
        [
            .. Floor(clock),
            Agent(clock, "abe", "Abe", "Busy", 25, "q2"), // as long in Busy as Cy: by name, Abe first
            Agent(clock, "zed", "zed", "Available", 5, "q1"), // lower case: names sort without regard to case
        ], clock.Now);

        var host = Open(page);
        Assert.Equal(["abe", "ann", "ben", "cy", "dee", "eve", "fay", "gus", "zed"], Tiles(host));

        // By status: Available, On Call, Busy, On Break, Offline, then custom ones, then none; by name within each.
        page.NavigateTo("/live?sort=status");
        host.WaitForAssertion(() => Assert.Equal(["ann", "zed", "dee", "abe", "cy", "ben", "fay", "eve", "gus"], Tiles(host)), Wait);

        // By time in status, longest first: Fay 60, Eve 40, Abe and Cy 25, Ben 20, Ann and zed 5, Dee 2; Gus has no time.
        host.Choose("sort-select", "Time in status");
        Assert.Equal("time", Query(page)["sort"]);
        host.WaitForAssertion(() => Assert.Equal(["fay", "eve", "abe", "cy", "ben", "ann", "zed", "dee", "gus"], Tiles(host)), Wait);

        // And back to names from the list.
        host.Choose("sort-select", "Name");
        Assert.Equal("name", Query(page)["sort"]);
        host.WaitForAssertion(() => Assert.Equal(["abe", "ann", "ben", "cy", "dee", "eve", "fay", "gus", "zed"], Tiles(host)), Wait);
    }

    [Fact]
    public async Task Tiles_turn_amber_then_red_and_the_over_threshold_count_follows_the_clock()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot(
        [
            Agent(clock, "ben", "Ben", "On Break", 20, "q1"), // amber at 15, red at 30
            Agent(clock, "cy", "Cy", "Busy", 25, "q1"), // red since 20
            Agent(clock, "dee", "Dee", "On Call", 15, "q1"), // amber at 20
            Agent(clock, "ann", "Ann", "Available", 300, "q1"), // no threshold for Available
        ], clock.Now);
        var host = Open(page);

        string Level(string id) => host.Find($"[data-agent='{id}']").ClassList is var c && c.Contains("over-alert") ? "red" : c.Contains("over-warning") ? "amber" : "none";
        bool Flagged(string id) => !host.Find($"[data-agent='{id}'] [data-flag]").HasAttribute("hidden");

        Assert.Equal(("amber", "red", "none", "none"), (Level("ben"), Level("cy"), Level("dee"), Level("ann")));
        Assert.Equal("2", OverThreshold(host));
        Assert.True(Flagged("ben"));
        Assert.False(Flagged("dee"));

        // Five minutes on: Dee's 20 minutes on a call reach amber; Ben (25) stays amber.
        Tick(host, clock, TimeSpan.FromMinutes(5));
        host.WaitForAssertion(() => Assert.Equal(("amber", "red", "amber", "none"), (Level("ben"), Level("cy"), Level("dee"), Level("ann"))), Wait);
        Assert.Equal("3", OverThreshold(host));
        Assert.True(Flagged("dee"));

        // Five more: Ben's 30 minutes of break reach red.
        Tick(host, clock, TimeSpan.FromMinutes(5));
        host.WaitForAssertion(() => Assert.Equal(("red", "red", "amber", "none"), (Level("ben"), Level("cy"), Level("dee"), Level("ann"))), Wait);
        Assert.Equal("3", OverThreshold(host));
    }

    [Fact]
    public async Task The_stale_banner_appears_after_two_poll_intervals_without_a_good_poll_with_the_last_error()
    {
        await using var page = new MudPageContext(new LiveFeedOptions { Queues = ["q1"], PollInterval = TimeSpan.FromSeconds(10) });
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now.AddSeconds(-5), FailedPolls: 1, LastError: "Zoho Voice did not answer in time.");
        var host = Open(page);

        Assert.Empty(host.FindAll("#stale-warning"));
        Tick(host, clock, TimeSpan.FromSeconds(15)); // 20 s since the last good poll: two intervals, not more
        Assert.Empty(host.FindAll("#stale-warning"));
        Assert.DoesNotContain("as-of-stale", host.Find("#as-of").ClassList);

        Tick(host, clock, TimeSpan.FromSeconds(1));
        host.WaitForAssertion(() => Assert.Equal(
            "These figures are getting old. Zoho Voice has not answered for 0:21; the last good data stays on screen. Zoho Voice did not answer in time.",
            MudMarkup.Words(host.Find("#stale-warning").TextContent)), Wait);
        Assert.Contains("as-of-stale", host.Find("#as-of").ClassList);
        Assert.Equal(7, Tiles(host).Count); // the last good data stays

        // A good poll clears it.
        page.Feeds.Publish(new BoardSnapshot([.. Floor(clock)], clock.Now));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#stale-warning")), Wait);
        Assert.DoesNotContain("as-of-stale", host.Find("#as-of").ClassList);
    }

    [Fact]
    public async Task No_agents_at_all_and_no_agent_matching_the_filters_are_told_apart()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([], page.Clock.Now);
        var host = Open(page);

        Assert.Equal("Zoho Voice shows you no agents in these queues.", host.Find("#no-agents").TextContent.Trim());
        Assert.Equal([("Available", "0"), ("On Call", "0"), ("Busy", "0"), ("On Break", "0"), ("Offline", "0")], Counters(host));

        page.Feeds.Publish(new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now));
        host.WaitForAssertion(() => Assert.Equal(7, Tiles(host).Count), Wait);
        Assert.Empty(host.FindAll("#no-agents"));

        page.NavigateTo("/live?q=nobody");
        host.WaitForAssertion(() => Assert.Equal("No agent matches these filters.", host.Find("#no-agents").TextContent.Trim()), Wait);
        Assert.Empty(Tiles(host));
    }

    [Fact]
    public async Task Before_the_first_board_the_grid_says_it_is_loading_and_then_shows_the_feeds_agents()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = BoardSnapshot.Empty; // the feed has not polled yet

        page.NavigateTo("/live");
        var host = page.Render<LivePage>();

        host.WaitForAssertion(() => Assert.Equal("Loading agents…", host.Find("#as-of").TextContent.Trim()), Wait);
        Assert.Empty(host.FindAll("#no-agents")); // not "no agents": nothing is known yet
        Assert.Empty(host.FindAll("#stale-warning"));

        page.Feeds.Publish(new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now));
        host.WaitForAssertion(() => Assert.Equal(7, Tiles(host).Count), Wait);
        Assert.StartsWith("As of", host.Find("#as-of").TextContent.Trim());
    }

    [Fact]
    public async Task A_new_board_from_the_feed_redraws_the_tiles_and_the_counters()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var host = Open(page);
        int idle = clock.PendingTimers; // the board's once-a-second ticker (and MudBlazor's own)
        Assert.Equal("Available", host.Find("[data-agent='ann']").GetAttribute("data-status"));

        // Ann goes on a break, Gus becomes known as Available, Fay leaves the queues.
        clock.Advance(TimeSpan.FromSeconds(10));
        page.Feeds.Publish(new BoardSnapshot(
        [
            Agent(clock, "ann", "Ann", "On Break", 0, "q1"),
            Agent(clock, "ben", "Ben", "On Break", 20, "q1"),
            Agent(clock, "cy", "Cy", "Busy", 25, "q2"),
            Agent(clock, "dee", "Dee", "On Call", 2, "q1", "q2"),
            Agent(clock, "eve", "Eve", "Training", 40, "q2"),
            Agent(clock, "gus", "Gus", "Available", 0, "q2"),
        ], clock.Now));

        host.WaitForAssertion(() => Assert.Equal(["ann", "ben", "cy", "dee", "eve", "gus"], Tiles(host)), Wait);
        Assert.Equal("On Break", host.Find("[data-agent='ann']").GetAttribute("data-status"));
        Assert.Contains("On Break", host.Find("[data-agent='ann'] .tile-status").TextContent);
        Assert.Equal("Available", host.Find("[data-agent='gus'] .tile-status").TextContent.Trim());
        Assert.Equal([("Available", "1"), ("On Call", "1"), ("Busy", "1"), ("On Break", "2"), ("Offline", "0"), ("Training", "1")], Counters(host));
        Assert.Equal(clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), host.Find("#as-of [data-epoch]").GetAttribute("data-epoch"));
        Assert.Contains("6 agents", host.Find("#as-of").TextContent);

        // The board redraws at most every 150 ms: once it has begun that pause, the next board shows when the clock
        // has moved on that far.
        host.WaitForState(() => clock.PendingTimers == idle + 1, Wait);
        page.Feeds.Publish(new BoardSnapshot([Agent(clock, "ann", "Ann", "Offline", 0, "q1")], clock.Now));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        host.WaitForAssertion(() => Assert.Equal(["ann"], Tiles(host)), Wait);
        Assert.Contains("1 agent", host.Find("#as-of").TextContent);
    }
}
