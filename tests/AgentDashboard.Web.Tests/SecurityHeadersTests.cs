using System.Net;

namespace AgentDashboard.Web.Tests;

/// <summary>The headers every answer carries, read over HTTP from the real host.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Theory]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData("app.css", HttpStatusCode.OK)]
    [InlineData("js/clock.js", HttpStatusCode.OK)]
    [InlineData("live", HttpStatusCode.Redirect)]
    [InlineData("no-such-page", HttpStatusCode.NotFound)]
    [InlineData("export/timeline.csv", HttpStatusCode.Redirect)]
    public async Task Every_answer_tells_the_browser_not_to_guess_its_type(string path, HttpStatusCode status)
    {
        using var response = await http.GetAsync(new Uri(host.Address, path));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Referrer-Policy")); // pages other than walls keep the browser's default
    }

    [Fact]
    public async Task A_wall_never_sends_its_address_on_as_a_referrer()
    {
        using var response = await http.GetAsync(new Uri(host.Address, "wall/not-a-real-token"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // an unknown link (DisplayLinkHttpTests)
        Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }
}
