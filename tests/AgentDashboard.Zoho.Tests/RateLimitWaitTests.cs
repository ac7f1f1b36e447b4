using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Zoho.Tests;

/// <summary>
/// A 429 met while paging status changes: with a clock the fetch waits its Retry-After on that clock and asks for the
/// same page again; a wait beyond the bound, or no clock (callers that pace themselves), fails as before.
/// </summary>
public sealed class RateLimitWaitTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private static readonly StatusAuditQuery Query = new() { FromEpoch = 1, ToEpoch = 2, AgentIds = ["A"], TimeZone = "UTC" };

    /// <summary>Answers two hits a page for two pages, then none; the second page's first ask is a 429.</summary>
    private void ServeWithA429OnThePageAfterTheFirst(int retryAfterSeconds)
    {
        int calls = 0;
        server.Respond = context =>
        {
            int call = Interlocked.Increment(ref calls);
            if (call == 2)
            {
                context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return StubZohoServer.WriteJson(context, """{"code":"429","message":"Too many requests","status":"error"}""", StatusCodes.Status429TooManyRequests);
            }
            string hits = call <= 3 ? $$"""{"logid":"{{call}}a"},{"logid":"{{call}}b"}""" : "";
            return StubZohoServer.WriteJson(context, """{"code":"200","status":"SUCCESS","list":{"agentStatus":[{"agent_id":"A","dates":[{"start_timestamp":1,"index":0,"hits":[""" + hits + "]}]}]}}");
        };
    }

    /// <summary>Fires every timer at once and keeps the waits asked for.</summary>
    private sealed class RecordingClock : TimeProvider
    {
        public List<TimeSpan> Waits { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (Waits) Waits.Add(dueTime);
            return System.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }

    [Fact]
    public async Task The_page_is_asked_for_again_after_the_Retry_After_on_the_given_clock()
    {
        ServeWithA429OnThePageAfterTheFirst(retryAfterSeconds: 30);
        var clock = new RecordingClock();

        var agents = await server.CreateClient().GetAllStatusAuditAsync(Query, pageSize: 2, cancellationToken: Ct, rateLimitClock: clock);

        Assert.Equal(["1a", "1b", "3a", "3b"], Assert.Single(agents).AllHits.Select(h => h.LogId));
        Assert.Equal([TimeSpan.FromSeconds(30)], clock.Waits);
    }

    [Theory]
    [InlineData(30, false)]  // no clock: the caller paces itself
    [InlineData(120, true)]  // longer than the 60 s a fetch waits
    public async Task Without_a_clock_or_beyond_the_bound_the_429_fails_the_fetch(int retryAfterSeconds, bool withClock)
    {
        ServeWithA429OnThePageAfterTheFirst(retryAfterSeconds);

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => server.CreateClient()
            .GetAllStatusAuditAsync(Query, pageSize: 2, cancellationToken: Ct, rateLimitClock: withClock ? new RecordingClock() : null));

        Assert.Equal(ZohoFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), error.RetryAfter);
    }
}
