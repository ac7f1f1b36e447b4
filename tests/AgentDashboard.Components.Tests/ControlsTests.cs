using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Appearance;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Components.Layout;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The small controls: one's own status in the app bar, light or dark (the device's until a supervisor chooses, then
/// theirs, kept for them), the agent picker and the period form's chips and dates.
/// </summary>
public sealed class ControlsTests
{
    private static readonly TimeSpan Wait = MudPageContext.Wait;

    /// <summary>What MudBlazor writes for the dashboard's background (DashboardTheme): #0f141a dark, #f4f6f9 light.</summary>
    private const string DarkBackground = "--mud-palette-background: rgba(15,20,26,1);";
    private const string LightBackground = "--mud-palette-background: rgba(244,246,249,1);";

    private static RenderFragment Component<T>(params (string Name, object Value)[] parameters) where T : IComponent => builder =>
    {
        builder.OpenComponent<T>(0);
        foreach (var (name, value) in parameters) builder.AddAttribute(1, name, value);
        builder.CloseComponent();
    };

    /// <summary>
    /// Opens a MudMenu by its activator and clicks one of its items, once any menu before has closed and the item
    /// shows (MudBlazor opens and closes menus asynchronously).
    /// </summary>
    private static void ChooseFromMenu<T>(IRenderedComponent<T> host, string activator, string item) where T : IComponent
    {
        host.WaitForAssertion(() => Assert.Empty(host.FindAll($".mud-popover-open {item}")), Wait);
        host.Find(activator).Click();
        host.WaitForElement($".mud-popover-open {item}", Wait).Click();
    }

    private static string OwnStatusText(IRenderedComponent<IComponent> host) => host.Find("#own-status-button").TextContent.Trim();

    [Fact]
    public async Task Own_status_shows_Zohos_answer_and_a_change_goes_to_Zoho_and_is_confirmed_in_a_snackbar()
    {
        await using var page = new MudPageContext();
        page.Fake.OwnStatus = "Available";
        page.Fake.OwnAgentId = "me-7";
        page.Zoho.SetOwn = _ => new UpdateOnlineStatusResponse();
        var host = page.RenderInProviders(Component<OwnStatus>());
        host.WaitForAssertion(() => Assert.Equal("Available", host.Find("#own-status-button").GetAttribute("data-current")), Wait);
        Assert.Equal("Available", OwnStatusText(host));
        Assert.Contains("st-available", host.Find("#own-status-button").ClassList);

        host.Find("#own-status-button").Click();
        // The statuses a person can set: not On Call (Zoho sets it).
        host.WaitForAssertion(() => Assert.Equal(["Available", "Busy", "Offline", "On Break"], host.FindAll(".mud-popover-open [data-own-status]").Select(i => i.GetAttribute("data-own-status"))), Wait);
        host.Find("[data-own-status='On Break']").Click();

        host.WaitForAssertion(() => Assert.Equal(["Your status is now On Break."], host.Snackbars()), Wait);
        Assert.Equal(["On Break"], page.Zoho.OwnChanges);
        // The person's own tile, on every board that holds it, shows the change at once.
        var (ids, shown, _) = Assert.Single(page.Feeds.Shown);
        Assert.Equal(["me-7"], ids);
        Assert.Equal("On Break", shown);
        Assert.Equal("On Break", OwnStatusText(host));
        Assert.Equal("On Break", host.Find("#own-status-button").GetAttribute("data-current"));
        Assert.Contains("st-break", host.Find("#own-status-button").ClassList);
        Assert.Contains("mud-alert-filled-success", host.Find(".mud-snackbar").ClassList);

        // Choosing the status one already has asks nothing of Zoho.
        ChooseFromMenu(host, "#own-status-button", "[data-own-status='On Break']");
        host.WaitForAssertion(() => Assert.Empty(host.FindAll(".mud-popover-open [data-own-status]")), Wait);
        Assert.Equal(["On Break"], page.Zoho.OwnChanges);
    }

    [Fact]
    public async Task A_refused_own_status_change_says_why_and_keeps_the_old_status()
    {
        await using var page = new MudPageContext();
        page.Fake.OwnStatus = "Busy";
        page.Fake.OwnAgentId = "me-7";
        const string why = "Zoho Voice refused: you may not change your status now.";
        page.Zoho.SetOwn = _ => throw new ZohoApiException(ZohoFailureKind.Forbidden, "update online status", why);
        var host = page.RenderInProviders(Component<OwnStatus>());
        host.WaitForAssertion(() => Assert.Equal("Busy", OwnStatusText(host)), Wait);

        ChooseFromMenu(host, "#own-status-button", "[data-own-status='Available']");

        host.WaitForAssertion(() => Assert.Equal(["Your status was not changed: " + why], host.Snackbars()), Wait);
        Assert.Contains("mud-alert-filled-error", host.Find(".mud-snackbar").ClassList);
        Assert.Equal(["Available"], page.Zoho.OwnChanges); // it was asked
        Assert.Equal("Busy", OwnStatusText(host)); // and the old status stays
        Assert.Empty(page.Feeds.Shown); // and no board shows a change
        Assert.Contains("st-busy", host.Find("#own-status-button").ClassList);
    }

    private static IRenderedComponent<MainLayout> Layout(MudPageContext page) =>
        page.Context.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "the page"))));

    private static string ThemeTitle(IRenderedComponent<MainLayout> layout) => layout.Find(".theme-switch").GetAttribute("title")!;

    private static void ChooseTheme(IRenderedComponent<MainLayout> layout, ThemeChoice choice)
    {
        ChooseFromMenu(layout, ".theme-switch button", $"[data-theme='{choice}']");
    }

    [Fact]
    public async Task The_layout_follows_the_devices_dark_mode_until_the_supervisor_chooses_and_keeps_their_choice()
    {
        await using var page = new MudPageContext();
        page.Context.JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(true); // the device is dark

        var layout = Layout(page);

        // Nothing chosen yet: the device's dark.
        layout.WaitForAssertion(() => Assert.Equal("Look: as this device (dark)", ThemeTitle(layout)), Wait);
        Assert.Contains(DarkBackground, layout.Markup);
        Assert.Equal(ThemeChoice.System, await page.Get<AppearanceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None));

        ChooseTheme(layout, ThemeChoice.Light);

        layout.WaitForAssertion(() => Assert.Equal("Look: light", ThemeTitle(layout)), Wait);
        Assert.Contains(LightBackground, layout.Markup);
        Assert.DoesNotContain(DarkBackground, layout.Markup);
        Assert.Equal(ThemeChoice.Light, await page.Get<AppearanceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None));
        Assert.Equal(ThemeChoice.System, await page.Get<AppearanceStore>().GetAsync("700999", CancellationToken.None)); // for this supervisor only

        // The next visit starts with it, though the device is still dark, and the menu marks it.
        await page.Context.DisposeComponentsAsync();
        var again = Layout(page);
        again.WaitForAssertion(() => Assert.Equal("Look: light", ThemeTitle(again)), Wait);
        Assert.Contains(LightBackground, again.Markup);
        again.Find(".theme-switch button").Click();
        again.WaitForElement(".mud-popover-open [data-theme='Light']", Wait);
        Assert.Equal(["Light"], again.FindAll("[data-theme]").Where(i => i.QuerySelector(".menu-check") is not null).Select(i => i.GetAttribute("data-theme")));
    }

    [Fact]
    public async Task Back_on_the_devices_choice_the_layout_turns_as_the_device_turns()
    {
        await using var page = new MudPageContext();
        await page.Get<AppearanceStore>().SaveAsync(MudPageContext.Zuid, ThemeChoice.Dark, CancellationToken.None);
        page.Context.JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(false); // the device is light

        var layout = Layout(page);
        layout.WaitForAssertion(() => Assert.Equal("Look: dark", ThemeTitle(layout)), Wait);
        Assert.Contains(DarkBackground, layout.Markup); // the saved choice, not the device's

        ChooseTheme(layout, ThemeChoice.System);
        layout.WaitForAssertion(() => Assert.Equal("Look: as this device (light)", ThemeTitle(layout)), Wait);
        Assert.Contains(LightBackground, layout.Markup);
        Assert.Equal(ThemeChoice.System, await page.Get<AppearanceStore>().GetAsync(MudPageContext.Zuid, CancellationToken.None));

        // The device turns dark (the browser tells MudBlazor's theme provider), and the page with it.
        var provider = layout.FindComponent<MudThemeProvider>();
        await provider.InvokeAsync(() => provider.Instance.SystemDarkModeChangedAsync(true));
        layout.WaitForAssertion(() => Assert.Equal("Look: as this device (dark)", ThemeTitle(layout)), Wait);
        Assert.Contains(DarkBackground, layout.Markup);
    }

    private static readonly IReadOnlyList<DirectoryAgent> Agents =
    [
        new("a1", "Ann", ["q1"]), new("a2", "Bea", ["q1"]), new("a3", "Dan", ["q1", "q2"]), new("a4", "Joanna", ["q2"]),
    ];

    private static string PickerSummary(IRenderedComponent<IComponent> host) =>
        host.Find("#agent-picker .mud-button-label").TextContent.Trim()["Agents".Length..];

    private static List<string?> Listed(IRenderedComponent<IComponent> host) =>
        host.FindAll(".picker-list input[data-agent]").Select(i => i.GetAttribute("data-agent")).ToList();

    [Fact]
    public async Task The_agent_picker_narrows_by_name_ticks_into_the_forms_set_and_Everyone_clears_it()
    {
        await using var page = new MudPageContext();
        var selected = new HashSet<string>();
        var host = page.RenderInProviders(Component<AgentPicker>(("Agents", Agents), ("Selected", selected), ("Everybody", "Everyone in your queues")));
        Assert.Equal("Everyone in your queues", PickerSummary(host));

        host.Find("#agent-picker").Click();
        host.WaitForAssertion(() => Assert.Equal(["a1", "a2", "a3", "a4"], Listed(host)), Wait);

        // "AN" in any case: Ann, Dan and Joanna; not Bea.
        host.Find("#agent-search").Input("AN");
        host.WaitForAssertion(() => Assert.Equal(["a1", "a3", "a4"], Listed(host)), Wait);
        host.Find(".picker-list input[data-agent='a3']").Change(true);
        Assert.Equal(["a3"], selected);
        host.WaitForAssertion(() => Assert.Equal("Dan", PickerSummary(host)), Wait);

        host.Find("#agent-search").Input("zz");
        host.WaitForAssertion(() => Assert.Empty(Listed(host)), Wait);
        Assert.Equal("Nobody's name has \"zz\" in it.", host.Find(".picker-list .muted").TextContent.Trim());
        Assert.Equal(["a3"], selected); // a search hides, it does not untick

        host.Find("#agent-search").Input("");
        host.WaitForAssertion(() => Assert.Equal(4, Listed(host).Count), Wait);
        Assert.True(host.Find(".picker-list input[data-agent='a3']").HasAttribute("checked"));
        host.Find(".picker-list input[data-agent='a1']").Change(true);
        Assert.Equal(["a1", "a3"], selected.Order());
        host.WaitForAssertion(() => Assert.Equal("2 agents", PickerSummary(host)), Wait);
        host.Find(".picker-list input[data-agent='a3']").Change(false);
        Assert.Equal(["a1"], selected);

        host.Find("#agent-everyone").Click();
        Assert.Empty(selected);
        host.WaitForAssertion(() => Assert.Equal("Everyone in your queues", PickerSummary(host)), Wait);
        Assert.Empty(host.FindAll(".mud-popover-open .picker-list")); // and the list closes
    }

    private static RenderFragment Controls(PeriodForm form) => Component<PeriodControls>(
        ("Form", form), ("Queues", (IReadOnlyList<AgentDashboard.Web.Agents.QueueInfo>)[new("q1", "Sales"), new("q2", "Support")]), ("Agents", Agents));

    [Fact]
    public async Task The_period_forms_chips_fill_its_weekday_and_status_sets()
    {
        await using var page = new MudPageContext();
        var form = new PeriodForm();
        form.Load(null, null, "2026-11-09", "2026-11-15", "UTC", "1", "Busy"); // Monday and Busy left out already
        var host = page.RenderInProviders(Controls(form));
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], host.FindAll("[data-exclude-day]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["1"], host.FindAll("[data-exclude-day].mud-chip-selected").Select(c => c.GetAttribute("data-exclude-day")));

        host.Find("[data-exclude-day='6']").Click(); // Sat
        host.WaitForAssertion(() => Assert.Equal([1, 6], form.ExcludeDays.Order()), Wait);
        host.Find("[data-exclude-day='7']").Click(); // Sun
        host.WaitForAssertion(() => Assert.Equal([1, 6, 7], form.ExcludeDays.Order()), Wait);
        host.Find("[data-exclude-day='1']").Click(); // Monday back in
        host.WaitForAssertion(() => Assert.Equal([6, 7], form.ExcludeDays.Order()), Wait);
        host.WaitForAssertion(() => Assert.Equal(["6", "7"], host.FindAll("[data-exclude-day].mud-chip-selected").Select(c => c.GetAttribute("data-exclude-day"))), Wait);

        Assert.Equal(["Available", "On Call", "Busy", "On Break", "Offline"], host.FindAll("[data-exclude-status]").Select(c => c.TextContent.Trim()));
        host.Find("[data-exclude-status='On Break']").Click();
        host.WaitForAssertion(() => Assert.Equal(["Busy", "On Break"], form.ExcludeStatus.Order(StringComparer.Ordinal)), Wait);
        host.Find("[data-exclude-status='Offline']").Click();
        host.WaitForAssertion(() => Assert.Equal(["Busy", "Offline", "On Break"], form.ExcludeStatus.Order(StringComparer.Ordinal)), Wait);
        host.Find("[data-exclude-status='Busy']").Click();
        host.WaitForAssertion(() => Assert.Equal(["Offline", "On Break"], form.ExcludeStatus.Order(StringComparer.Ordinal)), Wait);

        // As the URL will carry them: Zoho's weekday digits in order, statuses by name.
        var query = form.ToQuery(id => id);
        Assert.Equal("67", query["excludeDays"]);
        Assert.Equal(["Offline", "On Break"], ((string)query["excludeStatus"]!).Split(',').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_period_forms_date_range_fills_From_and_To_as_yyyy_MM_dd()
    {
        await using var page = new MudPageContext();
        var form = new PeriodForm();
        form.Load(null, null, "2026-11-16", "2026-11-17", "UTC", null, null);
        var host = page.RenderInProviders(Controls(form));
        Assert.Equal(("2026-11-16", "2026-11-17"), (host.Find("#range-start").GetAttribute("value"), host.Find("#range-end").GetAttribute("value")));

        host.Find(".mud-picker button[aria-label='Open']").Click();
        // The calendar opens on the range's month, November 2026; Mon 2 to Mon 9 November is picked (single-digit days: zero-padded).
        host.WaitForElements("button.mud-picker-calendar-day", Wait);
        var month = host.Find(".mud-picker-calendar-header-transition").TextContent; // "2026 November" in the invariant culture
        Assert.Contains("November", month);
        Assert.Contains("2026", month);
        host.FindAll("button.mud-picker-calendar-day:not(.mud-hidden)").First(b => b.TextContent.Trim() == "2").Click();
        host.FindAll("button.mud-picker-calendar-day:not(.mud-hidden)").First(b => b.TextContent.Trim() == "9").Click();

        host.WaitForAssertion(() => Assert.Equal(("2026-11-02", "2026-11-09"), (form.From, form.To)), Wait);
        Assert.Equal(("2026-11-02", "2026-11-09"), (host.Find("#range-start").GetAttribute("value"), host.Find("#range-end").GetAttribute("value")));
        var query = form.ToQuery(id => id);
        Assert.Equal(("2026-11-02", "2026-11-09"), ((string?)query["from"], (string?)query["to"]));
    }
}
