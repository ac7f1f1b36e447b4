using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Simulator.Voice;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Faults;

/// <summary>Faults on demand for reliability tests: latency, 5xx, 429 bursts, an outage. Off by default.</summary>
public sealed class FaultInjector(IOptions<SimulatorOptions> options)
{
    private readonly object gate = new();
    private FaultSettings settings = options.Value.Faults;
    private int rateLimitLeft = options.Value.Faults.RateLimitBurst;
    private readonly Random random = new(options.Value.Seed);

    private int injected;

    public FaultSettings Current
    {
        get { lock (gate) return settings; }
    }

    /// <summary>Voice calls answered with an injected failure (503, 429 or 500) so far: what a client had to cope with.</summary>
    public int Injected => Volatile.Read(ref injected);

    public void Set(FaultSettings faults)
    {
        lock (gate)
        {
            settings = faults;
            rateLimitLeft = faults.RateLimitBurst;
        }
    }

    /// <summary>Delays or fails the Voice call now being answered, as the current settings say.</summary>
    internal async Task ApplyAsync(HttpContext context)
    {
        FaultSettings now;
        bool limited, failed;
        lock (gate)
        {
            now = settings;
            limited = rateLimitLeft > 0;
            if (limited) rateLimitLeft--;
            failed = now.ErrorRate > 0 && random.NextDouble() < now.ErrorRate;
        }
        if (now.LatencyMs > 0)
        {
            await Task.Delay(now.LatencyMs, context.RequestAborted);
        }
        if (now.Down || limited || failed)
        {
            Interlocked.Increment(ref injected);
        }
        if (now.Down)
        {
            throw new ZohoError(StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE", "Zoho Voice is temporarily unavailable.");
        }
        if (limited)
        {
            context.Response.Headers.RetryAfter = now.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new ZohoError(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS", "Too many requests; retry after the time given.");
        }
        if (failed)
        {
            throw new ZohoError(StatusCodes.Status500InternalServerError, "INTERNAL_ERROR", "An internal error occurred.");
        }
    }
}
