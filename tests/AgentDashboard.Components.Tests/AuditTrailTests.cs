using AgentDashboard.Core.Live;
using AgentDashboard.Web.Audit;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Store;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;
using Microsoft.AspNetCore.Components;
using static AgentDashboard.Components.Tests.LiveGridSamples;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The audit trail as a supervisor meets it: an override (with its reason) and an own-status change recorded with
/// who, whom, from and to, and each outcome; a store that fails never stops the change; the /audit page searched.
/// The signed-in person is Sam Supervisor (700100); the clock stands at Tuesday 17 November 2026 15:30 UTC.
/// </summary>
public sealed class AuditTrailTests
{
    private static readonly long Now = PageContext.Now.ToUnixTimeMilliseconds();
    private static readonly AuditViewer Admin = new("admin", IsAdmin: true);

    private static async Task<List<AuditEntry>> RecordedAsync(MudPageContext page) =>
        [.. (await page.Get<AuditStore>().SearchAsync(new AuditQuery(), Admin, 0, 100, CancellationToken.None)).Entries.OrderBy(e => e.AgentId)];

    private static async Task DropTrailAsync(MudPageContext page)
    {
        await using var connection = await page.Get<DashboardDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE audit_entries"; // a store that cannot take the row
        await command.ExecuteNonQueryAsync();
    }

    private static void Override(IRenderedComponent<IComponent> host, string status, string reason, params string[] agents)
    {
        foreach (string agent in agents) Pick(host, agent);
        host.Choose("override-select", status);
        host.Find("#override").Click();
        host.WaitForElement("#confirm-override", Wait);
        host.Find("#override-reason").Change(reason);
        host.Find("#confirm").Click();
    }

    [Fact]
    public async Task An_override_records_each_agent_with_the_status_the_grid_showed_the_outcome_and_the_reason_typed()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        page.Fake.Override = (_, _) => new OverrideOnlineStatusResponse
        {
            OverrideOnlineStatus =
            [
                new OverrideOutcome { AgentId = "ann", Status = "success" },
                new OverrideOutcome { AgentId = "dee", Status = "error", Message = "The agent is on a call." },
            ],
        };
        var host = Open(page);

        Override(host, "On Break", "  Team meeting  ", "ann", "dee");

        host.WaitForElement("#override-outcomes", Wait);
        var recorded = await RecordedAsync(page);
        // Ann was Available and Dee On Call on the board (LiveGridSamples.Floor).
        Assert.Equal(
        [
            (Now, "override", "700100", "Sam Supervisor", "ann", "Ann", (string?)"Available", "On Break", AuditOutcome.Succeeded, (string?)null, "Team meeting"),
            (Now, "override", "700100", "Sam Supervisor", "dee", "Dee", "On Call", "On Break", AuditOutcome.Failed, "The agent is on a call.", "Team meeting"),
        ], recorded.Select(e => (e.At, e.Kind, e.ByZuid, e.ByName, e.AgentId, e.AgentName, e.From, e.To, e.Outcome, e.Message, e.Reason)).ToList());
        Assert.Empty(host.FindAll("#audit-not-recorded"));
    }

    [Fact]
    public async Task An_override_Zoho_did_not_answer_is_recorded_as_unknown_for_every_agent_asked()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        page.Fake.Override = (_, _) => throw new ZohoApiException(ZohoFailureKind.Timeout, "override online status", "Zoho Voice did not answer in time.");
        var host = Open(page);

        Override(host, "Busy", "", "ann", "cy");

        host.WaitForAssertion(() => Assert.Equal(2, RecordedAsync(page).Result.Count), Wait);
        Assert.Equal(
        [
            ("ann", (string?)"Available", AuditOutcome.Unknown, (string?)"Zoho Voice did not answer in time.", ""),
            ("cy", "Busy", AuditOutcome.Unknown, "Zoho Voice did not answer in time.", ""),
        ], (await RecordedAsync(page)).Select(e => (e.AgentId, e.From, e.Outcome, e.Message, e.Reason)).ToList());
    }

    [Fact]
    public async Task An_override_goes_through_when_the_trail_cannot_be_written_and_the_page_says_so()
    {
        await using var page = new MudPageContext();
        page.Feeds.Board = new BoardSnapshot([.. Floor(page.Clock)], page.Clock.Now);
        var sent = new List<string>();
        page.Fake.Override = (ids, status) =>
        {
            sent.AddRange(ids);
            return new OverrideOnlineStatusResponse { OverrideOnlineStatus = [new OverrideOutcome { AgentId = "cy", Status = "success" }] };
        };
        var host = Open(page);
        await DropTrailAsync(page);

        Override(host, "Available", "Back from lunch", "cy");

        host.WaitForElement("#audit-not-recorded", Wait);
        Assert.Equal(["cy"], sent);
        Assert.Equal("Cy: set to Available; live grids and walls show it now, and the next poll confirms it.", MudMarkup.Words(host.Find("#override-outcomes li").TextContent));
        Assert.Equal("This change could not be written to the audit trail; it was made all the same.", host.Find("#audit-not-recorded").TextContent.Trim());
    }

    [Fact]
    public async Task An_own_status_change_is_recorded_from_the_status_shown_to_the_one_chosen()
    {
        await using var page = new MudPageContext();
        page.Fake.OwnStatus = "Available";
        page.Zoho.SetOwn = _ => new UpdateOnlineStatusResponse();
        var host = page.Render<OwnStatus>();
        host.WaitForAssertion(() => Assert.Equal("Available", host.Find("#own-status-button").GetAttribute("data-current")), Wait);

        host.Find("#own-status-button").Click();
        host.WaitForElement(".mud-popover-open [data-own-status='Busy']", Wait).Click();

        host.WaitForAssertion(() => Assert.Equal(["Your status is now Busy."], host.Snackbars()), Wait);
        var entry = Assert.Single(await RecordedAsync(page));
        // Zoho's own-status answer gave no agent id here, so the person's Zoho user id stands for it.
        Assert.Equal((Now, "own status", "700100", "Sam Supervisor", "700100", "Sam Supervisor", (string?)"Available", "Busy", AuditOutcome.Succeeded, ""),
            (entry.At, entry.Kind, entry.ByZuid, entry.ByName, entry.AgentId, entry.AgentName, entry.From, entry.To, entry.Outcome, entry.Reason));
    }

    [Fact]
    public async Task An_own_status_change_goes_through_when_the_trail_cannot_be_written_and_says_so()
    {
        await using var page = new MudPageContext();
        page.Fake.OwnStatus = "Available";
        page.Zoho.SetOwn = _ => new UpdateOnlineStatusResponse();
        var host = page.Render<OwnStatus>();
        host.WaitForAssertion(() => Assert.Equal("Available", host.Find("#own-status-button").GetAttribute("data-current")), Wait);
        await DropTrailAsync(page);

        host.Find("#own-status-button").Click();
        host.WaitForElement(".mud-popover-open [data-own-status='Offline']", Wait).Click();

        host.WaitForAssertion(() => Assert.Equal(["Your status is now Offline.", "This change could not be written to the audit trail; it was made all the same."], host.Snackbars()), Wait);
        Assert.Equal(["Offline"], page.Zoho.OwnChanges);
    }

    private static AuditEntry Entry(string id, DateTimeOffset at, string byZuid, string byName, string agentId, string agentName,
        AuditOutcome outcome = AuditOutcome.Succeeded, string? message = null, string reason = "") =>
        new(id, at.ToUnixTimeMilliseconds(), AuditKinds.Override, byZuid, byName, agentId, agentName, "Available", "On Break", outcome, message, reason);

    private static async Task SeedAsync(MudPageContext page) => await page.Get<AuditStore>().AppendAsync(
    [
        Entry("e1", PageContext.Now.AddHours(-2), MudPageContext.Zuid, "Sam Supervisor", "ann", "Ann", reason: "Team meeting"),
        Entry("e2", PageContext.Now.AddHours(-1), "700999", "Raj Patel", "cy", "Cy", AuditOutcome.Failed, "The agent is on a call."),
        Entry("e3", PageContext.Now, MudPageContext.Zuid, "Sam Supervisor", "cy", "Cy", AuditOutcome.Unknown, "Zoho Voice did not answer in time."),
    ], CancellationToken.None);

    private static List<string> Rows(IRenderedComponent<IComponent> host) =>
        [.. host.FindAll("#audit-entries tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => MudMarkup.Words(td.TextContent))))];

    [Fact]
    public async Task A_supervisor_sees_only_their_own_changes_newest_first_in_their_browsers_zone()
    {
        await using var page = new MudPageContext();
        await SeedAsync(page);
        page.NavigateTo("/audit?tz=America/New_York");
        var host = page.Render<AuditPage>();

        host.WaitForElement("#audit-entries", Wait);
        // 15:30 and 13:30 UTC are 10:30 and 08:30 in New York (EST, UTC-5).
        Assert.Equal(
        [
            "17 Nov 2026 10:30:00 | Sam Supervisor | Cy | Available | On Break | Unknown (no answer): Zoho Voice did not answer in time. | —",
            "17 Nov 2026 08:30:00 | Sam Supervisor | Ann | Available | On Break | Made | Team meeting",
        ], Rows(host));
        Assert.Equal("1–2 of 2, newest first", host.Find("#audit-range").TextContent.Trim());
        Assert.Empty(host.FindAll("#audit-person")); // nobody else's changes to look for
        Assert.Equal("The status changes you made in the dashboard", host.Find("#audit-scope").TextContent.Trim());
        Assert.Equal("/export/audit.csv?tz=America%2FNew_York", host.Find("#export-audit").GetAttribute("href"));
    }

    [Fact]
    public async Task An_admin_sees_everyones_changes_and_searches_by_person_agent_and_day()
    {
        await using var page = new MudPageContext();
        page.LinkOptions.Admins = [MudPageContext.Zuid];
        await SeedAsync(page);
        page.NavigateTo("/audit?tz=UTC");
        var host = page.Render<AuditPage>();
        host.WaitForElement("#audit-entries", Wait);
        Assert.Equal(3, Rows(host).Count);
        Assert.Equal("Every status change made in the dashboard, by anyone", host.Find("#audit-scope").TextContent.Trim());

        host.Find("#audit-person").Change("raj");
        host.Find("#audit-agent").Change("cy");
        host.Find("#audit-search").Click();

        Assert.Equal("/audit?tz=UTC&person=raj&agent=cy", page.Url);
        host.WaitForAssertion(() => Assert.Equal(["17 Nov 2026 14:30:00 | Raj Patel | Cy | Available | On Break | Not made: The agent is on a call. | —"], Rows(host)), Wait);
        Assert.Equal("/export/audit.csv?person=raj&agent=cy&tz=UTC", host.Find("#export-audit").GetAttribute("href"));

        // The day before has nothing.
        page.NavigateTo("/audit?tz=UTC&from=2026-11-16&to=2026-11-16");
        host.WaitForElement("#audit-empty", Wait);
    }

    [Fact]
    public async Task The_trail_is_shown_fifty_entries_a_page()
    {
        await using var page = new MudPageContext();
        // 51 changes, a minute apart, the newest (n51) at the clock's 15:30.
        await page.Get<AuditStore>().AppendAsync([.. Enumerable.Range(1, 51).Select(n =>
            Entry($"n{n:00}", PageContext.Now.AddMinutes(n - 51), MudPageContext.Zuid, "Sam Supervisor", "ann", "Ann"))], CancellationToken.None);
        page.NavigateTo("/audit?tz=UTC");
        var host = page.Render<AuditPage>();
        host.WaitForElement("#audit-entries", Wait);
        Assert.Equal(50, Rows(host).Count);
        Assert.Equal("1–50 of 51, newest first", host.Find("#audit-range").TextContent.Trim());
        Assert.StartsWith("17 Nov 2026 15:30:00", Rows(host)[0]);
        Assert.True(host.Find("#audit-newer").HasAttribute("disabled"));

        host.Find("#audit-older").Click();

        host.WaitForAssertion(() => Assert.Equal("51–51 of 51, newest first", host.Find("#audit-range").TextContent.Trim()), Wait);
        Assert.Equal("/audit?tz=UTC&page=2", page.Url);
        Assert.StartsWith("17 Nov 2026 14:40:00", Assert.Single(Rows(host))); // 50 minutes before 15:30
        Assert.True(host.Find("#audit-older").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_page_says_so_when_the_trail_cannot_be_read()
    {
        await using var page = new MudPageContext();
        await DropTrailAsync(page);
        page.NavigateTo("/audit?tz=UTC");
        var host = page.Render<AuditPage>();

        host.WaitForAssertion(() => Assert.Equal("The audit trail cannot be read just now. Load the page again in a moment.", host.Find("#audit-unreadable").TextContent.Trim()), Wait);
        Assert.Empty(host.FindAll("#audit-entries"));
    }
}
