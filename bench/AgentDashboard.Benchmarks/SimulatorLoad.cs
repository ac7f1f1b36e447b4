using System.Diagnostics;
using System.Text.Json;
using System.Web;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Load on the simulator over loopback HTTP: a 2,000-agent centre answers a 31-day status audit for every agent
/// (through the Zoho client, all pages), then v2 online status under concurrent load for a bounded time.
/// Options: --agents N (2000), --seconds S (10), --workers W (8). Prints its figures.
/// </summary>
internal static class SimulatorLoad
{
    public static async Task RunAsync(string[] args)
    {
        int agents = Option(args, "--agents", 2000), seconds = Option(args, "--seconds", 10), workers = Option(args, "--workers", 8);
        await using var app = SimulatorProgram.Create(["--urls=http://127.0.0.1:0"], builder => builder.Logging.ClearProviders(), o => o.AgentCount = agents);
        await app.StartAsync();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        var simulation = app.Services.GetRequiredService<CallCentreSimulation>();
        string token = await SignInAsync(baseAddress, simulation.Centre.Users[0].Zuid);
        var client = Client(baseAddress, token);
        var ids = simulation.Centre.Agents.Select(a => a.Id).ToList();
        Console.WriteLine($"Simulator: {ids.Count} agents, {simulation.Centre.Queues.Count} queues, {Environment.ProcessorCount} cores, loopback HTTP, client and server in one process.");

        var today = simulation.OrgDate(simulation.Now);
        var query = new StatusAuditQuery
        {
            FromEpoch = simulation.DayStart(today.AddDays(-31)), ToEpoch = simulation.DayStart(today), AgentIds = ids, TimeZone = simulation.Centre.TimeZone.Id,
        };
        foreach (string run in new[] { "cold (31 days simulated on demand)", "warm (days cached)" })
        {
            int pages = 0;
            var clock = Stopwatch.StartNew();
            var all = await client.GetAllStatusAuditAsync(query, new Progress(p => pages = p.PagesFetched), pageSize: 50_000);
            clock.Stop();
            long hits = all.Sum(a => a.AllHits.LongCount());
            Console.WriteLine($"Status audit, {all.Count} agents x 31 days, {run}: {hits:N0} hits in {pages} pages, {clock.Elapsed.TotalSeconds:0.00} s ({hits / clock.Elapsed.TotalSeconds:N0} hits/s)");
        }
        using (var raw = new HttpClient { BaseAddress = baseAddress })
        {
            raw.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Zoho-oauthtoken " + token);
            var clock = Stopwatch.StartNew();
            var bytes = await raw.GetByteArrayAsync($"rest/json/zv/metrics/statusaudit/list?agentIds={string.Join(',', ids.Take(100))}&fromEpoch={query.FromEpoch}&toEpoch={query.ToEpoch}&tz={query.TimeZone}");
            Console.WriteLine($"One unpaged answer, 100 agents x 31 days: {bytes.Length / 1e6:0.0} MB in {clock.Elapsed.TotalMilliseconds:0} ms");
        }

        var batch = ids.Take(ZohoVoiceClient.MaxIdsPerRequest).ToList();
        var latencies = new List<double>[workers];
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = [];
            var workerClient = Client(baseAddress, token);
            while (DateTime.UtcNow < stop)
            {
                var one = Stopwatch.StartNew();
                await workerClient.GetAgentsOnlineStatusAsync(batch, CancellationToken.None);
                mine.Add(one.Elapsed.TotalMilliseconds);
            }
        }));
        total.Stop();
        var all100 = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine($"v2 online status, {batch.Count} agents per request, {workers} concurrent clients for {seconds} s: " +
            $"{all100.Count / total.Elapsed.TotalSeconds:N0} requests/s, p50 {all100[all100.Count / 2]:0.0} ms, p99 {all100[(int)(all100.Count * 0.99)]:0.0} ms");
        Console.WriteLine($"Server process: {Process.GetCurrentProcess().WorkingSet64 / 1e6:0} MB working set");
        await app.StopAsync();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) ? value : fallback;
    }

    private static async Task<string> SignInAsync(Uri baseAddress, string zuid)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        const string redirect = "http://127.0.0.1:9/callback";
        using var consent = await http.PostAsync("oauth/v2/auth", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = "1000.SIMULATORDEMO", ["redirect_uri"] = redirect, ["user"] = zuid, ["decision"] = "accept",
            ["scope"] = "ZohoVoice.agents.READ,ZohoVoice.sdk.READ",
        }));
        string code = HttpUtility.ParseQueryString(consent.Headers.Location!.Query)["code"]!;
        using var token = await http.PostAsync("oauth/v2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "1000.SIMULATORDEMO", ["client_secret"] = "simulator-demo-secret", ["code"] = code,
        }));
        return JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    private static ZohoVoiceClient Client(Uri baseAddress, string token) =>
        ZohoVoiceClient.Over(new HttpClient(new ZohoOAuthTokenHandler(new Token(token)) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = baseAddress },
            Options.Create(new ZohoVoiceOptions { ApiBaseUrl = baseAddress, RequestTimeout = TimeSpan.FromMinutes(5) }), NullLogger<ZohoVoiceClient>.Instance);

    private sealed class Token(string token) : IZohoAccessTokenSource
    {
        public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken) => ValueTask.FromResult<ZohoAccess?>(new(token));
        public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken) => GetAccessAsync(userId, cancellationToken);
    }

    private sealed class Progress(Action<StatusAuditProgress> report) : IProgress<StatusAuditProgress>
    {
        public void Report(StatusAuditProgress value) => report(value);
    }
}
