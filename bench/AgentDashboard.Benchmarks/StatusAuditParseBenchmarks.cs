using System.Net;
using System.Text.Json;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// A 200-agent x 31-day status-audit answer parsed from a stream. Targets: at least 100 MB/s, and
/// allocations under 2x the payload size.
/// </summary>
public class StatusAuditParseBenchmarks
{
    private static readonly Lazy<byte[]> Body = new(() => StatusAuditPayload.Generate(agents: 200, days: 31, hitsPerDay: 24));
    private ZohoVoiceClient client = null!;

    public static long PayloadBytes => Body.Value.Length;

    [GlobalSetup]
    public void Setup()
    {
        Console.WriteLine($"// Payload: {Body.Value.Length / 1e6:0.0} MB, 200 agents x 31 days x 24 hits");
        var http = new HttpClient(new ZohoOAuthTokenHandler(new FixedToken()) { InnerHandler = new ReplayHandler(Body.Value) })
        {
            BaseAddress = new Uri("http://zoho.invalid/"),
        };
        client = ZohoVoiceClient.Over(http, Options.Create(new ZohoVoiceOptions { RequestTimeout = TimeSpan.FromMinutes(5) }), NullLogger<ZohoVoiceClient>.Instance);
    }

    /// <summary>The wire models read straight from a stream by the source-generated context.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> DeserializeFromStream()
    {
        using var stream = new MemoryStream(Body.Value, writable: false);
        var answer = await JsonSerializer.DeserializeAsync(stream, ZohoJsonContext.Default.StatusAuditResponse);
        return answer?.Agents.Count ?? 0;
    }

    /// <summary>The whole client path: handler, status checks, streaming read, envelope check.</summary>
    [Benchmark]
    public async Task<int> ThroughTheClient()
    {
        var answer = await client.GetStatusAuditAsync(new StatusAuditQuery
        {
            FromEpoch = 1727740800000, ToEpoch = 1730419200000, AgentIds = ["3029000000002015"], TimeZone = "UTC",
        }, CancellationToken.None);
        return answer.Agents.Count;
    }

    private sealed class ReplayHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new("application/json") { CharSet = "UTF-8" };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    private sealed class FixedToken : IZohoAccessTokenSource
    {
        public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken) => ValueTask.FromResult<ZohoAccess?>(new("bench-token"));
        public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken) => GetAccessAsync(userId, cancellationToken);
    }
}
