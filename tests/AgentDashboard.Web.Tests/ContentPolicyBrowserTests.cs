using AgentDashboard.Simulator.Simulation;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The content policy in Chromium: every main page, a wall and the sign-in run under it with no violation, and
/// Blazor and MudBlazor still answer clicks; an inline script, which the policy exists to stop, is refused.
/// </summary>
public sealed class ContentPolicyBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--environment=Development"]);
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_pages_run_under_a_policy_without_inline_script()
    {
        var admin = host.Services<CallCentreSimulation>().Centre.Users[0];
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var violations = new List<string>();
        // The listener is the browser's own (added by the test driver, outside the page's policy).
        await page.ExposeFunctionAsync("reportViolation", (string v) => { lock (violations) violations.Add(v); });
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (violations) violations.Add(message.Text);
        };
        var policies = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document") lock (policies) policies.Add(response.Headers.GetValueOrDefault("content-security-policy") ?? "");
        };

        // Sign-in on the simulator's consent page, then the displays page: a form, a MudBlazor button, a QR code.
        await page.GotoAsync(new Uri(host.Address, "displays").ToString());
        await page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await page.FillAsync("#display-name", "Floor 3");
        await page.ClickAsync("#create-display");
        var url = page.Locator("#created-url");
        await Assertions.Expect(url).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/wall/[A-Za-z0-9_-]{43}$"));
        string wall = await url.InputValueAsync();

        foreach (string path in new[] { "live", "timeline", "heatmap", "overview", "calls", "" })
        {
            await page.GotoAsync(new Uri(host.Address, path).ToString());
            await page.Locator("main[data-interactive='true']").WaitForAsync();
        }
        // Navigation through MudBlazor's drawer, and its menu (the theme switch), over the live connection.
        await page.ClickAsync("#nav-live");
        await page.WaitForURLAsync(new Uri(host.Address, "live").ToString());
        await page.ClickAsync(".theme-switch button");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-menu-item").First).ToBeVisibleAsync();

        await page.GotoAsync(wall);
        await Assertions.Expect(page.Locator("#wall-tiles .tile").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        Assert.Empty(violations);
        Assert.NotEmpty(policies);
        Assert.All(policies, policy => Assert.Contains("script-src 'self';", policy));

        // The policy is in force: a script written into the page is refused, and reported.
        bool ran = await page.EvaluateAsync<bool>("""
            () => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); return window.inlineRan === true; }
            """);
        Assert.False(ran);
        var waited = System.Diagnostics.Stopwatch.StartNew(); // a time-out, not the simulated clock
        while (violations.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }
}
