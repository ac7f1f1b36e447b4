using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Wall;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The display links page: the form that makes a link (checked before anything is stored), the link's address and QR
/// code shown once, the list with each link's state, and revoking through MudBlazor's message box. What was stored is
/// read back from the link store; the clock is the fixed 2026-11-17 15:30 UTC and moves only when a test moves it.
/// </summary>
public sealed class DisplaysPageTests
{
    private static readonly TimeSpan Wait = MudPageContext.Wait;
    private const string Zuid = MudPageContext.Zuid;

    private static IRenderedComponent<IComponent> Open(MudPageContext page)
    {
        page.NavigateTo("/displays");
        var displays = page.Render<DisplaysPage>();
        displays.WaitForElement("#create-display", Wait);
        return displays;
    }

    private static IElement QueueChip(IRenderedComponent<IComponent> displays, string queue) => displays.Find($"[data-display-queue='{queue}']");

    private static Task<IReadOnlyList<DisplayLink>> Stored(MudPageContext page) => page.Get<DisplayLinkStore>().ListAsync(Zuid, CancellationToken.None);

    private static List<(string Name, string State, bool CanRevoke)> Rows(IRenderedComponent<IComponent> displays) =>
        displays.FindAll("#displays tbody tr").Select(tr => (
            tr.QuerySelector("[data-display]")!.TextContent.Trim(),
            tr.QuerySelector("[data-state]")!.TextContent.Trim(),
            tr.QuerySelector("[data-revoke]") is not null)).ToList();

    /// <summary>The message box's button with this text.</summary>
    private static IElement BoxButton(IRenderedComponent<IComponent> host, string text) =>
        host.FindAll(".mud-dialog .mud-dialog-actions button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task A_link_needs_a_name_and_at_least_one_queue_and_nothing_is_stored_without_them()
    {
        await using var page = new MudPageContext();
        var displays = Open(page);
        Assert.Equal("None yet.", displays.Find("#no-displays").TextContent.Trim());
        // Every queue is ticked to begin with (the supervisor saved none of their own).
        Assert.All(["q1", "q2"], q => Assert.Contains("mud-chip-selected", QueueChip(displays, q).ClassList));

        QueueChip(displays, "q1").Click();
        QueueChip(displays, "q2").Click();
        displays.WaitForAssertion(() => Assert.Empty(displays.FindAll("[data-display-queue].mud-chip-selected")), Wait);
        displays.Find("#create-display").Click();
        Assert.Equal("Tick at least one queue for the wall to show.", displays.Find("#new-display [role=alert]").TextContent.Trim());

        QueueChip(displays, "q2").Click();
        displays.WaitForAssertion(() => Assert.Contains("mud-chip-selected", QueueChip(displays, "q2").ClassList), Wait);
        displays.Find("#display-name").Change("   ");
        displays.Find("#create-display").Click();
        Assert.Equal("Give the wall a name, so you can tell your links apart.", displays.Find("#new-display [role=alert]").TextContent.Trim());

        Assert.Empty(await Stored(page));
        Assert.Empty(displays.FindAll("#created-link"));
        Assert.Empty(displays.Snackbars());

        // Put right, it goes through and the problem goes away.
        displays.Find("#display-name").Change(" Support wall ");
        displays.Find("#display-rotate").Change(true);
        displays.Find("#create-display").Click();
        displays.WaitForElement("#created-link", Wait);
        Assert.Empty(displays.FindAll("#new-display [role=alert]"));
        var link = Assert.Single(await Stored(page));
        Assert.Equal("Support wall", link.Name); // trimmed
        Assert.Equal(["q2"], link.View.QueueIds);
        Assert.False(link.View.RotateQueues); // asked for, but with one queue there is nothing to rotate
    }

    [Fact]
    public async Task A_new_link_is_shown_once_with_its_address_and_a_QR_code_and_stored_as_chosen()
    {
        await using var page = new MudPageContext();
        var displays = Open(page);

        displays.Find("#display-name").Change("Lobby");
        displays.Choose("expiry-select", "In 7 days");
        displays.Find("#display-counters").Change(false);
        displays.Find("#display-rotate").Change(true);
        displays.Find("#display-rotate-seconds").Change("45");
        displays.Find("#create-display").Click();

        var created = displays.WaitForElement("#created-link", Wait);
        Assert.Equal("“Lobby” is ready", created.QuerySelector("h2")!.TextContent.Trim());
        string url = displays.Find("#created-url").GetAttribute("value")!;
        Assert.StartsWith("http://localhost/wall/", url);
        string token = url["http://localhost/wall/".Length..];
        Assert.True(token.Length >= 40, "a token of 256 random bits"); // 32 bytes in base64url: 43 characters
        var qr = displays.Find("#created-qr svg");
        Assert.NotEmpty(qr.Children);
        displays.WaitForAssertion(() => Assert.Equal(["The display link \"Lobby\" is ready; copy its address now."], displays.Snackbars()), Wait);

        // The address opens the link, as it was chosen.
        var link = await page.Get<DisplayLinkStore>().FindAsync(token, CancellationToken.None);
        Assert.NotNull(link);
        Assert.Equal(("Lobby", Zuid), (link.Name, link.Zuid));
        Assert.Equal(["q1", "q2"], link.View.QueueIds);
        Assert.Equal((true, 45, false), (link.View.RotateQueues, link.View.RotateSeconds, link.View.ShowCounters));
        Assert.Equal(PageContext.Now, link.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero), link.ExpiresAt); // 7 days on

        // Listed with its queues and state; the address itself is not in the list.
        Assert.Equal([("Lobby", "active", true)], Rows(displays));
        Assert.Equal("Sales, Support (one at a time, 45 s)", displays.FindAll("#displays tbody td")[1].TextContent.Trim());
        Assert.Single(displays.FindAll($"[value='{url}']"));

        // Shown once: the page opened again lists the link but has no address or code for it.
        await page.Context.DisposeComponentsAsync();
        var again = Open(page);
        again.WaitForElement("#displays", Wait);
        Assert.Empty(again.FindAll("#created-link"));
        Assert.DoesNotContain(token, again.Markup);
        Assert.Equal([("Lobby", "active", true)], Rows(again));
    }

    [Theory]
    [InlineData("2", 5)] // below five seconds: five
    [InlineData("900", 600)] // above ten minutes: ten minutes
    public async Task Rotation_seconds_are_kept_between_5_and_600(string typed, int kept)
    {
        await using var page = new MudPageContext();
        var displays = Open(page);

        displays.Find("#display-rotate").Change(true);
        displays.Find("#display-rotate-seconds").Change(typed);
        displays.Find("#create-display").Click();

        displays.WaitForElement("#created-link", Wait);
        var link = Assert.Single(await Stored(page));
        Assert.Equal(kept, link.View.RotateSeconds);
        Assert.True(link.View.RotateQueues);
    }

    [Theory]
    [InlineData("Never", null)]
    [InlineData("In 1 day", 1)]
    [InlineData("In 90 days", 90)]
    public async Task The_expiry_choice_sets_when_the_link_stops(string choice, int? days)
    {
        await using var page = new MudPageContext();
        var displays = Open(page);

        displays.Choose("expiry-select", choice);
        displays.Find("#create-display").Click();

        displays.WaitForElement("#created-link", Wait);
        var link = Assert.Single(await Stored(page));
        Assert.Equal(days is { } d ? PageContext.Now.AddDays(d) : null, link.ExpiresAt);
        var expires = displays.FindAll("#displays tbody td")[3];
        if (days is null)
        {
            Assert.Equal("never", expires.TextContent.Trim());
        }
        else
        {
            Assert.Equal(PageContext.Now.AddDays(days.Value).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                expires.QuerySelector("[data-epoch]")!.GetAttribute("data-epoch"));
        }
    }

    [Fact]
    public async Task The_list_shows_each_links_state_newest_first_and_offers_revoking_only_active_ones()
    {
        await using var page = new MudPageContext();
        var store = page.Get<DisplayLinkStore>();
        var clock = page.Clock;
        await store.CreateAsync(Zuid, "Old", new WallView(["q1"]), TimeSpan.FromHours(1), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2)); // Old expired an hour ago
        var (kiosk, _) = await store.CreateAsync(Zuid, "Kiosk", new WallView(["q2"], RotateQueues: false), null, CancellationToken.None);
        Assert.True(await store.RevokeAsync(Zuid, kiosk.Id, CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        var (lobby, _) = await store.CreateAsync(Zuid, "Lobby", new WallView(["q1", "q2"]), TimeSpan.FromDays(1), CancellationToken.None);
        await store.TouchAsync(lobby.Id, CancellationToken.None);
        await store.CreateAsync("700999", "Someone else's", new WallView(["q1"]), null, CancellationToken.None);

        var displays = Open(page);

        displays.WaitForElement("#displays", Wait);
        Assert.Equal([("Lobby", "active", true), ("Kiosk", "revoked", false), ("Old", "expired", false)], Rows(displays));
        var lobbyRow = displays.FindAll("#displays tbody tr")[0];
        Assert.Equal(clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            lobbyRow.QuerySelector("[data-last-seen] [data-epoch]")!.GetAttribute("data-epoch"));
        Assert.Equal("not yet", displays.FindAll("#displays tbody tr")[1].QuerySelector("[data-last-seen]")!.TextContent.Trim());
        Assert.DoesNotContain("Someone else", displays.Markup);

        // A day later Lobby has expired too.
        clock.Advance(TimeSpan.FromDays(1));
        await page.Context.DisposeComponentsAsync();
        var later = Open(page);
        later.WaitForElement("#displays", Wait);
        Assert.Equal([("Lobby", "expired", false), ("Kiosk", "revoked", false), ("Old", "expired", false)], Rows(later));
    }

    [Fact]
    public async Task Revoking_asks_first_Keep_it_keeps_the_link_and_Revoke_revokes_it()
    {
        await using var page = new MudPageContext();
        var displays = Open(page);
        displays.Find("#display-name").Change("Lobby");
        displays.Find("#create-display").Click();
        displays.WaitForElement("#created-link", Wait);
        var revoked = new List<string>();
        page.Get<DisplayLinkStore>().Revoked += id => revoked.Add(id);

        displays.Find("[data-revoke]").Click();
        displays.WaitForAssertion(() => Assert.Contains("Revoke this display link?", displays.Find(".mud-dialog").TextContent), Wait);
        Assert.Contains("The wall showing \"Lobby\" goes blank within seconds, and the link cannot be used again.", displays.Find(".mud-dialog").TextContent);
        BoxButton(displays, "Keep it").Click();

        displays.WaitForAssertion(() => Assert.Empty(displays.FindAll(".mud-dialog")), Wait);
        Assert.Empty(revoked);
        Assert.Null(Assert.Single(await Stored(page)).RevokedAt);
        Assert.Equal([("Lobby", "active", true)], Rows(displays));
        Assert.NotEmpty(displays.FindAll("#created-link"));

        displays.Find("[data-revoke]").Click();
        displays.WaitForAssertion(() => Assert.NotEmpty(displays.FindAll(".mud-dialog")), Wait);
        BoxButton(displays, "Revoke").Click();

        displays.WaitForAssertion(() => Assert.Equal([("Lobby", "revoked", false)], Rows(displays)), Wait);
        var link = Assert.Single(await Stored(page));
        Assert.Equal(PageContext.Now, link.RevokedAt);
        Assert.Equal([link.Id], revoked); // open walls are told at once
        Assert.Empty(displays.FindAll("#created-link")); // its address is of no use any more
        displays.WaitForAssertion(() => Assert.Contains("\"Lobby\" is revoked.", displays.Snackbars()), Wait);
    }

    private static List<(string Supervisor, string Name, string State, bool CanRevoke)> AllRows(IRenderedComponent<IComponent> all) =>
        all.FindAll("#all-displays tbody tr").Select(tr => (
            tr.QuerySelector("[data-supervisor]")!.TextContent.Trim(),
            tr.QuerySelector("[data-display]")!.TextContent.Trim(),
            tr.QuerySelector("[data-state]")!.TextContent.Trim(),
            tr.QuerySelector("[data-revoke]") is not null)).ToList();

    [Fact]
    public async Task An_admin_sees_every_supervisors_links_with_who_made_them_and_revokes_another_supervisors_link()
    {
        await using var page = new MudPageContext();
        page.LinkOptions.Admins = [Zuid];
        var store = page.Get<DisplayLinkStore>();
        var (other, _) = await store.CreateAsync("700999", "Night shift", new WallView(["q1"]), null, CancellationToken.None, madeBy: "Nina Night");
        page.Clock.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync(Zuid, "Lobby", new WallView(["q2"]), null, CancellationToken.None, madeBy: "Sam Supervisor");
        var revoked = new List<string>();
        store.Revoked += id => revoked.Add(id);

        // The displays page points an admin to the list of all links.
        var displays = Open(page);
        Assert.Equal("/displays/all", displays.WaitForElement("#all-displays-link", Wait).GetAttribute("href"));
        await page.Context.DisposeComponentsAsync();

        page.NavigateTo("/displays/all");
        var all = page.Render<AllDisplaysPage>();
        all.WaitForElement("#all-displays", Wait);
        Assert.Equal([("Sam Supervisor (700100)", "Lobby", "active", true), ("Nina Night (700999)", "Night shift", "active", true)], AllRows(all));

        all.FindAll("[data-revoke]")[1].Click();
        all.WaitForAssertion(() => Assert.Contains("\"Night shift\"", all.Find(".mud-dialog").TextContent), Wait);
        BoxButton(all, "Revoke").Click();

        all.WaitForAssertion(() => Assert.Equal([("Sam Supervisor (700100)", "Lobby", "active", true), ("Nina Night (700999)", "Night shift", "revoked", false)], AllRows(all)), Wait);
        Assert.Equal([other.Id], revoked); // its walls are told at once
        Assert.Equal("revoked", Assert.Single(await store.ListAsync("700999", CancellationToken.None)).State(PageContext.Now));
    }

    [Fact]
    public async Task A_supervisor_who_is_not_an_admin_is_refused_in_words_and_sees_no_other_supervisors_links()
    {
        await using var page = new MudPageContext();
        page.LinkOptions.Admins = ["someone.else@example.com", "700999"];
        await page.Get<DisplayLinkStore>().CreateAsync("700999", "Night shift", new WallView(["q1"]), null, CancellationToken.None, madeBy: "Nina Night");

        var displays = Open(page);
        Assert.Empty(displays.FindAll("#all-displays-link"));
        await page.Context.DisposeComponentsAsync();

        page.NavigateTo("/displays/all");
        var all = page.Render<AllDisplaysPage>();
        var refusal = all.WaitForElement("#not-admin", Wait);
        Assert.StartsWith("Only the dashboard's administrators see every supervisor's display links.", refusal.TextContent.Trim());
        Assert.Empty(all.FindAll("#all-displays"));
        Assert.DoesNotContain("Night shift", all.Markup);
        Assert.DoesNotContain("Nina", all.Markup);
    }
}
