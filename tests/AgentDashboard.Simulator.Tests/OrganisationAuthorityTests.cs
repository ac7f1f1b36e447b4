using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using AgentDashboard.Simulator.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentDashboard.Simulator.Tests;

/// <summary>The simulator's OpenID Connect authority (Entra-shaped): discovery, keys, the code flow with signed id tokens, sign-out.</summary>
public sealed class OrganisationAuthorityTests : IAsyncLifetime
{
    private const string Tenant = "7e1f0c2a-5b7d-4c3e-9a61-0000000000a1";
    private const string Avery = "0a4d6f00-0000-4000-8000-000000000001";
    private const string Verifier = "a-verifier-of-more-than-forty-three-characters-0123456789";
    private SimulatorHost host = null!;

    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync();
    public async Task DisposeAsync() => await host.DisposeAsync();

    private Uri Authority => new(host.BaseAddress, $"oidc/{Tenant}/v2.0/");
    private static string Challenge => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private async Task<JsonElement> JsonAsync(Uri address)
    {
        using var response = await host.Http.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private string AuthorizeQuery(string redirect = SimulatorHost.RedirectUri) =>
        $"authorize?client_id={SimulatorHost.ClientId}&response_type=code&scope=openid%20profile&redirect_uri={Uri.EscapeDataString(redirect)}"
        + $"&state=s-1&nonce=n-1&code_challenge={Challenge}&code_challenge_method=S256";

    private async Task<string> CodeAsync(string person)
    {
        var query = HttpUtility.ParseQueryString(AuthorizeQuery().Split('?', 2)[1]);
        var form = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        form["person"] = person;
        form["decision"] = "accept";
        using var response = await host.Http.PostAsync(new Uri(Authority, "authorize"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        Assert.StartsWith(SimulatorHost.RedirectUri + "?", response.Headers.Location.AbsoluteUri);
        Assert.Equal("s-1", back["state"]);
        return back["code"] ?? throw new Xunit.Sdk.XunitException("no code");
    }

    private async Task<(HttpStatusCode Status, JsonElement Answer)> RedeemAsync(string code, string secret = SimulatorHost.ClientSecret, string verifier = Verifier)
    {
        using var response = await host.Http.PostAsync(new Uri(Authority, "token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = SimulatorHost.RedirectUri,
            ["client_id"] = SimulatorHost.ClientId, ["client_secret"] = secret, ["code_verifier"] = verifier,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Discovery_names_the_issuer_and_its_endpoints_and_the_keys_hold_an_rs256_key()
    {
        string issuer = Authority.AbsoluteUri.TrimEnd('/');
        var discovery = await JsonAsync(new Uri(Authority, ".well-known/openid-configuration"));
        Assert.Equal(issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(issuer + "/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(issuer + "/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(issuer + "/logout", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["RS256"], discovery.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));

        var key = Assert.Single((await JsonAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!))).GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("AQAB", key.GetProperty("e").GetString());
    }

    [Fact]
    public async Task The_code_flow_gives_an_id_token_signed_by_the_published_key_with_groups_roles_and_nonce()
    {
        using (var page = await host.Http.GetAsync(new Uri(Authority, AuthorizeQuery())))
        {
            string html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Avery Lane", html);
            Assert.Contains("Sam Outsider", html);
        }
        var (status, answer) = await RedeemAsync(await CodeAsync(Avery));
        Assert.Equal(HttpStatusCode.OK, status);
        string[] parts = answer.GetProperty("id_token").GetString()!.Split('.');
        Assert.Equal(3, parts.Length);

        var key = (await JsonAsync(new Uri(Authority, "keys"))).GetProperty("keys")[0];
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = WebEncoders.Base64UrlDecode(key.GetProperty("n").GetString()!),
            Exponent = WebEncoders.Base64UrlDecode(key.GetProperty("e").GetString()!),
        });
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), WebEncoders.Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var header = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[0])).RootElement;
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), header.GetProperty("kid").GetString());
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1])).RootElement;
        Assert.Equal(Authority.AbsoluteUri.TrimEnd('/'), claims.GetProperty("iss").GetString());
        Assert.Equal(SimulatorHost.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal("n-1", claims.GetProperty("nonce").GetString());
        Assert.Equal(Avery, claims.GetProperty("oid").GetString());
        Assert.Equal(Tenant, claims.GetProperty("tid").GetString());
        Assert.Equal("avery.lane@org.example", claims.GetProperty("preferred_username").GetString());
        Assert.Equal(["3b0c6a4e-1d2f-4e5a-8b7c-00000000b001"], claims.GetProperty("groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(claims.GetProperty("roles").EnumerateArray());
        Assert.Equal(3600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task A_code_is_good_once_for_its_verifier_and_the_right_secret()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await RedeemAsync(await CodeAsync(Avery), secret: "wrong")).Status);
        var (status, answer) = await RedeemAsync(await CodeAsync(Avery), verifier: "another-verifier-of-more-than-forty-three-characters-000");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", answer.GetProperty("error").GetString());

        string code = await CodeAsync(Avery);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(code)).Status);
        Assert.Equal("invalid_grant", (await RedeemAsync(code)).Answer.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_foreign_redirect_gets_a_page_in_words_and_sign_out_returns_only_to_allowed_addresses()
    {
        using (var foreign = await host.Http.GetAsync(new Uri(Authority, AuthorizeQuery("https://evil.example/callback"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.Contains("is not registered for this application", await foreign.Content.ReadAsStringAsync());
        }
        using (var back = await host.Http.GetAsync(new Uri(Authority, $"logout?post_logout_redirect_uri={Uri.EscapeDataString("http://127.0.0.1:9/signed-out")}&state=x")))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            Assert.Equal("http://127.0.0.1:9/signed-out?state=x", back.Headers.Location!.AbsoluteUri);
        }
        using var away = await host.Http.GetAsync(new Uri(Authority, $"logout?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.example/")}"));
        Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        Assert.Contains("You have signed out of your organisation", await away.Content.ReadAsStringAsync());
    }
}
