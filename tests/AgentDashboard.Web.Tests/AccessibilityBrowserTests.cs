using System.Text.Json;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Appearance;
using AgentDashboard.Web.Audit;
using AgentDashboard.Web.Wall;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Every page in Chromium, light and dark, checked by axe-core (tests/AgentDashboard.Web.Tests/axe, installed by
/// test.sh): no serious or critical violation. One host and one signed-in browser serve every row.
/// </summary>
public sealed class AccessibilityBrowserTests(AccessibilityBrowserTests.Site site) : IClassFixture<AccessibilityBrowserTests.Site>
{
    private const string Zone = "America/New_York";

    public static TheoryData<string, string> Pages()
    {
        string[] pages = ["home", "live tiles", "live table", "timeline", "heatmap", "overview", "calls", "call", "displays",
            "all displays", "schedules", "audit", "sign-in problem", "not found"];
        var rows = new TheoryData<string, string>();
        foreach (string theme in new[] { "light", "dark" })
        {
            foreach (string page in pages) rows.Add(page, theme);
        }
        rows.Add("wall", "dark"); // the wall is always dark
        return rows;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_axe_violation(string name, string theme)
    {
        await site.ChooseThemeAsync(theme == "dark" ? ThemeChoice.Dark : ThemeChoice.Light);
        var page = site.Page;
        await page.GotoAsync(new Uri(site.Host.Address, site.PathOf(name)).ToString());
        if (name != "wall") await page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(site.ReadySelectorOf(name)).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (name.StartsWith("live", StringComparison.Ordinal))
        {
            // An agent ticked, so the override controls are enabled and checked too.
            await page.Locator("#agents [data-agent] input[type=checkbox]").First.CheckAsync();
            await Assertions.Expect(page.Locator("#override")).ToBeEnabledAsync();
        }
        if (name != "wall")
        {
            // The theme chosen is the one shown (the palette's background), so each row checks the contrast it names.
            await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", theme == "dark" ? "rgb(15, 20, 26)" : "rgb(244, 246, 249)");
        }
        await Browser.MaybeScreenshotAsync(page, $"a11y-{name.Replace(' ', '-')}-{theme}");

        // Colours are checked as they end, not half-way through a transition (a button just enabled fades in).
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.True(violations.Count == 0, $"{name} ({theme}) has {violations.Count} serious or critical axe violation(s):\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task The_override_works_by_keyboard_alone()
    {
        await site.ChooseThemeAsync(ThemeChoice.Light);
        var page = await site.Page.Context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Host.Address, "live").ToString());
        await page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 20_000 });
        var first = page.Locator("#agents .tile[data-agent]").First;
        await Assertions.Expect(first).ToBeVisibleAsync(new() { Timeout = 30_000 });
        string agentName = await first.Locator(".tile-name").InnerTextAsync();

        // Tab to the first tile's tick box, and tick it with Space; the tile shows where the focus is.
        await TabToAsync(page, "e => e.matches('#agents [data-agent] input[type=checkbox]')");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(first.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#selected-count")).ToHaveTextAsync("1 selected");
        await Assertions.Expect(first).ToHaveCSSAsync("outline-style", "solid");

        // Back to the status to set: open the list with Enter, move down, choose with Enter.
        await TabToAsync(page, "e => e.closest('.override-select') !== null", backwards: true);
        var chosen = page.Locator(".override-select input").First;
        for (int tries = 0; tries < 4 && await chosen.InputValueAsync() == "Available"; tries++)
        {
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }
        string status = await chosen.InputValueAsync();
        Assert.NotEqual("Available", status);

        // "Set status…" with Enter; the dialog takes the focus, the reason is typed, and Enter on "Set status" confirms.
        await TabToAsync(page, "e => e.id === 'override'");
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync($"Set 1 agent to {status}?");
        await TabToAsync(page, "e => e.matches('input#override-reason, #override-reason input, textarea#override-reason')");
        await page.Keyboard.TypeAsync("Keyboard check");
        await TabToAsync(page, "e => e.id === 'confirm'");
        await page.Keyboard.PressAsync("Enter");

        var outcomes = page.Locator("#override-outcomes");
        await Assertions.Expect(outcomes).ToContainTextAsync("Keyboard check", new() { Timeout = 15_000 });
        await Assertions.Expect(outcomes).ToContainTextAsync($"{agentName}: set to {status}");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Status_is_never_colour_alone_on_tiles_and_timeline_segments()
    {
        await site.ChooseThemeAsync(ThemeChoice.Light);
        var page = await site.Page.Context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Host.Address, "live").ToString());
        await Assertions.Expect(page.Locator("#agents .tile[data-agent]").First).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Each tile says its status in words, with an icon that differs from status to status.
        var tiles = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('#agents .tile[data-agent]')].map(t => [t.dataset.status,
                t.querySelector('.tile-status').innerText.trim(), getComputedStyle(t.querySelector('.status-icon'), '::before').content])
            """);
        var seen = tiles.EnumerateArray().Select(t => (Status: t[0].GetString()!, Words: t[1].GetString()!, Icon: t[2].GetString()!)).ToList();
        Assert.All(seen, t => Assert.Equal(t.Status, t.Words));
        var icons = seen.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => Assert.Single(g.Select(t => t.Icon).Distinct()));
        var known = new Dictionary<string, string> { ["Available"] = "\"●\"", ["On Call"] = "\"☎\"", ["Busy"] = "\"■\"", ["On Break"] = "\"☕\"", ["Offline"] = "\"○\"" };
        Assert.All(icons, i => Assert.Equal(known[i.Key], i.Value));

        // Each timeline segment's status shows as a pattern as well as a colour: Available solid, the others patterned.
        await page.GotoAsync(new Uri(site.Host.Address, site.PathOf("timeline")).ToString());
        await Assertions.Expect(page.Locator("#timeline rect.seg").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var segments = await page.EvaluateAsync<JsonElement>("() => [...document.querySelectorAll('#timeline rect.seg')].map(r => [r.dataset.status, getComputedStyle(r).fill])");
        var fills = segments.EnumerateArray().GroupBy(s => s[0].GetString()!).ToDictionary(g => g.Key, g => Assert.Single(g.Select(s => s[1].GetString()!).Distinct()));
        var patterns = new Dictionary<string, string> { ["On Call"] = "#pat-oncall", ["Busy"] = "#pat-busy", ["On Break"] = "#pat-break", ["Offline"] = "#pat-offline" };
        Assert.True(fills.Keys.Count(patterns.ContainsKey) >= 2, "the lanes show too few statuses to check: " + string.Join(", ", fills.Keys));
        foreach (var (status, fill) in fills)
        {
            if (patterns.TryGetValue(status, out string? pattern)) Assert.Contains(pattern, fill);
            else if (status == "Available") Assert.StartsWith("rgb(", fill);
        }
        Assert.Equal(4, await page.Locator("svg.status-patterns pattern").CountAsync());
        await page.CloseAsync();
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused element passes <paramref name="test"/>, a script's function of it.</summary>
    private static async Task TabToAsync(IPage page, string test, bool backwards = false)
    {
        for (int presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return e !== null && e !== document.body && ({test})(e) === true; }}")) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        string at = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new Xunit.Sdk.XunitException($"80 presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {test}; the focus is on {at}");
    }

    /// <summary>One dashboard host and one signed-in admin's browser for every row, and what each page needs shown.</summary>
    public sealed class Site : IAsyncLifetime
    {
        private readonly Browser browser = new();
        public DashboardHost Host { get; private set; } = null!;
        public IPage Page { get; private set; } = null!;
        private string wallPath = "", callPath = "", timelinePath = "";

        private CallCentreSimulation Simulation => Host.Services<CallCentreSimulation>();
        private string AdminZuid => Simulation.Centre.Users[0].Zuid;

        public async Task InitializeAsync()
        {
            await browser.InitializeAsync();
            var admin = CallCentre.Create(new SimulatorOptions()).Users[0]; // the demo organisation's admin, made a dashboard admin too
            Host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:01", $"--Dashboard:Admins:0={admin.Email}"]);
            // axe is added as a script of the page's own, which its content policy (script-src 'self') would refuse.
            var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, BypassCSP = true });
            Page = await context.NewPageAsync();
            await Page.GotoAsync(new Uri(Host.Address, "live").ToString());
            await Page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
            await Page.ClickAsync("#accept");
            await Page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 20_000 });

            var (_, token) = await Host.Services<DisplayLinkStore>().CreateAsync(admin.Zuid, "Floor 2",
                new WallView(Simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);
            wallPath = "wall/" + token;

            // Two entries in the audit trail, so its table is checked as well as its form.
            var agent = Simulation.Centre.Agents[Simulation.Centre.Queues[0].Members[0]];
            Assert.True(await Host.Services<AuditTrail>().TryRecordAsync(AuditKinds.Override, new AuditPerson(admin.Zuid, admin.Name), "On Break", "Team meeting",
                [new AuditChange(agent.Id, agent.Name, "Available", AuditOutcome.Succeeded, null), new AuditChange("unknown", "Someone", "On Call", AuditOutcome.Failed, "The agent is on a call.")]));

            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
            var day = Simulation.Day(Simulation.OrgDate(Simulation.Now));
            var call = day.Calls.Last(c => c.ExitTime < Simulation.Now && !c.Answered);
            callPath = $"calls/{day.LogId(Simulation.Options.Seed, call)}?date={LocalDays.DateOf(call.EntryTime, zone):yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}";
            var agents = Simulation.Centre.Queues[0].Members.Take(3).Select(i => Simulation.Centre.Agents[i].Id);
            timelinePath = $"timeline?agentIds={string.Join(',', agents)}&tz={Uri.EscapeDataString(Zone)}";
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            await browser.DisposeAsync();
        }

        public Task ChooseThemeAsync(ThemeChoice theme) => Host.Services<AppearanceStore>().SaveAsync(AdminZuid, theme, CancellationToken.None);

        public string PathOf(string name) => name switch
        {
            "home" => "",
            "live tiles" => "live",
            "live table" => "live?view=table",
            "timeline" => timelinePath,
            "heatmap" => $"heatmap?tz={Uri.EscapeDataString(Zone)}",
            "overview" => $"overview?tz={Uri.EscapeDataString(Zone)}",
            "calls" => "calls",
            "call" => callPath,
            "displays" => "displays",
            "all displays" => "displays/all",
            "schedules" => $"schedules?tz={Uri.EscapeDataString(Zone)}",
            "audit" => $"audit?tz={Uri.EscapeDataString(Zone)}",
            "sign-in problem" => "signin-problem?reason=Denied",
            "not found" => "no-such-page",
            "wall" => wallPath,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        public string ReadySelectorOf(string name) => name switch
        {
            "home" => "#check-connection",
            "live tiles" => "#agents .tile[data-agent]",
            "live table" => "table#agents tbody tr",
            "timeline" => "#timeline [data-lane]",
            "heatmap" => "#heatmap tbody tr[data-row]",
            "overview" => "#leaderboard tbody tr",
            "calls" => "#call-help",
            "call" => "#ringing-order tbody tr",
            "displays" => "#display-name",
            "all displays" => "#all-displays",
            "schedules" => "#schedule-file",
            "audit" => "#audit-entries tbody tr",
            "sign-in problem" => "#signin-problem",
            "not found" => "#not-found-page",
            "wall" => "#wall-tiles .tile",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

/// <summary>axe-core run in a page: its serious and critical violations, each in a readable line.</summary>
internal static class Axe
{
    private static readonly string Script = Path.Combine(Repository.Root, "tests", "AgentDashboard.Web.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"axe-core is not at {Script}. Run ./test.sh, or `npm ci` in tests/AgentDashboard.Web.Tests/axe.");
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                // MudBlazor's menu wraps an activator of our own (a MudButton, for its id, look and tests) in a div it
                // makes role="button" itself: the nesting is its markup, and the inner button is the one that works.
                const mudMenuActivator = (v, n) => v.id === 'nested-interactive' && n.target.join(' ').includes('.mud-menu-activator');
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ ...v, nodes: v.nodes.filter(n => !mudMenuActivator(v, n)) }))
                    .filter(v => v.nodes.length > 0)
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160) + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ') : '')) }));
            }
            """);
        var lines = new List<string>();
        foreach (var v in found.EnumerateArray())
        {
            lines.Add($"- {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}");
            lines.AddRange(v.GetProperty("targets").EnumerateArray().Select(t => "    " + t.GetString()));
        }
        return lines;
    }
}
