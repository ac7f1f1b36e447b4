using System.Text.Encodings.Web;
using System.Text.Json;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Simulator.Voice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Accounts;

/// <summary>
/// The simulated Zoho accounts server: an authorize page where a person picks a demo user and consents,
/// the token endpoint (authorization-code and refresh-token grants), revoke, and user info.
/// </summary>
internal static class AccountsEndpoints
{
    public static void MapAccounts(this IEndpointRouteBuilder routes, string prefix)
    {
        routes.MapGet("/oauth/v2/auth", (HttpContext context) => Authorize(context, prefix));
        routes.MapPost("/oauth/v2/auth", (HttpContext context) => Consent(context, prefix));
        routes.MapPost("/oauth/v2/token", (HttpContext context) => Token(context, prefix));
        routes.MapPost("/oauth/v2/token/revoke", (HttpContext context) => Revoke(context));
        routes.MapGet("/oauth/user/info", (HttpContext context) => UserInfo(context));
        routes.MapOrganisationAuthority(prefix);
    }

    /// <summary>This server's own base address as callers see it: the accounts-server and api_domain it reports.</summary>
    public static string SelfBase(HttpRequest request, string prefix) => $"{request.Scheme}://{request.Host}{request.PathBase}{prefix}";

    private sealed record AuthorizeRequest(SimulatorClient Client, string RedirectUri, string[] Scopes, string? State, bool Offline, string? Challenge);

    /// <summary>Checks the client and redirect address; on failure there is nowhere safe to redirect, so the page says why.</summary>
    private static (AuthorizeRequest? Request, string? Problem) Read(HttpContext context, Func<string, string?> value)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        string? clientId = value("client_id"), redirect = value("redirect_uri");
        var client = options.Clients.FirstOrDefault(c => c.ClientId == clientId);
        if (client is null)
        {
            return (null, $"The application's client id \"{clientId}\" is not registered with this accounts server.");
        }
        if (redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || !RedirectAllowed(client, redirectUri, context.Request))
        {
            return (null, $"The redirect address \"{redirect}\" is not registered for this application.");
        }
        if (value("response_type") is { } type && type != "code")
        {
            return (null, $"Only response_type=code is supported, not \"{type}\".");
        }
        string? challenge = value("code_challenge");
        if (challenge is not null && value("code_challenge_method") is { } method && method != "S256")
        {
            return (null, "Only the S256 code challenge method is supported.");
        }
        var scopes = (value("scope") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        return (new AuthorizeRequest(client, redirect, scopes, value("state"), value("access_type") == "offline", challenge), null);
    }

    internal static bool RedirectAllowed(SimulatorClient client, Uri redirect, HttpRequest request) =>
        client.RedirectUris.Count > 0
            ? client.RedirectUris.Contains(redirect.AbsoluteUri, StringComparer.Ordinal)
            : redirect.Scheme is "http" or "https" && (redirect.IsLoopback || redirect.Host == request.Host.Host);

    private static async Task Authorize(HttpContext context, string prefix)
    {
        var (request, problem) = Read(context, name => context.Request.Query[name].FirstOrDefault());
        if (request is null)
        {
            await Page(context, StatusCodes.Status400BadRequest, "This sign-in request cannot be completed", $"<p>{Html(problem)}</p>");
            return;
        }
        var centre = context.RequestServices.GetRequiredService<CallCentreSimulation>().Centre;
        var hidden = string.Concat(context.Request.Query.Select(q => $"<input type=\"hidden\" name=\"{Html(q.Key)}\" value=\"{Html(q.Value.ToString())}\">"));
        var users = string.Concat(centre.Users.Select((u, i) => $"""
            <label class="user"><input type="radio" name="user" value="{Html(u.Zuid)}"{(i == 0 ? " checked" : "")}>
              <span><strong>{Html(u.Name)}</strong> · {(u.Role == Role.Admin ? "Admin: sees every agent" : u.Watched.Count > u.Team.Count ? $"Supervisor: leads {u.Team.Count} agents, watches {u.Watched.Count}" : $"Supervisor of {u.Team.Count} agents")}<br><small>{Html(u.Email)}</small></span></label>
            """));
        var scopes = string.Concat(request.Scopes.Select(s => $"<li><code>{Html(s)}</code></li>"));
        await Page(context, StatusCodes.Status200OK, "Sign in to Zoho (simulated)", $"""
            <p>The application <strong>{Html(request.Client.ClientId)}</strong> asks to act for you with these permissions{(request.Offline ? ", also while you are away" : "")}:</p>
            <ul>{scopes}</ul>
            <form method="post" action="{Html(prefix)}/oauth/v2/auth">
              {hidden}
              <fieldset><legend>Sign in as</legend>{users}</fieldset>
              <div class="actions"><button type="submit" name="decision" value="accept" class="primary" id="accept">Accept</button>
              <button type="submit" name="decision" value="deny" id="deny">Deny</button></div>
            </form>
            """);
    }

    private static async Task Consent(HttpContext context, string prefix)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (request, problem) = Read(context, name => form[name].FirstOrDefault());
        if (request is null)
        {
            await Page(context, StatusCodes.Status400BadRequest, "This sign-in request cannot be completed", $"<p>{Html(problem)}</p>");
            return;
        }
        var parameters = new Dictionary<string, string?>();
        if (request.State is not null) parameters["state"] = request.State;
        var simulation = context.RequestServices.GetRequiredService<CallCentreSimulation>();
        var user = form["user"].FirstOrDefault() is { } zuid ? simulation.Centre.FindUser(zuid) : null;
        if (form["decision"] != "accept" || user is null)
        {
            parameters["error"] = "access_denied";
        }
        else
        {
            parameters["code"] = context.RequestServices.GetRequiredService<TokenStore>()
                .IssueCode(request.Client.ClientId, request.RedirectUri, user, request.Scopes, request.Offline, request.Challenge);
            parameters["location"] = simulation.Options.Location;
            parameters["accounts-server"] = SelfBase(context.Request, prefix);
        }
        context.Response.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, parameters));
    }

    /// <summary>Zoho's token endpoint takes its parameters in the query or the form, and reports errors with HTTP 200.</summary>
    private static async Task Token(HttpContext context, string prefix)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? Value(string name) => context.Request.Query[name].FirstOrDefault() ?? form?[name].FirstOrDefault();
        var options = context.RequestServices.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var tokens = context.RequestServices.GetRequiredService<TokenStore>();
        string? clientId = Value("client_id");
        var client = options.Clients.FirstOrDefault(c => c.ClientId == clientId);
        TokenResult result;
        if (client is null || client.ClientSecret != Value("client_secret"))
        {
            result = TokenResult.Fail("invalid_client");
        }
        else
        {
            result = Value("grant_type") switch
            {
                "authorization_code" when Value("code") is { } code => tokens.ExchangeCode(client.ClientId, code, Value("redirect_uri"), Value("code_verifier")),
                "refresh_token" when Value("refresh_token") is { } refresh => tokens.RefreshAccess(client.ClientId, refresh),
                "authorization_code" or "refresh_token" => TokenResult.Fail("invalid_code"),
                _ => TokenResult.Fail("unsupported_grant_type"),
            };
        }
        context.Response.ContentType = "application/json;charset=UTF-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter, WireWriter.Options);
        json.WriteStartObject();
        if (result.Error is not null)
        {
            json.WriteString("error", result.Error);
            if (result.ErrorDescription is not null) json.WriteString("error_description", result.ErrorDescription);
        }
        else
        {
            json.WriteString("access_token", result.AccessToken);
            if (result.RefreshToken is not null) json.WriteString("refresh_token", result.RefreshToken);
            json.WriteString("scope", result.Scope);
            json.WriteString("api_domain", SelfBase(context.Request, prefix));
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", result.ExpiresInSeconds);
        }
        json.WriteEndObject();
    }

    private static async Task Revoke(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? token = context.Request.Query["token"].FirstOrDefault() ?? form?["token"].FirstOrDefault();
        bool revoked = token is not null && context.RequestServices.GetRequiredService<TokenStore>().Revoke(token);
        await Results.Json(revoked ? new { status = "success" } : (object)new { status = "success", message = "The token was already invalid." }).ExecuteAsync(context);
    }

    private static async Task UserInfo(HttpContext context)
    {
        var (user, scopeMissing) = context.RequestServices.GetRequiredService<TokenStore>()
            .Authenticate(ZohoAuthorization.AccessToken(context.Request), "AaaServer.profile.READ");
        if (user is null || scopeMissing)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await Results.Json(new { code = user is null ? "INVALID_OAUTHTOKEN" : "OAUTH_SCOPE_MISMATCH", message = "invalid oauth token", status = "error" }).ExecuteAsync(context);
            return;
        }
        var person = context.RequestServices.GetRequiredService<CallCentreSimulation>().Centre.Users[user.Value];
        string[] names = person.Name.Split(' ', 2);
        await Results.Json(new Dictionary<string, object>
        {
            ["First_Name"] = names[0],
            ["Last_Name"] = names.Length > 1 ? names[1] : "",
            ["Display_Name"] = person.Name,
            ["Email"] = person.Email,
            ["ZUID"] = long.Parse(person.Zuid, System.Globalization.CultureInfo.InvariantCulture),
        }).ExecuteAsync(context);
    }

    internal static string Html(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    internal static async Task Page(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Html(title)}}</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f6f9; color: #1b2430; margin: 0; }
              main { max-width: 34rem; margin: 3rem auto; background: #fff; border: 1px solid #d8dee6; border-radius: 8px; padding: 1.5rem 2rem; }
              h1 { font-size: 1.4rem; margin-top: 0; } .note { color: #5b6676; font-size: .9rem; }
              fieldset { border: 0; padding: 0; margin: 1rem 0; } legend { font-weight: 600; margin-bottom: .5rem; }
              .user { display: flex; gap: .75rem; align-items: flex-start; padding: .6rem .75rem; border: 1px solid #d8dee6; border-radius: 6px; margin-bottom: .5rem; cursor: pointer; }
              .user:has(input:checked) { border-color: #1f4e79; background: #eef4fa; }
              .actions { display: flex; gap: .75rem; } button { font: inherit; padding: .5rem 1.25rem; border-radius: 6px; border: 1px solid #8a96a6; background: #fff; cursor: pointer; }
              button.primary { background: #1f4e79; border-color: #1f4e79; color: #fff; }
            </style></head>
            <body><main><h1>{{Html(title)}}</h1>{{body}}
            <p class="note">This is the Zoho Voice simulator's accounts server: the people here are demo users of a simulated call centre.</p>
            </main></body></html>
            """);
    }
}
