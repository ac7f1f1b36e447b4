using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// What a supervisor does on the live grid: the bulk status change through its dialog, and their own settings
/// (queues watched, thresholds). Expected values are worked out by hand in the comments.
/// </summary>
public sealed class LiveGridActionTests
{
    [Fact]
    public async Task The_bulk_override_sends_the_picked_agents_and_status_and_lists_each_outcome()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var sent = new List<(string[] Agents, string Status)>();
        page.Fake.Override = (ids, status) =>
        {
            sent.Add((ids.ToArray(), status));
            return new OverrideOnlineStatusResponse
            {
                OverrideOnlineStatus =
                [
                    new OverrideOutcome { AgentId = "ann", Status = "success" },
                    new OverrideOutcome { AgentId = "dee", Status = "error", Message = "The agent is on a call." },
                ],
            };
        };
        var host = Open(page);
        Assert.True(host.Find("#override").HasAttribute("disabled")); // nobody picked yet

        Pick(host, "ann");
        Pick(host, "dee");
        Assert.Equal("2 selected", host.Find("#selected-count").TextContent.Trim());
        Assert.False(host.Find("#override").HasAttribute("disabled"));
        host.Choose("override-select", "On Break");
        host.Find("#override").Click();

        var dialog = host.WaitForElement("#confirm-override", Wait);
        Assert.Equal("Set 2 agents to On Break?", MudMarkup.Words(dialog.QuerySelector("p")!.TextContent));
        Assert.Empty(sent); // nothing goes to Zoho before the confirmation
        host.Find("#override-reason").Change("  Team meeting  ");
        host.Find("#confirm").Click();

        host.WaitForElement("#override-outcomes", Wait);
        var (agents, status) = Assert.Single(sent);
        Assert.Equal(["ann", "dee"], agents.Order());
        Assert.Equal("On Break", status);
        Assert.Equal("Status change · Team meeting", host.Find("#override-outcomes h2").TextContent.Trim()); // the reason, trimmed
        var outcomes = host.FindAll("#override-outcomes li").Select(li => (li.ClassName, MudMarkup.Words(li.TextContent))).ToList();
        Assert.Equal(
        [
            ("outcome-ok", "Ann: set to On Break; live grids and walls show it now, and the next poll confirms it."),
            ("outcome-failed", "Dee: The agent is on a call."),
        ], outcomes);
        // Only the agent Zoho changed is shown changed at once, by the supervisor who changed them.
        var (shownIds, shownStatus, by) = Assert.Single(page.Feeds.Shown);
        Assert.Equal(["ann"], shownIds);
        Assert.Equal("On Break", shownStatus);
        Assert.NotNull(by);
        host.WaitForAssertion(() => Assert.Equal(["1 of 2 agents set to On Break; see why below."], host.Snackbars()), Wait);
        Assert.Contains("mud-alert-filled-warning", host.Find(".mud-snackbar").ClassList);
        Assert.Empty(host.FindAll("#confirm-override")); // the dialog closed
        Assert.Equal("0 selected", host.Find("#selected-count").TextContent.Trim());
        Assert.False(host.Find("[data-agent='ann'] input").HasAttribute("checked"));
    }

    [Fact]
    public async Task A_bulk_override_without_a_reason_that_all_succeeds_says_so()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var sent = new List<(string[] Agents, string Status)>();
        page.Fake.Override = (ids, status) =>
        {
            sent.Add((ids.ToArray(), status));
            return new OverrideOnlineStatusResponse { OverrideOnlineStatus = [new OverrideOutcome { AgentId = "cy", Status = "success" }] };
        };
        var host = Open(page);

        Pick(host, "cy");
        host.Find("#override").Click(); // "Set to" is Available unless changed
        Assert.Equal("Set 1 agent to Available?", MudMarkup.Words(host.WaitForElement("#confirm-override", Wait).QuerySelector("p")!.TextContent));
        host.Find("#confirm").Click();

        host.WaitForElement("#override-outcomes", Wait);
        Assert.Equal(["cy"], Assert.Single(sent).Agents);
        Assert.Equal("Available", sent[0].Status);
        Assert.Equal("Status change", host.Find("#override-outcomes h2").TextContent.Trim());
        Assert.Equal("Cy: set to Available; live grids and walls show it now, and the next poll confirms it.", MudMarkup.Words(host.Find("#override-outcomes li").TextContent));
        host.WaitForAssertion(() => Assert.Equal(["1 agent set to Available."], host.Snackbars()), Wait);
        Assert.Contains("mud-alert-filled-success", host.Find(".mud-snackbar").ClassList);
    }

    [Fact]
    public async Task The_override_outcomes_name_agents_of_the_board_on_screen_even_if_the_feed_had_not_polled_when_the_page_opened()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = BoardSnapshot.Empty; // a feed that has just started, as on a supervisor's first visit
        page.Fake.Override = (ids, _) => new OverrideOnlineStatusResponse { OverrideOnlineStatus = [new OverrideOutcome { AgentId = "ann", Status = "success" }] };
        page.NavigateTo("/live");
        var host = page.Render<LivePage>();
        page.Feeds.Publish(new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now)); // its first poll
        host.WaitForAssertion(() => Assert.Equal(7, Tiles(host).Count), Wait);

        Pick(host, "ann");
        host.Find("#override").Click();
        host.WaitForElement("#confirm-override", Wait);
        host.Find("#confirm").Click();

        host.WaitForElement("#override-outcomes", Wait);
        Assert.Equal("Ann: set to Available; live grids and walls show it now, and the next poll confirms it.", MudMarkup.Words(host.Find("#override-outcomes li").TextContent));
    }

    [Fact]
    public async Task Cancelling_the_bulk_override_sends_nothing_and_keeps_the_selection()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        int calls = 0;
        page.Fake.Override = (_, _) =>
        {
            calls++;
            return new OverrideOnlineStatusResponse();
        };
        var host = Open(page);
        Pick(host, "ben");
        host.Choose("override-select", "Offline");
        host.Find("#override").Click();
        host.WaitForElement("#confirm-override", Wait);
        host.Find("#override-reason").Change("never mind");

        host.Find("#cancel-override").Click();

        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#confirm-override")), Wait);
        Assert.Equal(0, calls);
        Assert.Empty(host.FindAll("#override-outcomes"));
        Assert.Empty(host.Snackbars());
        Assert.Equal("1 selected", host.Find("#selected-count").TextContent.Trim());
    }

    [Fact]
    public async Task A_Zoho_failure_of_the_bulk_override_is_shown_in_words()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        const string why = "Zoho Voice failed (HTTP 503). Try again in a minute.";
        page.Fake.Override = (_, _) => throw new ZohoApiException(ZohoFailureKind.ServerError, "override online status", why);
        var host = Open(page);
        Pick(host, "ann");
        host.Find("#override").Click();
        host.WaitForElement("#confirm-override", Wait);

        host.Find("#confirm").Click();

        host.WaitForAssertion(() => Assert.Equal(["No status was changed. " + why], host.Snackbars()), Wait);
        Assert.Contains("mud-alert-filled-error", host.Find(".mud-snackbar").ClassList);
        Assert.Contains(why, host.Find(".notice-error[role=alert]").TextContent);
        Assert.Empty(host.FindAll("#override-outcomes"));
        Assert.Equal("1 selected", host.Find("#selected-count").TextContent.Trim()); // still picked, to try again
    }

    [Fact]
    public async Task Saving_other_queues_in_the_settings_moves_the_page_to_that_scopes_feed()
    {
        await using var page = new MudPageContext();
        var clock = page.Clock;
        page.Feeds.Board = new BoardSnapshot([.. Floor(clock)], clock.Now);
        var host = Open(page);
        var (zuid, first) = Assert.Single(page.Feeds.Subscribed);
        Assert.Equal((MudPageContext.Zuid, "q:q1,q2|a:"), (zuid, first.Key)); // first use: every configured queue

        host.Find("#open-settings").Click();
        host.WaitForElement("#settings", Wait);
        Assert.Equal(["Sales", "Support"], host.FindAll("#settings fieldset")[0].QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        page.Feeds.Board = new BoardSnapshot([Agent(clock, "cy", "Cy", "Busy", 1, "q2")], clock.Now); // what the Support feed shows
        host.Find("#settings input[data-queue='q2']").Change(true); // Support
        host.Find("[data-warning='Available']").Change("1");
        host.Find("[data-alert='Available']").Change("2");
        host.Find("#save-settings").Click();

        host.WaitForAssertion(() => Assert.Equal(2, page.Feeds.Subscribed.Count), Wait);
        Assert.Equal((MudPageContext.Zuid, "q:q2|a:"), (page.Feeds.Subscribed[1].Zuid, page.Feeds.Subscribed[1].Scope.Key));
        Assert.Equal(1, page.Feeds.Open); // the old feed was left
        host.WaitForAssertion(() => Assert.Equal(["cy"], Tiles(host)), Wait);
        host.WaitForAssertion(() => Assert.Equal(["Your live grid settings are saved."], host.Snackbars()), Wait);
        Assert.Empty(host.FindAll("#settings"));

        // Kept for the supervisor: the queue, and their thresholds for Available.
        var saved = await page.Get<LivePreferenceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None);
        Assert.Equal(["q2"], saved.QueueIds);
        Assert.Equal(new ThresholdMinutes(1, 2), saved.Thresholds!["Available"]);
        var forBrowser = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long[]>>(host.Find("[data-thresholds]").GetAttribute("data-thresholds")!)!;
        Assert.Equal([60_000, 120_000], forBrowser["Available"]);

        // Saving the same queues again stays on the same feed.
        host.Find("#open-settings").Click();
        host.WaitForElement("#settings", Wait);
        Assert.True(host.Find("#settings input[data-queue='q2']").HasAttribute("checked"));
        Assert.False(host.Find("#settings input[data-queue='q1']").HasAttribute("checked"));
        host.Find("#save-settings").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#settings")), Wait);
        Assert.Equal(2, page.Feeds.Subscribed.Count);
    }

    [Fact]
    public async Task The_settings_refuse_a_red_threshold_that_does_not_come_after_amber()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var host = Open(page);
        host.Find("#open-settings").Click();
        host.WaitForElement("#settings", Wait);
        host.Find("#settings input[data-queue='q1']").Change(true); // Sales

        host.Find("[data-warning='Busy']").Change("12");
        host.Find("[data-alert='Busy']").Change("12"); // equal is not after
        host.Find("#save-settings").Click();

        host.WaitForAssertion(() => Assert.Equal("For Busy, red must come after amber.", host.Find("#settings [role=alert]").TextContent.Trim()), Wait);
        Assert.NotEmpty(host.FindAll("#settings")); // the dialog stays open to put it right
        Assert.Single(page.Feeds.Subscribed);
        Assert.Equal(LivePreferences.Default, await page.Get<LivePreferenceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None));
        Assert.Empty(host.Snackbars());

        // Red before amber is refused as well; once red is after amber it saves.
        host.Find("[data-alert='Busy']").Change("5");
        host.Find("#save-settings").Click();
        Assert.Equal("For Busy, red must come after amber.", host.Find("#settings [role=alert]").TextContent.Trim());
        host.Find("[data-alert='Busy']").Change("13");
        host.Find("#save-settings").Click();
        host.WaitForAssertion(() => Assert.Empty(host.FindAll("#settings")), Wait);
        var saved = await page.Get<LivePreferenceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None);
        Assert.Equal(new ThresholdMinutes(12, 13), saved.Thresholds!["Busy"]);
        Assert.Equal(["q1"], saved.QueueIds);
    }
}
