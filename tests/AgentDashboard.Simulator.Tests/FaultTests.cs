using System.Net.Http.Json;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Simulator.Tests;

/// <summary>Faults on demand, seen through the Zoho client as the dashboard will see them.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private string accessToken = null!;
    private AgentDashboard.Zoho.IZohoVoiceClient client = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync()
    {
        host = await SimulatorHost.StartAsync();
        accessToken = (await host.SignInAsync(host.AdminZuid)).AccessToken;
        // The client's default time-out: a short one would fail a cold first request on a busy machine.
        client = host.Client(accessToken);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task SetFaults(object faults)
    {
        using var response = await host.Http.PutAsJsonAsync(new Uri(host.BaseAddress, "sim/faults"), faults);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Faults_are_off_by_default()
    {
        var faults = await host.Http.GetFromJsonAsync<FaultSettings>(new Uri(host.BaseAddress, "sim/faults"));
        Assert.Equal(new FaultSettings(), faults);
        await client.GetOwnOnlineStatusAsync(Ct);
    }

    [Fact]
    public async Task A_429_burst_carries_retry_after_and_then_passes()
    {
        await SetFaults(new { rateLimitBurst = 2, retryAfterSeconds = 4 });
        for (int i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<ZohoApiException>(() => client.GetOwnOnlineStatusAsync(Ct));
            Assert.Equal(ZohoFailureKind.RateLimited, error.Kind);
            Assert.Equal(TimeSpan.FromSeconds(4), error.RetryAfter);
        }
        await client.GetOwnOnlineStatusAsync(Ct);
    }

    [Fact]
    public async Task An_error_rate_of_one_fails_every_call_with_5xx_and_an_outage_with_503()
    {
        await SetFaults(new { errorRate = 1.0 });
        Assert.Equal(ZohoFailureKind.ServerError, (await Assert.ThrowsAsync<ZohoApiException>(() => client.GetOwnOnlineStatusAsync(Ct))).Kind);

        await SetFaults(new { down = true });
        var outage = await Assert.ThrowsAsync<ZohoApiException>(() => client.GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, outage.HttpStatus);

        await SetFaults(new { });
        await client.GetOwnOnlineStatusAsync(Ct);
    }

    [Fact]
    public async Task Latency_beyond_the_clients_limit_is_a_time_out()
    {
        await SetFaults(new { latencyMs = 5000 });
        var impatient = host.Client(accessToken, timeout: TimeSpan.FromMilliseconds(400));
        Assert.Equal(ZohoFailureKind.Timeout, (await Assert.ThrowsAsync<ZohoApiException>(() => impatient.GetOwnOnlineStatusAsync(Ct))).Kind);
    }

    [Fact]
    public async Task Impossible_fault_settings_are_refused()
    {
        using var response = await host.Http.PutAsJsonAsync(new Uri(host.BaseAddress, "sim/faults"), new { errorRate = 2.0 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("errorRate must be between 0 and 1", await response.Content.ReadAsStringAsync());
    }
}
