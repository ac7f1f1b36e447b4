using System.Net;
using System.Web;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Simulator.Tests;

/// <summary>The simulated Zoho accounts server: consent, code and refresh grants, revoke, user info, and Zoho's token limits.</summary>
public sealed class AccountsTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync(new DateTimeOffset(2026, 11, 18, 15, 0, 0, TimeSpan.Zero));
    public async Task DisposeAsync() => await host.DisposeAsync();

    private string AuthorizeQuery(string clientId = SimulatorHost.ClientId, string redirect = SimulatorHost.RedirectUri) =>
        $"oauth/v2/auth?response_type=code&client_id={clientId}&scope=ZohoVoice.agents.READ&redirect_uri={Uri.EscapeDataString(redirect)}&state=s1&access_type=offline";

    [Fact]
    public async Task The_authorize_page_offers_the_admin_and_every_supervisor()
    {
        using var response = await host.GetAsync(AuthorizeQuery(), accessToken: null);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var user in host.Simulation.Centre.Users)
        {
            Assert.Contains(user.Name, html);
            Assert.Contains($"value=\"{user.Zuid}\"", html);
        }
        Assert.Contains("Admin: sees every agent", html);
        Assert.Contains("ZohoVoice.agents.READ", html);
    }

    [Theory]
    [InlineData("1000.UNKNOWN", SimulatorHost.RedirectUri, "is not registered with this accounts server")]
    [InlineData(SimulatorHost.ClientId, "https://evil.example/steal", "is not registered for this application")]
    public async Task An_unknown_client_or_foreign_redirect_gets_a_page_not_a_redirect(string clientId, string redirect, string message)
    {
        using var response = await host.GetAsync(AuthorizeQuery(clientId, redirect), accessToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Consent_redirects_with_code_state_location_and_accounts_server()
    {
        var redirect = await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, offline: true, "accept");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.StartsWith(SimulatorHost.RedirectUri, redirect.AbsoluteUri);
        Assert.Equal("state-123", query["state"]);
        Assert.Equal("us", query["location"]);
        Assert.Equal(host.BaseAddress.AbsoluteUri.TrimEnd('/'), query["accounts-server"]);
        Assert.StartsWith("1000.", query["code"]);
    }

    [Fact]
    public async Task Denying_consent_redirects_with_access_denied()
    {
        var redirect = await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, offline: true, "deny");
        var query = HttpUtility.ParseQueryString(redirect.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("state-123", query["state"]);
        Assert.Null(query["code"]);
    }

    [Fact]
    public async Task A_code_gives_tokens_once_and_only_to_its_client()
    {
        var redirect = await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, offline: true, "accept");
        string code = HttpUtility.ParseQueryString(redirect.Query)["code"]!;

        var wrongSecret = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code }, clientSecret: "guess");
        Assert.Equal("invalid_client", wrongSecret.GetProperty("error").GetString());

        var tokens = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = SimulatorHost.RedirectUri });
        Assert.StartsWith("1000.", tokens.GetProperty("access_token").GetString());
        Assert.StartsWith("1000.", tokens.GetProperty("refresh_token").GetString());
        Assert.Equal(3600, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(host.BaseAddress.AbsoluteUri.TrimEnd('/'), tokens.GetProperty("api_domain").GetString());

        var again = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code });
        Assert.Equal("invalid_code", again.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Without_offline_access_there_is_no_refresh_token()
    {
        var tokens = await host.SignInAsync(host.AdminZuid, offline: false);
        Assert.Null(tokens.RefreshToken);
    }

    [Fact]
    public async Task Pkce_is_checked_when_the_code_was_asked_for_with_a_challenge()
    {
        const string verifier = "a-long-random-verifier-of-at-least-forty-three-characters-xyz";
        string challenge = Accounts.TokenStore.S256(verifier);
        var extra = new Dictionary<string, string> { ["code_challenge"] = challenge, ["code_challenge_method"] = "S256" };

        string code = HttpUtility.ParseQueryString((await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, true, "accept", extra)).Query)["code"]!;
        var wrong = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = "not-it" });
        Assert.Equal("invalid_code", wrong.GetProperty("error").GetString());

        code = HttpUtility.ParseQueryString((await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, true, "accept", extra)).Query)["code"]!;
        var right = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier });
        Assert.True(right.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_refresh_token_mints_ten_access_tokens_in_ten_minutes_then_is_blocked_for_the_rest()
    {
        var tokens = await host.SignInAsync(host.AdminZuid); // the first of the ten
        var refresh = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! };
        for (int i = 0; i < 9; i++)
        {
            var minted = await host.TokenAsync(new(refresh));
            Assert.True(minted.TryGetProperty("access_token", out _), $"refresh {i + 1} was refused: {minted}");
        }
        var eleventh = await host.TokenAsync(new(refresh));
        Assert.Equal("Access Denied", eleventh.GetProperty("error").GetString());

        host.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("Access Denied", (await host.TokenAsync(new(refresh))).GetProperty("error").GetString());
        host.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True((await host.TokenAsync(new(refresh))).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task A_refresh_token_keeps_thirty_live_access_tokens_and_drops_the_oldest()
    {
        var tokens = await host.SignInAsync(host.AdminZuid);
        var refresh = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! };
        for (int i = 1; i < 31; i++)
        {
            if (i % 10 == 0) host.Clock.Advance(TimeSpan.FromMinutes(10.5)); // stay under the mint limit; 31.5 min in all
            Assert.True((await host.TokenAsync(new(refresh))).TryGetProperty("access_token", out _));
        }
        // 31 minted (sign-in + 30 refreshes): the first was deleted, and it fails though its hour is not up.
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => host.Client(tokens.AccessToken).GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
    }

    [Fact]
    public async Task A_user_holds_twenty_refresh_tokens_and_the_twenty_first_deletes_the_oldest()
    {
        var first = await host.SignInAsync(host.AdminZuid);
        for (int i = 1; i < 21; i++)
        {
            if (i % 5 == 0) host.Clock.Advance(TimeSpan.FromSeconds(61)); // five per minute at most
            await host.SignInAsync(host.AdminZuid);
        }
        Assert.Equal(20, host.Services<Accounts.TokenStore>().Count(0).RefreshTokens);
        var refreshOldest = await host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = first.RefreshToken! });
        Assert.Equal("invalid_code", refreshOldest.GetProperty("error").GetString());
    }

    [Fact]
    public async Task At_most_five_refresh_tokens_are_created_per_minute()
    {
        for (int i = 0; i < 5; i++) await host.SignInAsync(host.AdminZuid);
        string code = HttpUtility.ParseQueryString((await host.ConsentAsync(host.AdminZuid, SimulatorHost.AllScopes, true, "accept")).Query)["code"]!;
        var sixth = await host.TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code });
        Assert.Equal("Access Denied", sixth.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Revoking_the_refresh_token_ends_its_access_tokens_too()
    {
        var tokens = await host.SignInAsync(host.AdminZuid);
        using var revoke = await host.Http.PostAsync(new Uri(host.BaseAddress, "oauth/v2/token/revoke?token=" + tokens.RefreshToken), null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        var refresh = await host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        Assert.Equal("invalid_code", refresh.GetProperty("error").GetString());
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => host.Client(tokens.AccessToken).GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
    }

    [Fact]
    public async Task An_access_token_expires_after_its_lifetime_and_a_refresh_gives_a_working_one()
    {
        var tokens = await host.SignInAsync(host.AdminZuid);
        await host.Client(tokens.AccessToken).GetOwnOnlineStatusAsync(Ct);

        host.Clock.Advance(TimeSpan.FromMinutes(61));
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => host.Client(tokens.AccessToken).GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
        Assert.Equal("INVALID_OAUTHTOKEN", error.ZohoCode);

        var fresh = await host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        await host.Client(fresh.GetProperty("access_token").GetString()!).GetOwnOnlineStatusAsync(Ct);
    }

    [Fact]
    public async Task The_controls_expire_or_revoke_a_users_tokens()
    {
        var tokens = await host.SignInAsync(host.AdminZuid);
        using (await host.Http.PostAsync(new Uri(host.BaseAddress, $"sim/users/{host.AdminZuid}/expire-tokens"), null)) { }
        Assert.Equal(ZohoFailureKind.InvalidToken, (await Assert.ThrowsAsync<ZohoApiException>(() => host.Client(tokens.AccessToken).GetOwnOnlineStatusAsync(Ct))).Kind);
        var refreshed = await host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        Assert.True(refreshed.TryGetProperty("access_token", out _));

        using (await host.Http.PostAsync(new Uri(host.BaseAddress, $"sim/users/{host.AdminZuid}/revoke-tokens"), null)) { }
        var refused = await host.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });
        Assert.Equal("invalid_code", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task User_info_names_the_signed_in_user()
    {
        var supervisor = host.Simulation.Centre.Users[1];
        var tokens = await host.SignInAsync(supervisor.Zuid);
        using var response = await host.GetAsync("oauth/user/info", tokens.AccessToken);
        var info = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(supervisor.Email, info.GetProperty("Email").GetString());
        Assert.Equal(supervisor.Name, info.GetProperty("Display_Name").GetString());
        Assert.Equal(supervisor.Zuid, info.GetProperty("ZUID").GetRawText());

        using var anonymous = await host.GetAsync("oauth/user/info", accessToken: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_calls_scope_is_refused_with_403()
    {
        var tokens = await host.SignInAsync(host.AdminZuid, scopes: ["ZohoVoice.agents.READ"]);
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => host.Client(tokens.AccessToken).GetAgentsOnlineStatusAsync(["1"], Ct));
        Assert.Equal(ZohoFailureKind.Forbidden, error.Kind);
        Assert.Equal("OAUTH_SCOPE_MISMATCH", error.ZohoCode);
    }
}
