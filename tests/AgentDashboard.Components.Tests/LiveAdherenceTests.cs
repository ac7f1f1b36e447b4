using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// Out-of-adherence flags on the live grid and a wall, from schedules a test gives (<see cref="FakeScheduleSource"/>),
/// under the default grace of 5 minutes. The clock moves only when a test moves it; times are worked out in the comments.
/// </summary>
public sealed class LiveAdherenceTests
{
    private static string? FlagOf(IRenderedComponent<IComponent> host, string agentId) =>
        host.FindAll($"[data-agent='{agentId}'] [data-adherence]").SingleOrDefault()?.TextContent.Trim();

    private static string OutOfAdherence(IRenderedComponent<IComponent> host) => host.Find("#out-of-adherence .counter-count").TextContent.Trim();

    [Fact]
    public async Task A_tile_is_flagged_in_words_once_out_of_adherence_for_longer_than_the_grace_and_the_header_counts_it()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var schedules = page.Get<FakeScheduleSource>();
        foreach (var id in new[] { "ann", "ben", "cy" }) schedules.Add(id, clock.Now, -60, 120, "Work"); // Work from an hour ago
        page.Feeds.Board = new BoardSnapshot(
        [
            Agent(clock, "ann", "Ann", "Available", 30, "q1"), // keeps to Work
            Agent(clock, "ben", "Ben", "On Break", 2, "q1"), // out for 2 minutes
            Agent(clock, "cy", "Cy", "Offline", 90, "q2"), // out since Work began, an hour ago
        ], clock.Now);

        var host = Open(page);

        host.WaitForAssertion(() => Assert.Equal("1", OutOfAdherence(host)), Wait);
        Assert.Equal("◷ Offline, scheduled Work, 1 h", FlagOf(host, "cy"));
        Assert.Null(FlagOf(host, "ben"));
        Assert.Null(FlagOf(host, "ann"));
        Assert.Equal("out of adherence", host.Find("#out-of-adherence .counter-label").TextContent.Trim());

        // Three minutes on, Ben has been out exactly the grace: not longer, so not yet flagged.
        Tick(host, clock, TimeSpan.FromMinutes(3));
        Assert.Null(FlagOf(host, "ben"));
        Assert.Equal("1", OutOfAdherence(host));

        // A second more and he is; two minutes later the words say 7 min, and Cy's an hour and 5 minutes.
        Tick(host, clock, TimeSpan.FromSeconds(1));
        host.WaitForAssertion(() => Assert.Equal("◷ On Break, scheduled Work, 5 min", FlagOf(host, "ben")), Wait);
        Assert.Equal("2", OutOfAdherence(host));
        Tick(host, clock, TimeSpan.FromMinutes(2));
        host.WaitForAssertion(() => Assert.Equal("◷ On Break, scheduled Work, 7 min", FlagOf(host, "ben")), Wait);
        Assert.Equal("◷ Offline, scheduled Work, 1 h 5 min", FlagOf(host, "cy"));

        // Back from the break, Ben keeps to Work again.
        page.Feeds.Publish(new BoardSnapshot(
        [
            Agent(clock, "ann", "Ann", "Available", 35, "q1"),
            Agent(clock, "ben", "Ben", "Available", 0, "q1"),
            Agent(clock, "cy", "Cy", "Offline", 95, "q2"),
        ], clock.Now));
        host.WaitForAssertion(() => Assert.Equal("1", OutOfAdherence(host)), Wait);
        Assert.Null(FlagOf(host, "ben"));
    }

    [Fact]
    public async Task The_table_says_the_same_words_in_the_time_column()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Get<FakeScheduleSource>().Add("cy", clock.Now, -20, 40, "Meeting");
        page.Feeds.Board = new BoardSnapshot([Agent(clock, "cy", "Cy", "Available", 30, "q2")], clock.Now);

        var host = Open(page, "/live?view=table");

        // Available does not keep to a Meeting: out since it began, 20 minutes ago.
        host.WaitForAssertion(() => Assert.Equal("◷ Available, scheduled Meeting, 20 min", FlagOf(host, "cy")), Wait);
        Assert.Equal("1", OutOfAdherence(host));
    }

    [Fact]
    public async Task Unscheduled_agents_are_never_flagged_and_the_count_shows_only_while_someone_on_the_board_has_a_schedule()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var schedules = page.Get<FakeScheduleSource>();
        schedules.Add("ann", clock.Now, -60, 120, "Work");
        schedules.Add("fay", clock.Now, -60, 120, "Off"); // Off is not scheduled time
        schedules.Add("gus", clock.Now, -60, 120, "Work"); // no status known
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now); // Fay Offline an hour, Eve in Training 40 minutes, neither with Work

        var host = Open(page);

        host.WaitForAssertion(() => Assert.Equal("0", OutOfAdherence(host)), Wait);
        Assert.Empty(host.FindAll("[data-adherence]"));

        // The schedules taken away: read again a minute later, and the count goes with them.
        lock (schedules.Rows) schedules.Rows.Clear();
        Tick(host, clock, TimeSpan.FromMinutes(1));
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#out-of-adherence")), Wait);
        Assert.Empty(host.FindAll("[data-adherence]"));
    }

    [Fact]
    public async Task A_failed_read_keeps_the_last_schedules()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        var schedules = page.Get<FakeScheduleSource>();
        schedules.Add("cy", clock.Now, -10, 120, "Work");
        page.Feeds.Board = new BoardSnapshot([Agent(clock, "cy", "Cy", "Offline", 90, "q2")], clock.Now);
        var host = Open(page);
        host.WaitForAssertion(() => Assert.Equal("◷ Offline, scheduled Work, 10 min", FlagOf(host, "cy")), Wait);

        schedules.Failure = new InvalidOperationException("The database is down.");
        Tick(host, clock, TimeSpan.FromMinutes(1));
        host.WaitForState(() => schedules.Reads >= 2, Wait);
        Tick(host, clock, TimeSpan.FromSeconds(1));
        Assert.Equal("◷ Offline, scheduled Work, 11 min", FlagOf(host, "cy"));
        Assert.Equal("1", OutOfAdherence(host));
    }

    [Fact]
    public async Task A_wall_flags_its_tiles_in_words_and_counts_them_in_its_head()
    {
        await using var page = new WallContext(new LiveFeedOptions { Queues = ["q1"], QueueNames = new() { ["q1"] = "Sales" } });
        var clock = page.Clock;
        var schedules = page.Get<FakeScheduleSource>();
        schedules.Add("cal", clock.Now, -30, 60, "Work");
        schedules.Add("zoe", clock.Now, -30, 60, "Work");
        page.Feeds.Board = new BoardSnapshot(
        [
            Agent(clock, "cal", "Cal", "On Break", 12, "q1"), // out 12 minutes
            Agent(clock, "zoe", "Zoe", "Available", 5, "q1"),
            Agent(clock, "al", "Al", "Offline", 50, "q1"), // no schedule
        ], clock.Now);
        var (_, token) = await page.Get<DisplayLinkStore>().CreateAsync("700200", "Lobby", new WallView(["q1"]), null, CancellationToken.None);

        var wall = page.Context.Render<WallPage>(p => p.Add(w => w.Token, token));

        wall.WaitForAssertion(() => Assert.Equal("1 out of adherence", wall.Find("#wall-adherence").TextContent.Trim()), Wait);
        Assert.Contains("wall-adherence-out", wall.Find("#wall-adherence").ClassList);
        // The tile's status line says On Break; the flag under it the activity and the minutes, and the whole in its label.
        var flag = wall.Find("[data-agent='cal'] [data-adherence]");
        Assert.Equal("◷ Work · 12 min", flag.TextContent.Trim());
        Assert.Equal("Out of adherence: On Break, scheduled Work, 12 min", flag.GetAttribute("title"));
        Assert.Equal("Out of adherence: On Break, scheduled Work, 12 min", flag.GetAttribute("aria-label"));
        Assert.Empty(wall.FindAll("[data-agent='zoe'] [data-adherence]"));
        Assert.Empty(wall.FindAll("[data-agent='al'] [data-adherence]"));
    }
}
