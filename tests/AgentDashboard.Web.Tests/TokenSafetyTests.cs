using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Web.Tests;

/// <summary>The tokens under pressure: a refresh racing sign-out, and a client registration Zoho refuses.</summary>
public sealed class TokenSafetyTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private readonly HeldRefresh held = new();
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private DashboardHost host = null!;
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync() => host = await Start();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<DashboardHost> Start(string? dataPath = null, int port = 0, params string[] args) =>
        DashboardHost.StartAsync(["--environment=Development", "--Simulator:AccessTokenLifetime=00:10:00", .. args], builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddHttpClient(ZohoTokenService.AccountsHttpClient).AddHttpMessageHandler(() => new HeldRefreshHandler(held));
        }, dataPath, port, clock);

    private User Supervisor => host.Services<CallCentreSimulation>().Centre.Users[1];
    private Task<StoredZohoTokens?> Stored() => host.Services<IZohoTokenStore>().GetAsync(Supervisor.Zuid, Ct);

    [Fact]
    public async Task A_refresh_in_flight_cannot_overwrite_the_refresh_token_a_new_sign_in_brought()
    {
        using var office = new SignInFlow(host.Address);
        await office.SignInAsync(Supervisor.Zuid);
        clock.Advance(TimeSpan.FromMinutes(10)); // the access token has expired: the next page refreshes it
        held.HoldNextRefresh();

        var page = office.PageAsync();
        await held.RefreshAnswered.WaitAsync(TimeSpan.FromSeconds(30));
        using var laptop = new SignInFlow(host.Address); // a browser the dashboard does not know: it brings a new refresh token
        var signIn = laptop.SignInAsync(Supervisor.Zuid);
        // Without the lock the sign-in finishes while the refresh is held; with it, it waits for the refresh (here, 2 s at most).
        await Task.WhenAny(signIn, Task.Delay(TimeSpan.FromSeconds(2)));
        held.Release();
        await page;
        await signIn;

        // The refresh token kept is the new one, alive at Zoho; the old one was revoked, and nobody was signed out.
        string page2 = await laptop.PageAsync();
        Assert.Contains("id=\"own-status\"", page2);
        Assert.DoesNotContain("Your Zoho session ended", page2);
        string kept = (await Stored())!.RefreshToken!;
        var answer = await new AgentDashboard.Zoho.ZohoAccountsClient(new HttpClient()).RefreshAsync(new Uri(host.Address, "zoho-sim"),
            ZohoSignInOptions.DemoClientId, ZohoSignInOptions.DemoClientSecret, kept, Ct);
        Assert.Null(answer.Error);
        Assert.Equal(1, host.Services<Simulator.Accounts.TokenStore>().Count(Supervisor.Index).RefreshTokens);
    }

    [Fact]
    public async Task A_client_secret_zoho_refuses_is_an_operator_error_and_signs_nobody_out()
    {
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Supervisor.Zuid);
        var before = await Stored();
        var (dataPath, port) = (host.DataPath, host.Address.Port);
        await StopKeepingData();

        // Restarted with a wrong secret: the simulator forgot its access tokens, so the first call needs a refresh.
        host = await Start(dataPath, port, "--Zoho:ClientSecret=not-the-registered-secret");
        string page = await browser.PageAsync();
        Assert.Contains("Zoho refused this dashboard&#x27;s client registration", page);
        Assert.DoesNotContain("Your Zoho session ended", page);
        Assert.Equal(before!.RefreshToken, (await Stored())!.RefreshToken);
        Assert.Contains(logs.Lines, line => line.Contains("invalid_client", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("not-the-registered-secret", StringComparison.Ordinal));
        await StopKeepingData();

        host = await Start(dataPath, port); // the operator fixed the setting: everyone is still signed in
        page = await browser.PageAsync();
        Assert.Contains($"Signed in as {Supervisor.Name}", page);
        Assert.Contains("id=\"own-status\"", page);
    }

    private async Task StopKeepingData()
    {
        await host.App.StopAsync();
        await host.App.DisposeAsync();
    }

    [Fact]
    public void A_token_record_never_prints_its_tokens()
    {
        var tokens = new StoredZohoTokens("4100", new Uri("https://accounts.zoho.eu"), new Uri("https://voice.zoho.eu"),
            "1000.access-secret", DateTimeOffset.UnixEpoch, "1000.refresh-secret");

        string printed = tokens.ToString();

        Assert.DoesNotContain("access-secret", printed);
        Assert.DoesNotContain("refresh-secret", printed);
        Assert.Contains("4100", printed);
        Assert.DoesNotContain("access-secret", $"{new { Tokens = tokens }}");
    }

    /// <summary>Holds the next refresh after Zoho answered it, until released.</summary>
    private sealed class HeldRefresh
    {
        private TaskCompletionSource release = Released();
        private bool holdNext;

        public TaskCompletionSource Answered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task RefreshAnswered => Answered.Task;

        public void HoldNextRefresh()
        {
            release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            holdNext = true;
        }

        public void Release() => release.TrySetResult();

        public Task TakeHold()
        {
            if (!holdNext) return Task.CompletedTask;
            holdNext = false;
            Answered.TrySetResult();
            return release.Task;
        }

        private static TaskCompletionSource Released()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }

    private sealed class HeldRefreshHandler(HeldRefresh held) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var response = await base.SendAsync(request, cancellationToken);
            if ((body + request.RequestUri!.Query).Contains("grant_type=refresh_token", StringComparison.Ordinal))
            {
                await held.TakeHold();
            }
            return response;
        }
    }
}
