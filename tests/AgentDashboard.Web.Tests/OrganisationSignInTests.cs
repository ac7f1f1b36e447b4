using System.Net;
using AgentDashboard.Simulator.Accounts;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using AgentDashboard.Zoho;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Organisation sign-in (Microsoft.Identity.Web) in front of the dashboard, over real HTTP against the simulator's
/// OpenID Connect authority mounted in the same host: members by group or role get in and connect Zoho as before,
/// others get a page in words, walls stay link-based, and sign-out ends both sign-ins.
/// </summary>
public sealed class OrganisationSignInTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private DashboardHost host = null!;
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static readonly OrganisationDirectory Directory = new();
    private static string Member => Directory.People[0].ObjectId;            // in the supervisors' group
    private static string RoleHolder => Directory.People[1].ObjectId;        // holds the app role only
    private static OrganisationPerson Outsider => Directory.People[2];       // neither

    public async Task InitializeAsync()
    {
        int port = DashboardHost.FreePort();
        host = await DashboardHost.StartAsync(OrganisationSignInFlow.Settings(port), builder => builder.Logging.AddProvider(logs), port: port);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Uri Authority => OrganisationSignInFlow.AuthorityPath(host.Address);

    [Theory]
    [InlineData("")]
    [InlineData("live")]
    [InlineData("signin")]
    [InlineData("export/timeline.csv")]
    public async Task Without_an_organisation_identity_a_page_sends_the_browser_to_the_authority(string path)
    {
        using var browser = new SignInFlow(host.Address);
        using var response = await browser.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(new Uri(Authority, "authorize"), new Uri(location.GetLeftPart(UriPartial.Path)));
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(new Uri(host.Address, "signin-oidc").ToString(), query["redirect_uri"]);
    }

    [Theory]
    [InlineData("healthz", HttpStatusCode.OK)]
    [InlineData("readyz", HttpStatusCode.OK)]
    [InlineData("metrics", HttpStatusCode.OK)]
    [InlineData("app.css", HttpStatusCode.OK)]
    [InlineData("wall/not-a-real-token", null)]
    [InlineData("signin-zoho", null)]
    public async Task Walls_health_static_files_and_the_zoho_callback_need_no_organisation_identity(string path, HttpStatusCode? status)
    {
        using var browser = new SignInFlow(host.Address);
        using var response = await browser.Http.GetAsync(path);
        if (status is { } expected) Assert.Equal(expected, response.StatusCode);
        var location = response.Headers.Location is { } sent ? new Uri(host.Address, sent) : null;
        Assert.False(location?.AbsoluteUri.StartsWith(Authority.AbsoluteUri, StringComparison.Ordinal) == true, $"{path} was sent to the organisation's authority");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_member_by_group_or_app_role_gets_in_and_connects_zoho_as_before(int person)
    {
        var supervisor = host.Services<CallCentreSimulation>().Centre.Users[1];
        using var browser = new SignInFlow(host.Address);

        var landed = await browser.SignInToOrganisationAsync(Directory.People[person].ObjectId, "/?from=test");
        Assert.Equal("/?from=test", landed.PathAndQuery);
        var cookie = browser.Cookies.GetCookies(host.Address)[OrganisationSignIn.CookieName] ?? throw new Xunit.Sdk.XunitException("no organisation cookie");
        Assert.True(cookie.HttpOnly);
        using (var page = await browser.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await browser.SignInAsync(supervisor.Zuid);
        Assert.Contains($"Signed in as {supervisor.Name}", await browser.PageAsync());
        Assert.DoesNotContain(OrganisationSignInFlow.ClientSecret, logs.All);
    }

    [Fact]
    public async Task A_signed_in_non_member_is_refused_with_a_page_in_words()
    {
        using var browser = new SignInFlow(host.Address);
        await browser.SignInToOrganisationAsync(Outsider.ObjectId);

        foreach (string path in (string[])["/", "/live", "/signin", "/export/timeline.csv"])
        {
            using var response = await browser.Http.GetAsync(path);
            string page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains($"You are signed in to your organisation as <strong>{Outsider.Email}</strong>, but this account is not in a group or app role", page);
            Assert.Contains("Ask whoever runs the dashboard to add you", page);
            Assert.DoesNotContain("Exception", page);
        }
    }

    [Fact]
    public async Task Sign_out_ends_the_zoho_and_the_organisation_sign_in()
    {
        var supervisor = host.Services<CallCentreSimulation>().Centre.Users[1];
        using var browser = new SignInFlow(host.Address);
        await browser.SignInToOrganisationAsync(Member);
        await browser.SignInAsync(supervisor.Zuid);
        Assert.NotNull(await host.Services<IZohoTokenStore>().GetAsync(supervisor.Zuid, Ct));

        var visited = new List<Uri>();
        using (var response = await browser.SignOutAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            visited.Add(new Uri(host.Address, response.Headers.Location!));
        }
        // The authority's sign-out, its return to the dashboard, the signed-out page, and then the gate's challenge.
        while (visited.Count < 5 && visited[^1].AbsolutePath != new Uri(Authority, "authorize").AbsolutePath)
        {
            using var next = await browser.Http.GetAsync(visited[^1]);
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
            visited.Add(new Uri(visited[^1], next.Headers.Location!));
        }

        Assert.Equal(new Uri(Authority, "logout"), new Uri(visited[0].GetLeftPart(UriPartial.Path)));
        Assert.Contains(visited, address => address.PathAndQuery == "/?signedOut=1");
        Assert.Equal(new Uri(Authority, "authorize"), new Uri(visited[^1].GetLeftPart(UriPartial.Path)));
        Assert.Null(browser.Cookies.GetCookies(host.Address)[OrganisationSignIn.CookieName]);
        Assert.Null(browser.Cookies.GetCookies(host.Address)["AgentDashboard.Auth"]);
        Assert.Null(await host.Services<IZohoTokenStore>().GetAsync(supervisor.Zuid, Ct));
    }

    [Fact]
    public void Microsoft_identity_web_builds_an_entra_shaped_code_flow_from_the_setting()
    {
        var oidc = host.Services<IOptionsMonitor<OpenIdConnectOptions>>().Get(OrganisationSignIn.Scheme);

        Assert.Equal(Authority.AbsoluteUri.TrimEnd('/'), oidc.Authority);
        Assert.Equal(OrganisationSignInFlow.ClientId, oidc.ClientId);
        Assert.Equal("code", oidc.ResponseType);
        Assert.True(oidc.UsePkce);
        Assert.False(oidc.SaveTokens);
        Assert.Equal(OrganisationSignIn.CookieScheme, oidc.SignInScheme);
        Assert.Equal("/signin-oidc", oidc.CallbackPath);
        Assert.NotNull(oidc.TokenValidationParameters.IssuerValidator); // Microsoft.Identity.Web's Entra issuer rule, met by the local authority
        Assert.False(oidc.RequireHttpsMetadata); // only because the authority is plain http on loopback
    }
}

/// <summary>With no <c>Dashboard:OrganisationSignIn</c> setting the dashboard is as before: no organisation challenge.</summary>
public sealed class OrganisationSignInOffTests : IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--environment=Development"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Off_by_default_pages_open_and_sign_in_goes_straight_to_zoho()
    {
        using var browser = new SignInFlow(host.Address);
        using (var home = await browser.Http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        var authorize = await browser.ChallengeAsync();
        Assert.Equal(new Uri(host.Address, "zoho-sim/oauth/v2/auth"), new Uri(authorize.GetLeftPart(UriPartial.Path)));
        Assert.Null(browser.Cookies.GetCookies(host.Address)[OrganisationSignIn.CookieName]);
        Assert.Null(await host.Services<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetSchemeAsync(OrganisationSignIn.Scheme));
    }
}
