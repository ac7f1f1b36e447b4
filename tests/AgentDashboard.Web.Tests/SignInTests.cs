using System.Net;
using System.Web;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>Sign-in with Zoho in demo mode, over real HTTP and OAuth against the embedded simulator.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private DashboardHost host = null!;
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync() => host = await Start();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<DashboardHost> Start(params string[] args) =>
        DashboardHost.StartAsync(["--environment=Development", .. args], builder => builder.Logging.AddProvider(logs));

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private User Supervisor(int i) => Simulation.Centre.Users[i + 1];
    private Task<StoredZohoTokens?> Stored(string zuid) => host.Services<IZohoTokenStore>().GetAsync(zuid, Ct);

    [Fact]
    public async Task The_challenge_asks_for_offline_access_with_state_pkce_and_every_scope()
    {
        using var browser = new SignInFlow(host.Address);
        var authorize = await browser.ChallengeAsync();
        var query = HttpUtility.ParseQueryString(authorize.Query);

        Assert.Equal(new Uri(host.Address, "zoho-sim/oauth/v2/auth"), new Uri(authorize.GetLeftPart(UriPartial.Path)));
        Assert.Equal("ZohoVoice.agents.READ,ZohoVoice.agents.UPDATE,ZohoVoice.sdk.READ,AaaServer.profile.READ", query["scope"]);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal(new Uri(host.Address, "signin-zoho").ToString(), query["redirect_uri"]);
    }

    [Fact]
    public async Task A_supervisor_signs_in_and_the_server_alone_holds_the_tokens()
    {
        var supervisor = Supervisor(0);
        using var browser = new SignInFlow(host.Address);
        var authorize = await browser.ChallengeAsync("/?from=test");
        var callback = await browser.ConsentAsync(authorize, supervisor.Zuid);
        string code = HttpUtility.ParseQueryString(callback.Query)["code"]!;
        var landed = await browser.CallbackAsync(callback);
        Assert.Equal("/?from=test", landed.PathAndQuery);

        long asked = Simulation.Now;
        string page = await browser.PageAsync();
        Assert.Contains($"Signed in as {supervisor.Name}", page);
        Assert.Contains(Simulation.StatusesDuring(supervisor.Agent, asked, Simulation.Now), status => page.Contains($"<strong id=\"own-status\">{status}</strong>"));

        var tokens = await Stored(supervisor.Zuid) ?? throw new Xunit.Sdk.XunitException("no tokens were stored");
        Assert.NotNull(tokens.RefreshToken);
        string[] secrets = [tokens.AccessToken, tokens.RefreshToken!, code, ZohoSignInOptions.DemoClientSecret];

        var cookie = browser.Cookies.GetCookies(host.Address)["AgentDashboard.Auth"] ?? throw new Xunit.Sdk.XunitException("no auth cookie");
        Assert.True(cookie.HttpOnly);
        var ticket = host.Services<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme)
            .TicketDataFormat.Unprotect(cookie.Value) ?? throw new Xunit.Sdk.XunitException("the cookie did not decrypt");
        Assert.Equal(supervisor.Zuid, ticket.Principal.FindFirst(ZohoClaims.Zuid)?.Value);
        Assert.Equal(supervisor.Email, ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value);
        Assert.Equal("us", ticket.Principal.FindFirst(ZohoClaims.Location)?.Value);
        string ticketText = string.Join("|", ticket.Principal.Claims.Select(c => c.Value).Concat(ticket.Properties.Items.Select(i => i.Key + "=" + i.Value)));
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, ticketText);
            Assert.DoesNotContain(secret, page);
            Assert.DoesNotContain(secret, logs.All);
        }
        Assert.DoesNotContain(tokens.AccessToken, await File.ReadAllTextAsync(Path.Combine(host.DataPath, "agentdashboard.db")));
    }

    [Fact]
    public async Task A_tampered_state_is_refused_with_a_clear_page()
    {
        using var browser = new SignInFlow(host.Address);
        var callback = await browser.ConsentAsync(await browser.ChallengeAsync(), Supervisor(0).Zuid);
        var query = HttpUtility.ParseQueryString(callback.Query);
        query["state"] = query["state"]![..^4] + "AAAA";
        var landed = await browser.CallbackAsync(new UriBuilder(callback) { Query = query.ToString() }.Uri);

        Assert.Equal("/signin-problem?reason=State", landed.PathAndQuery);
        Assert.Contains("did not belong to a sign-in started from this browser", await browser.PageAsync(landed.PathAndQuery));
        Assert.Null(await Stored(Supervisor(0).Zuid));
        Assert.Contains("Sign in with Zoho", await browser.PageAsync());
    }

    [Fact]
    public async Task A_callback_naming_a_foreign_accounts_server_is_refused_and_nothing_is_sent_there()
    {
        using var foreign = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        foreign.Start();
        var accepted = foreign.AcceptTcpClientAsync();
        using var browser = new SignInFlow(host.Address);
        var callback = await browser.ConsentAsync(await browser.ChallengeAsync(), Supervisor(0).Zuid);
        var query = HttpUtility.ParseQueryString(callback.Query);
        query["accounts-server"] = $"http://127.0.0.1:{((IPEndPoint)foreign.LocalEndpoint).Port}";

        var landed = await browser.CallbackAsync(new UriBuilder(callback) { Query = query.ToString() }.Uri);

        Assert.Equal("/signin-problem?reason=ForeignServer", landed.PathAndQuery);
        Assert.Contains("named an accounts server that is not one of Zoho", await browser.PageAsync(landed.PathAndQuery));
        Assert.False(accepted.IsCompleted, "the dashboard must not contact a server outside the allow-list");
        Assert.Null(await Stored(Supervisor(0).Zuid));
    }

    [Fact]
    public async Task A_zoho_accounts_server_with_another_data_centres_location_is_refused()
    {
        using var browser = new SignInFlow(host.Address);
        var callback = await browser.ConsentAsync(await browser.ChallengeAsync(), Supervisor(0).Zuid);
        var query = HttpUtility.ParseQueryString(callback.Query);
        query["accounts-server"] = "https://accounts.zoho.eu";
        query["location"] = "us";
        var landed = await browser.CallbackAsync(new UriBuilder(callback) { Query = query.ToString() }.Uri);
        Assert.Equal("/signin-problem?reason=ForeignServer", landed.PathAndQuery);
    }

    [Fact]
    public async Task Declining_consent_says_so()
    {
        using var browser = new SignInFlow(host.Address);
        var authorize = await browser.ChallengeAsync();
        var form = HttpUtility.ParseQueryString(authorize.Query).AllKeys.ToDictionary(k => k!, k => HttpUtility.ParseQueryString(authorize.Query)[k]!);
        form["decision"] = "deny";
        using var denied = await browser.Http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        var landed = await browser.CallbackAsync(denied.Headers.Location!);
        Assert.Equal("/signin-problem?reason=Denied", landed.PathAndQuery);
        Assert.Contains("You chose not to let AgentDashboard use your Zoho account", await browser.PageAsync(landed.PathAndQuery));
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_does_not_mint_another_refresh_token()
    {
        var supervisor = Supervisor(1);
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(supervisor.Zuid);
        string? first = (await Stored(supervisor.Zuid))!.RefreshToken;

        var authorize = await browser.ChallengeAsync();
        Assert.Null(HttpUtility.ParseQueryString(authorize.Query)["access_type"]);
        await browser.CallbackAsync(await browser.ConsentAsync(authorize, supervisor.Zuid));

        Assert.Equal(first, (await Stored(supervisor.Zuid))!.RefreshToken);
        Assert.Equal(1, host.Services<Simulator.Accounts.TokenStore>().Count(supervisor.Index).RefreshTokens);
    }

    [Fact]
    public async Task Another_person_in_a_remembered_browser_is_sent_back_for_offline_access()
    {
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Supervisor(0).Zuid);
        var authorize = await browser.ChallengeAsync();
        Assert.Null(HttpUtility.ParseQueryString(authorize.Query)["access_type"]);

        var landed = await browser.CallbackAsync(await browser.ConsentAsync(authorize, Supervisor(1).Zuid));
        Assert.StartsWith("/signin?offline=true", landed.PathAndQuery);
        var again = await browser.ChallengeAsync();
        using var forced = await browser.Http.GetAsync(landed.PathAndQuery);
        Assert.Equal("offline", HttpUtility.ParseQueryString(forced.Headers.Location!.Query)["access_type"]);
        await browser.CallbackAsync(await browser.ConsentAsync(forced.Headers.Location!, Supervisor(1).Zuid));
        Assert.NotNull((await Stored(Supervisor(1).Zuid))!.RefreshToken);
        Assert.Contains($"Signed in as {Supervisor(1).Name}", await browser.PageAsync());
    }

    [Fact]
    public async Task Sign_out_revokes_the_refresh_token_at_zoho_and_deletes_it_here()
    {
        var supervisor = Supervisor(0);
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(supervisor.Zuid);
        string refresh = (await Stored(supervisor.Zuid))!.RefreshToken!;

        using var response = await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await Stored(supervisor.Zuid));
        Assert.Equal(0, host.Services<Simulator.Accounts.TokenStore>().Count(supervisor.Index).RefreshTokens);
        var refused = await new ZohoAccountsClient(new HttpClient()).RefreshAsync(new Uri(host.Address, "zoho-sim"),
            ZohoSignInOptions.DemoClientId, ZohoSignInOptions.DemoClientSecret, refresh, Ct);
        Assert.Equal("invalid_code", refused.Error);
        string page = await browser.PageAsync("/?signedOut=1");
        Assert.Contains("You are signed out, and this dashboard no longer holds your Zoho tokens.", page);
    }

    [Fact]
    public async Task A_refresh_token_revoked_at_zoho_ends_the_session_with_a_sign_in_button()
    {
        var supervisor = Supervisor(0);
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(supervisor.Zuid);
        using (await browser.Http.PostAsync($"/zoho-sim/sim/users/{supervisor.Zuid}/revoke-tokens", null)) { }

        string page = await browser.PageAsync();

        Assert.Contains("Your Zoho session ended - sign in again.", page);
        Assert.Contains("id=\"session-ended\"", page);
        Assert.Contains("href=\"/signin?offline=true&amp;returnUrl=%2F\"", page);
        Assert.Null(await Stored(supervisor.Zuid));
    }

    [Fact]
    public async Task Two_supervisors_each_get_their_own_tokens_and_their_own_view()
    {
        using var first = new SignInFlow(host.Address);
        using var second = new SignInFlow(host.Address);
        await first.SignInAsync(Supervisor(0).Zuid);
        await second.SignInAsync(Supervisor(1).Zuid);

        Assert.Contains($"Signed in as {Supervisor(0).Name}", await first.PageAsync());
        Assert.Contains($"Signed in as {Supervisor(1).Name}", await second.PageAsync());
        var a = (await Stored(Supervisor(0).Zuid))!;
        var b = (await Stored(Supervisor(1).Zuid))!;
        Assert.NotEqual(a.AccessToken, b.AccessToken);
        Assert.NotEqual(a.RefreshToken, b.RefreshToken);

        // Through the dashboard's own client and token handler: each call carries its user's token.
        Assert.Equal(Supervisor(0).Agent.Id, (await ClientFor(Supervisor(0).Zuid).GetOwnOnlineStatusAsync(Ct)).OnlineStatus!.AgentId);
        Assert.Equal(Supervisor(1).Agent.Id, (await ClientFor(Supervisor(1).Zuid).GetOwnOnlineStatusAsync(Ct)).OnlineStatus!.AgentId);
    }

    [Fact]
    public async Task A_restart_keeps_everyone_signed_in()
    {
        var supervisor = Supervisor(0);
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(supervisor.Zuid);
        var before = await Stored(supervisor.Zuid);
        string dataPath = host.DataPath;
        await host.App.StopAsync();
        await host.App.DisposeAsync();

        var restarted = DashboardWebApplication.Create([$"--Dashboard:DataPath={dataPath}", "--environment=Development", $"--urls={host.Address}"]);
        await restarted.StartAsync();
        try
        {
            // The keys and the sealed tokens survived: the new process reads them and the old cookie.
            Assert.Equal(before, await restarted.Services.GetRequiredService<IZohoTokenStore>().GetAsync(supervisor.Zuid, Ct));
            var page = await browser.PageAsync();
            Assert.Contains($"Signed in as {supervisor.Name}", page);
            // The new simulator kept the refresh token (demo mode keeps it in the data folder, as Zoho keeps its own) but
            // not the access token: the first call is refused, refreshed once, and the session carries on.
            Assert.DoesNotContain("Your Zoho session ended", page);
            var after = await restarted.Services.GetRequiredService<IZohoTokenStore>().GetAsync(supervisor.Zuid, Ct);
            Assert.Equal(before!.RefreshToken, after!.RefreshToken);
            Assert.NotEqual(before.AccessToken, after.AccessToken);
        }
        finally
        {
            await restarted.StopAsync();
            await restarted.DisposeAsync();
        }
        host = await Start(); // for DisposeAsync
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_once_however_many_pages_ask_at_once()
    {
        await host.DisposeAsync();
        var clock = new ShiftedClock(SimulatedTime.TuesdayMorning);
        host = await DashboardHost.StartAsync(["--environment=Development", "--Simulator:AccessTokenLifetime=00:10:00"], clock: clock);
        var supervisor = Supervisor(0);
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(supervisor.Zuid);
        string firstAccess = (await Stored(supervisor.Zuid))!.AccessToken;
        clock.Advance(TimeSpan.FromMinutes(10)); // the token has expired; its successor lasts ten simulated minutes

        var pages = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => browser.PageAsync()));

        Assert.All(pages, page => Assert.Contains("id=\"own-status\"", page));
        Assert.Equal(1, host.Services<ZohoTokenService>().Refreshes);
        Assert.NotEqual(firstAccess, (await Stored(supervisor.Zuid))!.AccessToken);
    }

    [Fact]
    public void Zoho_mode_without_a_client_registration_fails_at_start_naming_the_keys()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            DashboardWebApplication.Create(["--Dashboard:Mode=Zoho", "--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={host.DataPath}"]));
        Assert.Contains("Zoho:ClientId is required when Dashboard:Mode is Zoho", error.Message);
        Assert.Contains("Zoho:ClientSecret is required when Dashboard:Mode is Zoho", error.Message);
    }

    /// <summary>The dashboard's Zoho client as a feed or page would get it, acting for <paramref name="zuid"/>.</summary>
    private IZohoVoiceClient ClientFor(string zuid) => host.ZohoClientFor(zuid);
}
