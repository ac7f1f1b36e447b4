using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>Chromium loads the dashboard, Blazor's script arrives, and the page answers a click over the live connection.</summary>
public sealed class HomePageBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_blazor_script_loads_and_an_interactive_button_works()
    {
        var page = await browser.Chromium.NewPageAsync();
        var scripts = new List<(string Url, int Status)>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/_framework/blazor.web.js", StringComparison.Ordinal))
            {
                lock (scripts) scripts.Add((response.Url, response.Status));
            }
        };
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };

        await page.GotoAsync(host.Address.ToString());
        await page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 15_000 });

        Assert.Contains(scripts, s => s.Status == 200);
        Assert.Equal("Not checked yet.", await page.Locator("#connection-result").InnerTextAsync());

        await page.ClickAsync("#check-connection");
        await Assertions.Expect(page.Locator("#connection-result")).ToContainTextAsync("Connected: the server answered at");
        await Assertions.Expect(page.Locator("#connection-result")).ToContainTextAsync("(check 1)");

        await page.ClickAsync("#check-connection");
        await Assertions.Expect(page.Locator("#connection-result")).ToContainTextAsync("(check 2)");

        await Browser.MaybeScreenshotAsync(page, "home");
        Assert.Empty(errors);
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
    }
}
