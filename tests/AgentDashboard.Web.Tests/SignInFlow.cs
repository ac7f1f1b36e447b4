using System.Net;
using System.Text.RegularExpressions;
using System.Web;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A browser's sign-in scripted over HTTP: the dashboard's challenge, the simulator's consent form, the callback.
/// Each instance is one browser (one cookie jar). The host must run in Development, where cookies are not Secure-only.
/// </summary>
public sealed partial class SignInFlow : IDisposable
{
    public CookieContainer Cookies { get; } = new();
    public HttpClient Http { get; }
    private readonly Uri host;

    public SignInFlow(Uri host)
    {
        this.host = host;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts sign-in and returns the simulator's authorize address the dashboard sends the browser to.</summary>
    public async Task<Uri> ChallengeAsync(string returnUrl = "/")
    {
        using var response = await Http.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Accepts on the simulator's consent page as <paramref name="zuid"/>; returns the callback address.</summary>
    public async Task<Uri> ConsentAsync(Uri authorize, string zuid)
    {
        var form = HttpUtility.ParseQueryString(authorize.Query).AllKeys.ToDictionary(k => k!, k => HttpUtility.ParseQueryString(authorize.Query)[k]!);
        form["user"] = zuid;
        form["decision"] = "accept";
        using var response = await Http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Follows the callback; returns where the dashboard sends the browser next.</summary>
    public async Task<Uri> CallbackAsync(Uri callback)
    {
        using var response = await Http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(host, response.Headers.Location!);
    }

    public async Task SignInAsync(string zuid) => await CallbackAsync(await ConsentAsync(await ChallengeAsync(), zuid));

    public async Task<string> PageAsync(string path = "/") => await Http.GetStringAsync(path);

    /// <summary>Posts the sign-out form of a page, antiforgery token included, as the browser would.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string action = "/signout") => await PostFormAsync(action, await AntiforgeryTokenAsync());

    /// <summary>The antiforgery token a page's forms carry.</summary>
    public async Task<string> AntiforgeryTokenAsync() => AntiforgeryField().Match(await PageAsync()).Groups[1].Value;

    /// <summary>Posts a page's form (sign-out, sign-out everywhere) with a token read earlier.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, string antiforgeryToken) =>
        await Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgeryToken }));

    /// <summary>This browser's cookies as a request header, to replay them from elsewhere (a stolen or old cookie).</summary>
    public string CookieHeader => Cookies.GetCookieHeader(host);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
