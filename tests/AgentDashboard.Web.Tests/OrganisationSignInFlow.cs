using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using AgentDashboard.Simulator.Accounts;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A browser's organisation sign-in scripted over HTTP against the simulator's OpenID Connect authority: the gate's
/// challenge, the authority's sign-in page, its form_post back to the dashboard. Uses a <see cref="SignInFlow"/>'s
/// cookie jar, so the same browser can then connect Zoho.
/// </summary>
public static partial class OrganisationSignInFlow
{
    public const string ClientId = "1000.SIMULATORDEMO";
    public const string ClientSecret = "simulator-demo-secret";

    /// <summary>Settings that put the simulator's authority, inside the dashboard at <paramref name="port"/>, in front of it.</summary>
    public static string[] Settings(int port) =>
    [
        "--environment=Development",
        "--Dashboard:OrganisationSignIn:Enabled=true",
        $"--Dashboard:OrganisationSignIn:Instance=http://127.0.0.1:{port}/zoho-sim/oidc/",
        $"--Dashboard:OrganisationSignIn:TenantId={OrganisationDirectory.TenantId}",
        $"--Dashboard:OrganisationSignIn:ClientId={ClientId}",
        $"--Dashboard:OrganisationSignIn:ClientSecret={ClientSecret}",
        $"--Dashboard:OrganisationSignIn:AllowedGroups:0={OrganisationDirectory.SupervisorsGroup}",
        $"--Dashboard:OrganisationSignIn:AllowedRoles:0={OrganisationDirectory.SupervisorRole}",
    ];

    /// <summary>The authority's address a challenge of the gate sends the browser to.</summary>
    public static Uri AuthorityPath(Uri host) => new(host, $"zoho-sim/oidc/{OrganisationDirectory.TenantId}/v2.0/");

    /// <summary>Asks for <paramref name="path"/>, signs in at the authority as <paramref name="objectId"/>, and returns where the dashboard sends the browser next.</summary>
    public static async Task<Uri> SignInToOrganisationAsync(this SignInFlow browser, string objectId, string path = "/")
    {
        using var challenge = await browser.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location ?? throw new Xunit.Sdk.XunitException("the challenge had no address");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        var form = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        form["person"] = objectId;
        form["decision"] = "accept";
        using var consent = await browser.Http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        string page = await consent.Content.ReadAsStringAsync();
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => HttpUtility.HtmlDecode(m.Groups[2].Value));
        var action = new Uri(HttpUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value));
        using var callback = await browser.Http.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return new Uri(browser.Http.BaseAddress!, callback.Headers.Location!);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\" id=\"form-post\">")]
    private static partial Regex FormAction();
}
