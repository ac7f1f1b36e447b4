using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Accounts;

/// <summary>
/// A local OpenID Connect authority shaped like Microsoft Entra ID's v2.0 endpoints, so the dashboard's organisation
/// sign-in can be run and tested here: discovery, keys (RS256), an authorize page where a person of
/// <see cref="OrganisationDirectory"/> is picked, the authorization-code grant (PKCE, client secret) returning a
/// signed id token with groups and roles, and sign-out. The authority is <c>{prefix}/oidc/{tenant}/v2.0</c>, as Entra's
/// is <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.
/// </summary>
internal static class OpenIdEndpoints
{
    public const string AuthorityPath = $"/oidc/{OrganisationDirectory.TenantId}/v2.0";

    public static void MapOrganisationAuthority(this IEndpointRouteBuilder routes, string prefix)
    {
        var authority = routes.MapGroup(AuthorityPath);
        authority.MapGet("/.well-known/openid-configuration", (HttpContext context) => Discovery(Issuer(context.Request, prefix)));
        authority.MapGet("/keys", (OpenIdTokens tokens) => Results.Json(tokens.KeySet()));
        authority.MapGet("/authorize", (HttpContext context) => Authorize(context, prefix));
        authority.MapPost("/authorize", (HttpContext context) => Consent(context, prefix));
        authority.MapPost("/token", (HttpContext context, OpenIdTokens tokens) => Token(context, tokens, prefix));
        authority.MapGet("/logout", (HttpContext context) => SignOut(context));
        authority.MapGet("/form-post.js", () => Results.Text("document.getElementById(\"form-post\").submit();", "text/javascript"));
    }

    /// <summary>The issuer, which is also the authority's address: <c>iss</c> of every id token.</summary>
    public static string Issuer(HttpRequest request, string prefix) => AccountsEndpoints.SelfBase(request, prefix) + AuthorityPath;

    private static IResult Discovery(string issuer) => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "/authorize",
        ["token_endpoint"] = issuer + "/token",
        ["jwks_uri"] = issuer + "/keys",
        ["end_session_endpoint"] = issuer + "/logout",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
        ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "preferred_username", "email", "oid", "tid", "groups", "roles", "ver" },
    });

    private sealed record AuthorizeRequest(SimulatorClient Client, string RedirectUri, string? State, string? Nonce, string? Challenge, bool FormPost);

    private static (AuthorizeRequest? Request, string? Problem) Read(HttpContext context, Func<string, string?> value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        string? clientId = value("client_id"), redirect = value("redirect_uri");
        var client = options.Clients.FirstOrDefault(c => c.ClientId == clientId);
        if (client is null)
        {
            return (null, $"The application's client id \"{clientId}\" is not registered with this organisation.");
        }
        if (redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || !AccountsEndpoints.RedirectAllowed(client, redirectUri, context.Request))
        {
            return (null, $"The redirect address \"{redirect}\" is not registered for this application.");
        }
        if (value("response_type") != "code")
        {
            return (null, $"Only response_type=code is supported, not \"{value("response_type")}\".");
        }
        if (!(value("scope") ?? "").Split(' ').Contains("openid"))
        {
            return (null, "The request must ask for the openid scope.");
        }
        string? challenge = value("code_challenge");
        if (challenge is not null && value("code_challenge_method") != "S256")
        {
            return (null, "Only the S256 code challenge method is supported.");
        }
        return (new AuthorizeRequest(client, redirect, value("state"), value("nonce"), challenge, value("response_mode") == "form_post"), null);
    }

    private static async Task Authorize(HttpContext context, string prefix)
    {
        var (request, problem) = Read(context, name => context.Request.Query[name].FirstOrDefault());
        if (request is null)
        {
            await AccountsEndpoints.Page(context, StatusCodes.Status400BadRequest, "This sign-in request cannot be completed", $"<p>{AccountsEndpoints.Html(problem)}</p>");
            return;
        }
        var directory = context.RequestServices.GetRequiredService<OrganisationDirectory>();
        var hidden = string.Concat(context.Request.Query.Select(q => $"<input type=\"hidden\" name=\"{AccountsEndpoints.Html(q.Key)}\" value=\"{AccountsEndpoints.Html(q.Value.ToString())}\">"));
        var people = string.Concat(directory.People.Select((p, i) => $"""
            <label class="user"><input type="radio" name="person" value="{AccountsEndpoints.Html(p.ObjectId)}"{(i == 0 ? " checked" : "")}>
              <span><strong>{AccountsEndpoints.Html(p.Name)}</strong><br><small>{AccountsEndpoints.Html(p.Email)} · groups: {AccountsEndpoints.Html(string.Join(", ", p.Groups.DefaultIfEmpty("none")))} · roles: {AccountsEndpoints.Html(string.Join(", ", p.Roles.DefaultIfEmpty("none")))}</small></span></label>
            """));
        await AccountsEndpoints.Page(context, StatusCodes.Status200OK, "Sign in to your organisation (simulated)", $"""
            <p>The application <strong>{AccountsEndpoints.Html(request.Client.ClientId)}</strong> asks who you are in your organisation.</p>
            <form method="post" action="{AccountsEndpoints.Html(Issuer(context.Request, prefix))}/authorize">
              {hidden}
              <fieldset><legend>Sign in as</legend>{people}</fieldset>
              <div class="actions"><button type="submit" name="decision" value="accept" class="primary" id="accept">Sign in</button>
              <button type="submit" name="decision" value="deny" id="deny">Cancel</button></div>
            </form>
            """);
    }

    private static async Task Consent(HttpContext context, string prefix)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (request, problem) = Read(context, name => form[name].FirstOrDefault());
        if (request is null)
        {
            await AccountsEndpoints.Page(context, StatusCodes.Status400BadRequest, "This sign-in request cannot be completed", $"<p>{AccountsEndpoints.Html(problem)}</p>");
            return;
        }
        var parameters = new Dictionary<string, string?>();
        var person = context.RequestServices.GetRequiredService<OrganisationDirectory>().Find(form["person"].FirstOrDefault());
        if (form["decision"] != "accept" || person is null)
        {
            parameters["error"] = "access_denied";
            parameters["error_description"] = "The person cancelled the sign-in.";
        }
        else
        {
            parameters["code"] = context.RequestServices.GetRequiredService<OpenIdTokens>()
                .IssueCode(request.Client.ClientId, request.RedirectUri, person, request.Nonce, request.Challenge);
        }
        if (request.State is not null) parameters["state"] = request.State;
        if (!request.FormPost)
        {
            context.Response.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, parameters));
            return;
        }
        // response_mode=form_post: a form the browser posts to the application, by a script file (no inline script for a
        // Content-Security-Policy to block) or by the button.
        var fields = string.Concat(parameters.Select(p => $"<input type=\"hidden\" name=\"{AccountsEndpoints.Html(p.Key)}\" value=\"{AccountsEndpoints.Html(p.Value)}\">"));
        await AccountsEndpoints.Page(context, StatusCodes.Status200OK, "Returning to the application", $"""
            <form method="post" action="{AccountsEndpoints.Html(request.RedirectUri)}" id="form-post">{fields}
            <div class="actions"><button type="submit" class="primary">Continue</button></div></form>
            <script src="{AccountsEndpoints.Html(Issuer(context.Request, prefix))}/form-post.js"></script>
            """);
    }

    /// <summary>The authorization-code grant: a client authenticated by its secret (form or Basic) gets a signed id token.</summary>
    private static async Task<IResult> Token(HttpContext context, OpenIdTokens tokens, string prefix)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var (clientId, secret) = ClientCredentials(context.Request, form);
        var options = context.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var client = options.Clients.FirstOrDefault(c => c.ClientId == clientId);
        if (client is null || client.ClientSecret != secret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "The client id or secret is wrong." }, statusCode: StatusCodes.Status401Unauthorized);
        }
        if (form["grant_type"] != "authorization_code" || form["code"].FirstOrDefault() is not { } code)
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "Only the authorization_code grant is supported." }, statusCode: StatusCodes.Status400BadRequest);
        }
        var (person, nonce, error) = tokens.Redeem(client.ClientId, code, form["redirect_uri"].FirstOrDefault(), form["code_verifier"].FirstOrDefault());
        if (person is null)
        {
            return Results.Json(new { error, error_description = "The code is unknown, used, expired, or was issued for another client, address or verifier." }, statusCode: StatusCodes.Status400BadRequest);
        }
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile email",
            ["expires_in"] = 3600,
            ["access_token"] = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
            ["id_token"] = tokens.IdToken(Issuer(context.Request, prefix), client.ClientId, person, nonce),
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                string[] pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())).Split(':', 2);
                if (pair.Length == 2) return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }
        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    /// <summary>Ends the sign-in (this authority keeps no session of its own) and returns to the application when its address is allowed.</summary>
    private static async Task SignOut(HttpContext context)
    {
        string? back = context.Request.Query["post_logout_redirect_uri"].FirstOrDefault();
        var options = context.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        if (back is null || !Uri.TryCreate(back, UriKind.Absolute, out var backUri)
            || !options.Clients.Any(c => AccountsEndpoints.RedirectAllowed(c, backUri, context.Request) || c.RedirectUris.Contains(back)))
        {
            await AccountsEndpoints.Page(context, StatusCodes.Status200OK, "You have signed out of your organisation", "<p>You can close this window.</p>");
            return;
        }
        var parameters = new Dictionary<string, string?>();
        if (context.Request.Query["state"].FirstOrDefault() is { } state) parameters["state"] = state;
        context.Response.Redirect(QueryHelpers.AddQueryString(back, parameters));
    }
}
