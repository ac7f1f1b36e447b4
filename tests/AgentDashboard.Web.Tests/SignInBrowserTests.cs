using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>In Chromium, with the host in Production (Secure cookies): sign in with a demo supervisor, and sign out.</summary>
public sealed class SignInBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    // Open pages check their session every 2 s here (a minute by default).
    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--Dashboard:Sessions:RevalidationInterval=00:00:02"]);
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_new_user_signs_in_as_a_demo_supervisor_and_lands_on_the_dashboard()
    {
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Zoho (simulated)");
        await page.Locator("label.user", new() { HasText = "Alex Lindqvist" }).ClickAsync();
        await page.ClickAsync("#accept");

        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Alex Lindqvist");
        await Assertions.Expect(page.Locator("#own-status")).ToBeVisibleAsync();
        Assert.Equal(host.Address.ToString(), page.Url);
        await Browser.MaybeScreenshotAsync(page, "signed-in");

        var cookies = await page.Context.CookiesAsync();
        var auth = Assert.Single(cookies, c => c.Name == "AgentDashboard.Auth");
        Assert.True(auth.HttpOnly);
        Assert.True(auth.Secure);
        Assert.Equal(SameSiteAttribute.Lax, auth.SameSite);

        await page.Locator("main[data-interactive='true']").WaitForAsync(); // the menu opens over the live connection
        await page.ClickAsync("#signed-in-as"); // the user menu
        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\t\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    public async Task A_return_address_off_the_site_lands_on_the_dashboard_after_sign_in(string returnUrl)
    {
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "signin?returnUrl=" + Uri.EscapeDataString(returnUrl)).ToString());
        await page.Locator("label.user", new() { HasText = "Alex Lindqvist" }).ClickAsync();
        await page.ClickAsync("#accept");

        // Generous: on a busy 2-core machine the sign-in's redirects, token exchange and first render once took over 30 s.
        await page.WaitForURLAsync(url => !url.Contains("/oauth/", StringComparison.Ordinal) && !url.Contains("/signin-zoho", StringComparison.Ordinal),
            new() { Timeout = 90_000 });
        Assert.Equal(host.Address.GetLeftPart(UriPartial.Authority), new Uri(page.Url).GetLeftPart(UriPartial.Authority));
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Alex Lindqvist");
    }

    [Fact]
    public async Task Signing_out_everywhere_turns_another_browsers_open_page_into_the_sign_in_prompt()
    {
        await using var wallOffice = await browser.Chromium.NewContextAsync();
        await using var laptop = await browser.Chromium.NewContextAsync();
        var open = await SignedInPageAsync(wallOffice, "live");
        await Assertions.Expect(open.Locator("h1")).ToHaveTextAsync("Live agents");
        var other = await SignedInPageAsync(laptop, "");

        await other.ClickAsync("#signed-in-as");
        await other.ClickAsync("#sign-out-everywhere");
        await Assertions.Expect(other.Locator("#signed-out")).ToContainTextAsync("You are signed out everywhere");

        // No reload: the open circuit finds its session ended at its next check and shows the prompt.
        await Assertions.Expect(open.Locator("#sign-in-needed")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(open.Locator("#sign-in")).ToBeVisibleAsync();
        await open.ReloadAsync(); // the old cookie is refused: the page asks for a sign-in at Zoho
        await Assertions.Expect(open.Locator("h1")).ToHaveTextAsync("Sign in to Zoho (simulated)");
    }

    /// <summary>Signs in as Alex through the simulator's consent page and opens <paramref name="path"/>, live.</summary>
    private async Task<IPage> SignedInPageAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "signin?returnUrl=" + Uri.EscapeDataString("/" + path)).ToString());
        await page.Locator("label.user", new() { HasText = "Alex Lindqvist" }).ClickAsync();
        await page.ClickAsync("#accept");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Alex Lindqvist");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task A_failed_sign_in_shows_a_page_that_says_why()
    {
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "signin").ToString());
        await page.ClickAsync("#deny");
        await Assertions.Expect(page.Locator("#signin-problem")).ToContainTextAsync("You chose not to let AgentDashboard use your Zoho account");
        await Browser.MaybeScreenshotAsync(page, "signin-problem");
    }
}
