using System.Security.Claims;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Security;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>Sign-in with Zoho, the auth cookie, the server-side token store, and the Zoho client acting for the signed-in user.</summary>
internal static class DashboardAuthentication
{
    public static void AddDashboardAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Keys on disk, so a restart keeps everyone signed in and every sealed token readable; protected at rest.
        services.AddKeyProtection(builder.Configuration);

        services.AddOptions<ZohoSignInOptions>().Bind(builder.Configuration.GetSection(ZohoVoiceOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZohoSignInOptions>, ZohoSignInOptionsValidator>();
        services.AddSingleton<AccountsServers>();
        services.AddSingleton<IZohoTokenStore, DatabaseZohoTokenStore>();
        services.AddSingleton<ZohoTokenService>();
        services.AddSingleton<IZohoAccessTokenSource>(sp => sp.GetRequiredService<ZohoTokenService>());
        services.AddHttpClient(ZohoTokenService.AccountsHttpClient, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpContextAccessor();
        services.AddScoped<IZohoUserContext, CircuitZohoUser>();
        services.AddZohoVoiceClient(builder.Configuration);
        services.AddOptions<SignInSessionOptions>().Bind(builder.Configuration.GetSection(SignInSessionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SignInSessionOptions>, SignInSessionOptionsValidator>();
        var sessionLifetimes = builder.Configuration.GetSection(SignInSessionOptions.SectionName).Get<SignInSessionOptions>() ?? new();
        services.AddSingleton<SignInSessions>();

        bool secure = !builder.Environment.IsDevelopment();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "AgentDashboard.Auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = sessionLifetimes.IdleLifetime;
                cookie.LoginPath = "/signin";
                // A browser judges a cookie's expiry by its own clock, so cookies are dated by the real one even
                // where the dashboard's clock is moved (tests, simulations on a chosen day).
                cookie.TimeProvider = TimeProvider.System;
                cookie.Events.OnSigningIn = StartSessionAsync;
                cookie.Events.OnValidatePrincipal = RefuseEndedSessionAsync;
            })
            .AddOAuth<OAuthOptions, ZohoOAuthHandler>(ZohoOAuthHandler.SchemeName, "Zoho", oauth =>
            {
                oauth.CallbackPath = "/signin-zoho";
                // The real addresses are chosen per request (AccountsServers); the framework only insists these are set.
                oauth.AuthorizationEndpoint = "https://accounts.zoho.com/oauth/v2/auth";
                oauth.TokenEndpoint = "https://accounts.zoho.com/oauth/v2/token";
                oauth.UsePkce = true;
                oauth.SaveTokens = false; // tokens live in the server-side store, never in the cookie
                oauth.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oauth.CorrelationCookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                oauth.Events.OnRemoteFailure = OnSignInFailure;
                oauth.TimeProvider = TimeProvider.System; // its correlation cookie, as above
            });
        services.AddOptions<OAuthOptions>(ZohoOAuthHandler.SchemeName).Configure<IOptions<ZohoSignInOptions>>((oauth, zoho) =>
        {
            oauth.ClientId = zoho.Value.ClientId ?? ZohoSignInOptions.DemoClientId;
            oauth.ClientSecret = zoho.Value.ClientSecret ?? ZohoSignInOptions.DemoClientSecret;
            oauth.Scope.Clear();
            foreach (string scope in zoho.Value.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) oauth.Scope.Add(scope);
        });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
    }

    /// <summary>Each sign-in gets its own server-side session; the cookie carries its id.</summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ZohoClaims.Zuid)?.Value is not { } zuid) return;
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        identity.AddClaim(new Claim(SignInSessions.ClaimType, await sessions.StartAsync(zuid, context.HttpContext.RequestAborted)));
    }

    /// <summary>A cookie whose session has ended (signed out, everywhere or here) is refused, and removed from the browser.</summary>
    private static async Task RefuseEndedSessionAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SignInSessions>();
        if (!await sessions.IsActiveAsync(context.Principal?.FindFirst(SignInSessions.ClaimType)?.Value,
                context.Principal?.FindFirst(ZohoClaims.Zuid)?.Value, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    public static void MapSignInEndpoints(this WebApplication app)
    {
        app.MapGet("/signin", (string? returnUrl, bool? offline, HttpContext context) =>
        {
            var properties = new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) };
            if (offline == true) properties.Items[ZohoOAuthHandler.ForceOfflineItem] = "true";
            return Results.Challenge(properties, [ZohoOAuthHandler.SchemeName]);
        });
        // Sign-out ends this browser's session; the Zoho tokens go (revoked at Zoho) with the supervisor's last session.
        app.MapPost("/signout", async (HttpContext context, IFormCollection form, SignInSessions sessions, ZohoTokenService tokens) =>
        {
            string outcome = "1";
            if (context.User.FindFirst(ZohoClaims.Zuid)?.Value is { } zuid)
            {
                string? session = context.User.FindFirst(SignInSessions.ClaimType)?.Value;
                // Counted under the tokens' lock, so a sign-in saving new tokens is not caught half-way.
                bool lastSession = await tokens.SignOutAsync(zuid, context.RequestAborted,
                    onlyIf: async ct => session is null || await sessions.EndAsync(session, zuid, ct) == 0);
                if (!lastSession) outcome = "here";
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return OrganisationSignIn.SignOutResult(context, "/?signedOut=" + outcome);
        });
        // Every session of the supervisor ends (their open pages show the sign-in prompt within the revalidation interval).
        app.MapPost("/signout/everywhere", async (HttpContext context, IFormCollection form, SignInSessions sessions, ZohoTokenService tokens) =>
        {
            if (context.User.FindFirst(ZohoClaims.Zuid)?.Value is { } zuid)
            {
                await sessions.EndAllAsync(zuid, context.RequestAborted);
                await tokens.SignOutAsync(zuid, context.RequestAborted);
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return OrganisationSignIn.SignOutResult(context, "/?signedOut=everywhere");
        });
    }

    /// <summary>Every failed sign-in lands on one page that says, in words, what happened; no stack trace, no token.</summary>
    private static Task OnSignInFailure(RemoteFailureContext context)
    {
        var problem = context.Failure switch
        {
            SignInProblemException known => known.Problem,
            { Message: var m } when m.Contains("Access was denied", StringComparison.Ordinal) => SignInProblem.Denied,
            { Message: var m } when m.Contains("state", StringComparison.OrdinalIgnoreCase) || m.Contains("Correlation", StringComparison.Ordinal) => SignInProblem.State,
            { InnerException: SignInProblemException inner } => inner.Problem,
            _ => SignInProblem.Other,
        };
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentDashboard.SignIn");
        logger.LogWarning("Sign-in with Zoho did not complete: {Problem}: {Message}", problem, context.Failure?.Message);
        string returnUrl = LocalOnly(context.Properties?.RedirectUri);
        context.Response.Redirect(problem == SignInProblem.NeedsOfflineAccess
            ? $"/signin?offline=true&returnUrl={Uri.EscapeDataString(returnUrl)}"
            : $"/signin-problem?reason={problem}");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Only paths of this site: an open redirect would let a link bounce a signed-in user anywhere. The framework's
    /// rules for a local URL: one leading slash, not followed by another slash or a backslash, and no control
    /// character anywhere (a browser drops a tab, so "/\t/evil.example" would become "//evil.example").
    /// </summary>
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
