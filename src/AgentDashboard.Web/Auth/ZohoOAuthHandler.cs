using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentDashboard.Zoho;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>The claims the auth cookie carries: who signed in and where, never a token.</summary>
public static class ZohoClaims
{
    public const string Zuid = ClaimTypes.NameIdentifier;
    public const string Location = "zoho:location";
    public const string AccountsServer = "zoho:accounts-server";
}

/// <summary>
/// The framework's OAuth code flow (state, PKCE, correlation) with Zoho's particulars: the accounts server is
/// chosen per request (in demo mode, the simulator in this host), scopes are comma-joined, the callback's
/// <c>accounts-server</c> and <c>location</c> are checked against the allow-list before the code goes anywhere,
/// and the tokens go to the server-side store, not into the cookie.
/// </summary>
internal sealed class ZohoOAuthHandler(
    IOptionsMonitor<OAuthOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountsServers servers,
    ZohoTokenService tokens,
    IDataProtectionProvider dataProtection,
    TimeProvider clock) : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    public const string SchemeName = "Zoho";
    public const string KnownUserCookie = "AgentDashboard.KnownUser";
    public const string ForceOfflineItem = "zoho:force-offline";
    private const string OfflineItem = "zoho:offline";
    private const string ChoiceItem = "zoho:choice";

    private IDataProtector KnownUser => dataProtection.CreateProtector("AgentDashboard.KnownUser.v1");

    /// <summary>
    /// Asks for offline access (a refresh token) unless this browser's last user still has one here: Zoho allows a
    /// user 20 refresh tokens, so a sign-in must not mint one each time.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        bool offline = true;
        if (!properties.Items.ContainsKey(ForceOfflineItem) && Request.Cookies[KnownUserCookie] is { } known)
        {
            try
            {
                offline = !await tokens.HasRefreshTokenAsync(KnownUser.Unprotect(known), Context.RequestAborted);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                offline = true; // a cookie from another key ring: just ask again
            }
        }
        properties.Items.Remove(ForceOfflineItem);
        properties.Items[OfflineItem] = offline ? "true" : "false";
        await base.HandleChallengeAsync(properties);
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        string framework = base.BuildChallengeUrl(properties, redirectUri);
        var url = new Uri(servers.SignInServer(Request), "").AbsoluteUri.TrimEnd('/') + "/oauth/v2/auth" + new Uri(framework).Query;
        return properties.Items.TryGetValue(OfflineItem, out var offline) && offline == "true"
            ? QueryHelpers.AddQueryString(url, new Dictionary<string, string?> { ["access_type"] = "offline", ["prompt"] = "consent" })
            : url;
    }

    protected override string FormatScope(IEnumerable<string> scopes) => string.Join(',', scopes);

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        try
        {
            var choice = servers.Resolve(Request, Request.Query["accounts-server"].FirstOrDefault(), Request.Query["location"].FirstOrDefault());
            context.Properties.Items[ChoiceItem] = JsonSerializer.Serialize(choice);
            context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out string? verifier);
            var answer = await tokens.Accounts.ExchangeCodeAsync(choice.AccountsServer, Options.ClientId, Options.ClientSecret,
                context.Code, context.RedirectUri, verifier, Context.RequestAborted);
            if (answer.Error is not null || answer.AccessToken is null)
            {
                return OAuthTokenResponse.Failed(new SignInProblemException(SignInProblem.CodeRefused,
                    $"Zoho did not accept the sign-in code ({answer.Error ?? "no access token"})."));
            }
            return OAuthTokenResponse.Success(JsonSerializer.SerializeToDocument(answer));
        }
        catch (SignInProblemException problem)
        {
            return OAuthTokenResponse.Failed(problem);
        }
        catch (Zoho.Http.ZohoApiException error)
        {
            return OAuthTokenResponse.Failed(new SignInProblemException(SignInProblem.Unreachable, error.Message));
        }
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse response)
    {
        var choice = JsonSerializer.Deserialize<ZohoDataCentreChoice>(properties.Items[ChoiceItem]!)!;
        properties.Items.Remove(ChoiceItem);
        properties.Items.Remove(OfflineItem);
        var user = await tokens.Accounts.GetUserInfoAsync(choice.AccountsServer, response.AccessToken!, Context.RequestAborted);
        string zuid = user.Zuid ?? throw new SignInProblemException(SignInProblem.Other, "Zoho's user info named no user.");

        if (response.RefreshToken is null && !await tokens.HasRefreshTokenAsync(zuid, Context.RequestAborted))
        {
            // Someone other than this browser's last user: they need a refresh token of their own here.
            throw new SignInProblemException(SignInProblem.NeedsOfflineAccess, "A refresh token is needed for this user.");
        }
        long.TryParse(response.ExpiresIn, out long expiresIn);
        await tokens.SaveSignInAsync(new StoredZohoTokens(zuid, choice.AccountsServer, choice.VoiceBaseUrl, response.AccessToken!,
            StoredZohoTokens.RefreshMoment(clock.GetUtcNow(), expiresIn), response.RefreshToken), Context.RequestAborted);

        identity.AddClaim(new Claim(ZohoClaims.Zuid, zuid));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.DisplayName ?? $"{user.FirstName} {user.LastName}".Trim()));
        if (user.Email is not null) identity.AddClaim(new Claim(ClaimTypes.Email, user.Email));
        identity.AddClaim(new Claim(ZohoClaims.Location, choice.Location));
        identity.AddClaim(new Claim(ZohoClaims.AccountsServer, choice.AccountsServer.AbsoluteUri));

        Response.Cookies.Append(KnownUserCookie, KnownUser.Protect(zuid), new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps,
            Expires = TimeProvider.GetUtcNow().AddDays(180), // the scheme's clock, as for the framework's own cookies
        });
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name);
    }
}
