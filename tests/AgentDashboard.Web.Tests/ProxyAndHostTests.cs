using System.Net;
using System.Web;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Behind a reverse proxy: forwarded headers believed only from configured proxies (so sign-in's redirect URI is
/// https behind a TLS proxy, with HSTS), host names limited by AllowedHosts, and the content policy's frame rules.
/// </summary>
public sealed class ProxyAndHostTests
{
    private static HttpClient NoRedirects() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    /// <summary>GET /signin as a TLS proxy would send it for a browser at https://dashboard.example.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProxyAsync(HttpClient http, DashboardHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Address, "signin"));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "dashboard.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await http.SendAsync(request);
    }

    private static string? RedirectUri(HttpResponseMessage challenge) =>
        HttpUtility.ParseQueryString(challenge.Headers.Location?.Query ?? "")["redirect_uri"];

    [Fact]
    public async Task Forwarded_headers_from_a_configured_proxy_make_sign_in_https_with_hsts()
    {
        await using var host = await DashboardHost.StartAsync(["--Dashboard:KnownProxies:0=127.0.0.1"]);
        using var http = NoRedirects();

        using var challenge = await SignInThroughProxyAsync(http, host);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("https://dashboard.example/signin-zoho", RedirectUri(challenge));
        Assert.StartsWith("https://dashboard.example/zoho-sim/oauth/v2/auth?", challenge.Headers.Location?.ToString());
        Assert.Equal(["max-age=31536000"], challenge.Headers.GetValues("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("--Dashboard:KnownProxies:0=10.1.2.3", "--Dashboard:KnownNetworks:0=192.168.0.0/16")] // other proxies named
    [InlineData] // none named: the framework would otherwise believe anyone
    public async Task Forwarded_headers_from_anyone_but_a_configured_proxy_are_ignored(params string[] proxies)
    {
        await using var host = await DashboardHost.StartAsync(proxies);
        using var http = NoRedirects();

        using var challenge = await SignInThroughProxyAsync(http, host);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(new Uri(host.Address, "signin-zoho").ToString(), RedirectUri(challenge));
        Assert.False(challenge.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_configured_host_list_refuses_other_host_names()
    {
        await using var host = await DashboardHost.StartAsync(["--AllowedHosts=dashboard.example;127.0.0.1"]);
        using var http = NoRedirects();

        using var other = new HttpRequestMessage(HttpMethod.Get, host.Address);
        other.Headers.Host = "evil.example";
        using var refused = await http.SendAsync(other);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var named = new HttpRequestMessage(HttpMethod.Get, host.Address);
        named.Headers.Host = "dashboard.example";
        using var served = await http.SendAsync(named);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Walls_may_be_framed_by_configured_signage_players_and_nothing_else_may_be_framed()
    {
        await using var host = await DashboardHost.StartAsync(["--Dashboard:WallFrameAncestors:0=https://signage.example", "--Dashboard:WallFrameAncestors:1=https://*.players.example"]);
        using var http = NoRedirects();

        using var wall = await http.GetAsync(new Uri(host.Address, "wall/not-a-real-token"));
        string wallPolicy = string.Join(",", wall.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://signage.example https://*.players.example", wallPolicy);
        Assert.Contains("script-src 'self';", wallPolicy);

        foreach (string path in new[] { "", "live", "displays", "signin-problem?reason=Denied" })
        {
            using var page = await http.GetAsync(new Uri(host.Address, path));
            string policy = string.Join(",", page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("script-src 'self';", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
        }

        await using var plain = await DashboardHost.StartAsync();
        using var plainWall = await http.GetAsync(new Uri(plain.Address, "wall/not-a-real-token"));
        Assert.EndsWith("frame-ancestors 'self'", string.Join(",", plainWall.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void Proxies_and_frame_ancestors_that_cannot_be_read_are_named()
    {
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-proxy-" + Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}",
                "--Dashboard:Mode=Demo", "--Dashboard:KnownProxies:0=proxy.internal", "--Dashboard:KnownNetworks:0=10.0.0.0/33",
                "--Dashboard:WallFrameAncestors:0=https://signage.example/player; script-src *"]));
            // One section's failures, reported once per section that reads it.
            var failures = (error is AggregateException many ? many.InnerExceptions : [error]).Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            Assert.Contains("Dashboard:KnownProxies:0 is \"proxy.internal\", which is not an IP address such as 10.0.0.5.", failures);
            Assert.Contains("Dashboard:KnownNetworks:0 is \"10.0.0.0/33\", which is not a network such as 10.0.0.0/8.", failures);
            Assert.Contains("Dashboard:WallFrameAncestors:0 is \"https://signage.example/player; script-src *\", which is not an origin such as https://signage.example.com.", failures);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }
}
