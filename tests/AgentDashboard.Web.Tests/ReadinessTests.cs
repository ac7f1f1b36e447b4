using System.Net;

namespace AgentDashboard.Web.Tests;

/// <summary><c>/readyz</c>: ready when the store and the upstream answer, each check on a line in words; 503 when one does not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task The_demo_is_ready_when_its_store_and_simulator_answer_and_says_so_without_signing_in()
    {
        await using var host = await DashboardHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Address };

        using var response = await http.GetAsync("/readyz");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", lines[0]);
        Assert.Matches(@"^store: ok, Sqlite \(\d+ ms\)$", lines[1]);
        Assert.Matches(@"^simulator: ok, answered 200 \(\d+ ms\)$", lines[2]);
    }

    [Fact]
    public async Task Against_a_Zoho_address_nothing_answers_it_is_not_ready_and_says_which()
    {
        int nobody = DashboardHost.FreePort();
        await using var host = await DashboardHost.StartAsync(
            ["--Dashboard:Mode=Zoho", "--Zoho:ClientId=1000.TEST", "--Zoho:ClientSecret=test-secret", $"--Zoho:ApiBaseUrl=http://127.0.0.1:{nobody}/"]);
        using var http = new HttpClient { BaseAddress = host.Address };

        using var response = await http.GetAsync("/readyz");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("not ready", lines[0]);
        Assert.StartsWith("store: ok, Sqlite", lines[1]);
        Assert.Matches(@"^zoho: failing, not reachable \(ConnectionError\) \(\d+ ms\)$", lines[2]);
    }
}
