using System.Net;
using System.Web;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>In demo mode the web host serves the Zoho Voice simulator under /zoho-sim: accounts and Voice alike.</summary>
public sealed class DemoBackendTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Prefix = "zoho-sim";
    private DashboardHost host = null!;
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    private string AuthorizeUrl(string redirect) =>
        new Uri(host.Address, $"{Prefix}/oauth/v2/auth?response_type=code&client_id=1000.SIMULATORDEMO&scope=ZohoVoice.agents.READ,ZohoVoice.sdk.READ" +
            $"&redirect_uri={Uri.EscapeDataString(redirect)}&state=abc&access_type=offline").ToString();

    [Fact]
    public async Task The_voice_calls_answer_under_the_prefix_and_want_a_token()
    {
        using var response = await http.GetAsync(new Uri(host.Address, $"{Prefix}/rest/json/zv/api/agents/onlineStatus"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("INVALID_OAUTHTOKEN", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_home_page_says_what_the_demo_centre_holds()
    {
        string html = await http.GetStringAsync(host.Address);
        Assert.Contains("id=\"demo-centre\"", html);
        Assert.Contains("<dd>40</dd>", html);
        Assert.Contains("Sales (ring-all, ", html);
        Assert.Contains("Morgan Reyes (admin)", html);
    }

    [Fact]
    public async Task A_person_picks_a_demo_supervisor_and_consents_in_the_browser()
    {
        string callback = new Uri(host.Address, "signin-callback-not-built-yet").ToString();
        var page = await browser.Chromium.NewPageAsync();
        await page.GotoAsync(AuthorizeUrl(callback));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Zoho (simulated)");
        await page.Locator("label.user", new() { HasText = "Sam Okonkwo" }).ClickAsync();
        await Browser.MaybeScreenshotAsync(page, "simulator-consent");

        var redirect = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#accept"),
            request => request.Url.StartsWith(callback, StringComparison.Ordinal));

        var query = HttpUtility.ParseQueryString(new Uri(redirect.Url).Query);
        Assert.Equal("abc", query["state"]);
        Assert.Equal("us", query["location"]);
        Assert.Equal(new Uri(host.Address, Prefix).ToString().TrimEnd('/'), query["accounts-server"]);
        Assert.StartsWith("1000.", query["code"]);
    }
}
