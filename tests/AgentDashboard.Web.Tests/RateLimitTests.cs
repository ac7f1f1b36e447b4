using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Sign-in, wall pages and exports are limited per client address (set low here through the command line); beyond
/// the limit the answer is a 429 with Retry-After and a sentence, and other pages are not limited.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development",
            "--Dashboard:Limits:SignInPerMinute=2", "--Dashboard:Limits:WallPerMinute=2", "--Dashboard:Limits:ExportsPerMinute=2"]);
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Theory]
    [InlineData("/signin?returnUrl=/")]
    [InlineData("/wall/not-a-real-display-link")]
    [InlineData("/export/timeline.csv?agentIds=a&tz=UTC")]
    public async Task A_third_request_in_a_minute_from_one_address_is_a_429_with_Retry_After(string path)
    {
        for (int i = 0; i < 2; i++)
        {
            Assert.NotEqual((HttpStatusCode)429, (await http.GetAsync(path)).StatusCode);
        }

        var limited = await http.GetAsync(path);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        string body = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests from your address; try again in ", body);
        if (path.StartsWith("/wall/", StringComparison.Ordinal))
        {
            // An unattended wall must come back by itself: the page refreshes after the wait, without a script.
            Assert.Matches("<meta http-equiv=\"refresh\" content=\"[1-9][0-9]*\" />", body);
            Assert.DoesNotContain("<script", body);
        }
        else
        {
            Assert.StartsWith("Too many requests from your address; try again in ", body);
        }
    }

    [Fact]
    public async Task Other_pages_are_not_limited_and_each_kind_has_its_own_count()
    {
        for (int i = 0; i < 2; i++) await http.GetAsync("/signin?returnUrl=/");
        Assert.Equal((HttpStatusCode)429, (await http.GetAsync("/signin?returnUrl=/")).StatusCode);

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        }
        Assert.NotEqual((HttpStatusCode)429, (await http.GetAsync("/wall/not-a-real-display-link")).StatusCode);
    }

    [Fact]
    public void The_circuits_are_bounded_as_configured()
    {
        var circuits = host.Services<IOptions<CircuitOptions>>().Value;
        Assert.Equal(50, circuits.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromMinutes(2), circuits.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), circuits.JSInteropDefaultCallTimeout);
        Assert.Equal(5, circuits.MaxBufferedUnacknowledgedRenderBatches);

        // The circuits' hub is internal to the framework: its options are looked up by the hub's type name.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = (IOptions<HubOptions>)host.App.Services.GetService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)))!;
        Assert.Equal(32 * 1024, options.Value.MaximumReceiveMessageSize);
    }
}
