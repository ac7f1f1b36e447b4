using System.Net;
using System.Text.Json;
using System.Web;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Tests;

/// <summary>A clock that runs at real speed from a chosen moment, and can be moved forward.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private TimeSpan offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}

/// <summary>The standalone simulator (Zoho's own paths) on a free loopback port.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string ClientId = "1000.SIMULATORDEMO";
    public const string ClientSecret = "simulator-demo-secret";
    public const string RedirectUri = "http://127.0.0.1:9/callback";

    public static readonly string[] AllScopes =
        ["ZohoVoice.agents.READ", "ZohoVoice.agents.UPDATE", "ZohoVoice.sdk.READ", "AaaServer.profile.READ"];

    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, Uri baseAddress, MovableClock clock)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Clock = clock;
    }

    /// <summary>Where the simulator answers, with a trailing slash.</summary>
    public Uri BaseAddress { get; }
    public MovableClock Clock { get; }
    public CallCentreSimulation Simulation => app.Services.GetRequiredService<CallCentreSimulation>();
    public T Services<T>() where T : notnull => app.Services.GetRequiredService<T>();
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Tuesday 17 November 2026, 10:30 in New York: where a host's clock starts unless a test says otherwise.</summary>
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 17, 15, 30, 0, TimeSpan.Zero);

    public static async Task<SimulatorHost> StartAsync(DateTimeOffset? now = null, Action<SimulatorOptions>? configure = null)
    {
        var clock = new MovableClock(now ?? TuesdayMorning);
        var app = SimulatorProgram.Create(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(clock);
        }, configure);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("The simulator reported no address.");
        return new SimulatorHost(app, new Uri(address + "/"), clock);
    }

    public sealed record Tokens(string AccessToken, string? RefreshToken, JsonElement Answer);

    /// <summary>Signs a demo user in the way a browser would: the consent form, the redirect, the code exchange.</summary>
    public async Task<Tokens> SignInAsync(string zuid, string[]? scopes = null, bool offline = true)
    {
        var redirect = await ConsentAsync(zuid, scopes ?? AllScopes, offline, "accept");
        string code = HttpUtility.ParseQueryString(redirect.Query)["code"] ?? throw new InvalidOperationException("No code in " + redirect);
        var answer = await TokenAsync(new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri });
        return new Tokens(answer.GetProperty("access_token").GetString()!, answer.TryGetProperty("refresh_token", out var r) ? r.GetString() : null, answer);
    }

    /// <summary>Posts the consent form and returns where the simulator redirects the browser.</summary>
    public async Task<Uri> ConsentAsync(string zuid, string[] scopes, bool offline, string decision, Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = ClientId, ["scope"] = string.Join(',', scopes), ["redirect_uri"] = RedirectUri,
            ["state"] = "state-123", ["user"] = zuid, ["decision"] = decision,
        };
        if (offline) form["access_type"] = "offline";
        foreach (var (key, value) in extra ?? []) form[key] = value;
        using var response = await Http.PostAsync(new Uri(BaseAddress, "oauth/v2/auth"), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location ?? throw new InvalidOperationException("No redirect");
    }

    public async Task<JsonElement> TokenAsync(Dictionary<string, string> parameters, string clientSecret = ClientSecret)
    {
        parameters["client_id"] = ClientId;
        parameters["client_secret"] = clientSecret;
        using var response = await Http.PostAsync(new Uri(BaseAddress, "oauth/v2/token"), new FormUrlEncodedContent(parameters));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Zoho reports token errors with 200 too
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The foundation's Zoho client, pointed at this simulator with a fixed access token.</summary>
    public IZohoVoiceClient Client(string accessToken, TimeSpan? timeout = null)
    {
        var handler = new ZohoOAuthTokenHandler(new FixedToken(accessToken)) { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return ZohoVoiceClient.Over(http, Options.Create(new ZohoVoiceOptions { ApiBaseUrl = BaseAddress, RequestTimeout = timeout ?? TimeSpan.FromSeconds(60) }),
            NullLogger<ZohoVoiceClient>.Instance);
    }

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, pathAndQuery));
        if (accessToken is not null) request.Headers.TryAddWithoutValidation("Authorization", "Zoho-oauthtoken " + accessToken);
        return await Http.SendAsync(request);
    }

    public string AdminZuid => Simulation.Centre.Users[0].Zuid;
    public string SupervisorZuid(int supervisor) => Simulation.Centre.Users[supervisor + 1].Zuid;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class FixedToken(string token) : IZohoAccessTokenSource
    {
        public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken) => ValueTask.FromResult<ZohoAccess?>(new(token));
        public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken) => GetAccessAsync(userId, cancellationToken);
    }
}

internal static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;
}
