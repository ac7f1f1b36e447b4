using System.Security.Claims;
using System.Text.Encodings.Web;
using AgentDashboard.Web.Demo;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// Optional organisation sign-in: Microsoft Entra ID through Microsoft.Identity.Web, on schemes of its own (an
/// OpenID Connect handler and a cookie), and a gate that lets through only people of the allowed groups or roles.
/// Walls, /healthz, /readyz, /metrics, static files and the Zoho sign-in callback stay open: walls are link-based.
/// </summary>
internal static class OrganisationSignIn
{
    public const string Scheme = "Organisation";
    public const string CookieScheme = "Organisation.Cookie";
    public const string CookieName = "AgentDashboard.Organisation";

    /// <summary>
    /// Paths reachable without an organisation identity. Static files are served before the gate; the framework's
    /// folders and the Zoho callback are listed too, so the gate stays right if the pipeline's order changes.
    /// </summary>
    private static readonly PathString[] OpenPaths =
        ["/wall", "/healthz", "/readyz", "/metrics", "/signin-zoho", "/signout", "/_blazor", "/_framework", "/_content", "/not-found", "/error", DemoBackend.Prefix];

    public static void AddOrganisationSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrganisationSignInOptions>().Bind(builder.Configuration.GetSection(OrganisationSignInOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrganisationSignInOptions>, OrganisationSignInOptionsValidator>();
        var settings = OrganisationSignInOptions.From(builder.Configuration);
        if (!settings.Enabled) return;

        bool secure = !builder.Environment.IsDevelopment();
        var policy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.AddAuthentication().AddMicrosoftIdentityWebApp(identity =>
        {
            identity.Instance = settings.Instance;
            identity.TenantId = settings.TenantId;
            identity.ClientId = settings.ClientId;
            identity.ClientSecret = settings.ClientSecret;
            identity.CallbackPath = settings.CallbackPath;
            identity.SignedOutCallbackPath = settings.SignedOutCallbackPath;
            identity.ResponseType = "code"; // the authorization-code flow with PKCE, redeemed with the client secret
            identity.SaveTokens = false; // the cookie needs who the person is, not their tokens
            identity.CorrelationCookie.SecurePolicy = policy;
            identity.NonceCookie.SecurePolicy = policy;
            if (!secure)
            {
                // Over plain http a browser drops SameSite=None cookies; unmarked ones still ride a fresh top-level form_post.
                identity.CorrelationCookie.SameSite = SameSiteMode.Unspecified;
                identity.NonceCookie.SameSite = SameSiteMode.Unspecified;
            }
            // Id tokens and these cookies are dated by the real clock, as the authority and the browser date them.
            identity.TimeProvider = TimeProvider.System;
            identity.Events.OnRemoteFailure = OnSignInFailure;
        }, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = policy;
            // Not sliding: membership is read at sign-in, so someone removed from the group loses access within 12 hours
            // (Entra signs members in again without a prompt while their own session there lasts).
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = false;
            cookie.TimeProvider = TimeProvider.System;
        }, Scheme, CookieScheme, subscribeToOpenIdConnectMiddlewareDiagnosticsEvents: false, displayName: "Organisation");
        if (settings.IsLocalAuthority)
        {
            // A local test authority over plain http, after Microsoft.Identity.Web has built the options: it ORs
            // RequireHttpsMetadata with its unnamed defaults (true), so the flag can only be lowered here; and its Entra
            // issuer validator fetches the metadata again over HTTPS only, unless the issuer is named up front.
            builder.Services.Configure<OpenIdConnectOptions>(Scheme, oidc =>
            {
                oidc.RequireHttpsMetadata = false;
                oidc.TokenValidationParameters.ValidIssuer = oidc.Authority;
            });
        }
    }

    /// <summary>The gate, after authentication: every other path needs an organisation identity of an allowed group or role.</summary>
    public static void UseOrganisationSignIn(this WebApplication app)
    {
        if (!OrganisationSignInOptions.From(app.Configuration).Enabled) return;
        app.Use(async (context, next) =>
        {
            var settings = context.RequestServices.GetRequiredService<IOptions<OrganisationSignInOptions>>().Value;
            var person = (await context.AuthenticateAsync(CookieScheme)).Principal;
            bool allowed = person is not null && IsAllowed(person, settings);
            if (OpenPaths.Any(open => context.Request.Path.StartsWithSegments(open)))
            {
                // A circuit opened without an allowed organisation identity acts signed out of Zoho too; walls need neither.
                if (!allowed && context.Request.Path.StartsWithSegments("/_blazor")) context.User = new ClaimsPrincipal(new ClaimsIdentity());
                await next(context);
            }
            else if (person is null)
            {
                await context.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString });
            }
            else if (!allowed)
            {
                await RefuseAsync(context, person);
            }
            else
            {
                await next(context);
            }
        });
    }

    /// <summary>Sign-out's answer: out of the organisation too when it is on (its authority, then back to <paramref name="redirect"/>).</summary>
    public static IResult SignOutResult(HttpContext context, string redirect) =>
        context.RequestServices.GetRequiredService<IOptions<OrganisationSignInOptions>>().Value.Enabled
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = redirect }, [CookieScheme, Scheme])
            : Results.Redirect(redirect);

    internal static bool IsAllowed(ClaimsPrincipal person, OrganisationSignInOptions settings) =>
        person.FindAll("groups").Any(group => settings.AllowedGroups.Contains(group.Value, StringComparer.OrdinalIgnoreCase))
        || person.Claims.Where(c => c.Type is "roles" or ClaimTypes.Role).Any(role => settings.AllowedRoles.Contains(role.Value, StringComparer.Ordinal));

    private static async Task RefuseAsync(HttpContext context, ClaimsPrincipal person)
    {
        string who = person.FindFirst("preferred_username")?.Value ?? person.FindFirst(ClaimTypes.Upn)?.Value ?? person.Identity?.Name ?? "this account";
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        await Page(context, StatusCodes.Status403Forbidden, "This account may not use the dashboard", $"""
            <p>You are signed in to your organisation as <strong>{Html(who)}</strong>, but this account is not in a group or app role
            allowed to use the agent dashboard.</p>
            <p>Ask whoever runs the dashboard to add you to one of its allowed groups or roles, or sign out and use another account.</p>
            <form method="post" action="/signout"><input type="hidden" name="{Html(tokens.FormFieldName)}" value="{Html(tokens.RequestToken)}">
            <button type="submit" class="button">Sign out</button></form>
            """);
    }

    /// <summary>A sign-in that did not complete lands on a page in words; no stack trace, no token.</summary>
    private static async Task OnSignInFailure(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AgentDashboard.OrganisationSignIn");
        logger.LogWarning("Sign-in with the organisation did not complete: {Message}", context.Failure?.Message);
        bool cancelled = context.Failure?.Message.Contains("access_denied", StringComparison.Ordinal) == true;
        context.HandleResponse();
        await Page(context.HttpContext, StatusCodes.Status400BadRequest, "Sign-in with your organisation did not complete", cancelled
            ? "<p>The sign-in was cancelled at your organisation's sign-in page.</p><p><a href=\"/\">Try again</a></p>"
            : "<p>Your organisation's answer could not be accepted (it may have expired, or been used already). Nothing was saved.</p><p><a href=\"/\">Try again</a></p>");
    }

    private static string Html(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static async Task Page(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html(title)}</title><link rel="stylesheet" href="/app.css"></head>
            <body class="standalone"><main class="content"><section class="card"><h1>{Html(title)}</h1>{body}</section></main></body></html>
            """);
    }
}
