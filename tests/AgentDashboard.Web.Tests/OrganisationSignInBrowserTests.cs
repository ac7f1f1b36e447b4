using AgentDashboard.Web.Auth;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// In Chromium, with the host in Production (Secure cookies, the OIDC handler's SameSite=None correlation cookies):
/// organisation sign-in through the simulator's authority and its form_post, then Zoho, then sign-out of both.
/// </summary>
public sealed class OrganisationSignInBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync()
    {
        int port = DashboardHost.FreePort();
        host = await DashboardHost.StartAsync(OrganisationSignInFlow.Settings(port).Where(s => !s.StartsWith("--environment", StringComparison.Ordinal)).ToArray(), port: port);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_member_signs_in_to_the_organisation_then_zoho_and_signs_out_of_both()
    {
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to your organisation (simulated)");
        await page.Locator("label.user", new() { HasText = "Avery Lane" }).ClickAsync();
        await page.ClickAsync("#accept");

        await page.Locator("main[data-interactive='true']").WaitForAsync();
        Assert.Equal(host.Address.ToString(), page.Url);
        var organisation = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == OrganisationSignIn.CookieName);
        Assert.True(organisation.HttpOnly);
        Assert.True(organisation.Secure);
        Assert.Equal(SameSiteAttribute.Lax, organisation.SameSite);

        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Zoho (simulated)");
        await page.Locator("label.user", new() { HasText = "Alex Lindqvist" }).ClickAsync();
        await page.ClickAsync("#accept");
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Alex Lindqvist");

        await page.Locator("main[data-interactive='true']").WaitForAsync();
        await page.ClickAsync("#signed-in-as");
        await page.ClickAsync("#sign-out");
        // Out of Zoho and of the organisation: the next page asks for the organisation again.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to your organisation (simulated)");
        var names = (await page.Context.CookiesAsync()).Select(c => c.Name).ToList();
        Assert.DoesNotContain(OrganisationSignIn.CookieName, names);
        Assert.DoesNotContain("AgentDashboard.Auth", names);
    }
}
