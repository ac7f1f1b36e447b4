using System.Text.Json;
using System.Web;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Zoho.Tests;

/// <summary>The paging helper walks every page over HTTP and merges agents and days.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private const long Day0 = 1729036800000;
    private const long Day = 86_400_000;

    private sealed record Hit(string Agent, long Time, string LogId);

    /// <summary>Serves <paramref name="hits"/> (in order) paged by from/size, grouped by agent and day as Zoho does.</summary>
    private void ServeHits(IReadOnlyList<Hit> hits, Action<string[]>? onRequest = null)
    {
        server.Respond = context =>
        {
            var query = HttpUtility.ParseQueryString(context.Request.QueryString.Value ?? "");
            int from = int.Parse(query["from"]!), size = int.Parse(query["size"]!);
            var asked = query["agentIds"]!.Split(',');
            onRequest?.Invoke(asked);
            var page = hits.Where(h => asked.Contains(h.Agent)).Skip(from).Take(size);
            var agents = page.GroupBy(h => h.Agent).Select(agent => new Dictionary<string, object?>
            {
                ["agent_id"] = agent.Key,
                ["agentName"] = "Agent " + agent.Key,
                ["previousResult"] = new Dictionary<string, object> { ["current_status"] = "Offline", ["current_action_time"] = Day0 - 1000 },
                ["dates"] = agent.GroupBy(h => (h.Time - Day0) / Day).Select(d => new Dictionary<string, object>
                {
                    ["start_timestamp"] = Day0 + d.Key * Day,
                    ["index"] = d.Key,
                    ["hits"] = d.Select(h => new Dictionary<string, object>
                    {
                        ["agent_id"] = h.Agent, ["current_action_time"] = h.Time, ["logid"] = h.LogId,
                        ["previous_status"] = "Offline", ["current_status"] = "Available",
                    }).ToList(),
                }).ToList(),
            }).ToList();
            string json = JsonSerializer.Serialize(new { code = "200", status = "SUCCESS", list = new { agentStatus = agents } });
            return StubZohoServer.WriteJson(context, json);
        };
    }

    private static readonly StatusAuditQuery Query = new()
    {
        FromEpoch = Day0, ToEpoch = Day0 + 3 * Day, AgentIds = ["A", "B"], TimeZone = "UTC",
    };

    [Fact]
    public async Task Every_page_is_fetched_and_agents_and_days_split_across_pages_are_merged()
    {
        var hits = new List<Hit>();
        foreach (string agent in new[] { "A", "B" })
        {
            for (int i = 0; i < 12; i++)
            {
                hits.Add(new Hit(agent, Day0 + i * 6 * 3_600_000L, $"{agent}-{i}")); // 4 a day over 3 days
            }
        }
        ServeHits(hits);
        var progress = new List<StatusAuditProgress>();

        var agents = await server.CreateClient().GetAllStatusAuditAsync(Query, new SynchronousProgress(progress), pageSize: 5, Ct);

        Assert.Equal(5, server.Requests.Count); // 24 hits in pages of 5: 5, 5, 5, 5, 4
        Assert.Equal(["0", "5", "10", "15", "20"], server.Requests.Select(r => HttpUtility.ParseQueryString(r.Query)["from"]));
        Assert.Equal(["A", "B"], agents.Select(a => a.AgentId));
        foreach (var agent in agents)
        {
            Assert.Equal(3, agent.Dates!.Count);
            Assert.Equal([Day0, Day0 + Day, Day0 + 2 * Day], agent.Dates.Select(d => d.StartTimestamp!.Value));
            Assert.All(agent.Dates, d => Assert.Equal(4, d.Hits!.Count));
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"{agent.AgentId}-{i}"), agent.AllHits.Select(h => h.LogId));
            Assert.Equal("Offline", agent.PreviousResult!.CurrentStatus);
        }
        Assert.Equal([5, 10, 15, 20, 24], progress.Select(p => p.HitsFetched));
        Assert.Equal(5, progress[^1].PagesFetched);
        Assert.Equal(2, progress[^1].AgentsSeen);
    }

    [Fact]
    public async Task A_hit_served_twice_while_paging_is_kept_once()
    {
        var hits = new List<Hit>
        {
            new("A", Day0 + 1000, "x1"), new("A", Day0 + 2000, "x2"),
            new("A", Day0 + 2000, "x2"), new("A", Day0 + 3000, "x3"),
        };
        ServeHits(hits);
        var agents = await server.CreateClient().GetAllStatusAuditAsync(Query, pageSize: 2, cancellationToken: Ct);
        Assert.Equal(["x1", "x2", "x3"], Assert.Single(agents).AllHits.Select(h => h.LogId));
        Assert.Equal(3, server.Requests.Count); // 2 + 2 + an empty page that ends the walk
    }

    [Fact]
    public async Task An_empty_window_takes_one_request()
    {
        ServeHits([]);
        var agents = await server.CreateClient().GetAllStatusAuditAsync(Query, cancellationToken: Ct);
        Assert.Empty(agents);
        Assert.Single(server.Requests);
        Assert.Equal("1000", HttpUtility.ParseQueryString(server.Requests.Single().Query)["size"]);
    }

    [Fact]
    public async Task A_failing_page_fails_the_whole_fetch_with_the_typed_error()
    {
        int calls = 0;
        server.Respond = context =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                return StubZohoServer.WriteJson(context, """{"code":"500","message":"boom","status":"error"}""", 500);
            }
            return StubZohoServer.WriteJson(context, """{"code":"200","status":"SUCCESS","list":{"agentStatus":[{"agent_id":"A","dates":[{"start_timestamp":1,"index":0,"hits":[{"logid":"1"},{"logid":"2"}]}]}]}}""");
        };
        var error = await Assert.ThrowsAsync<Http.ZohoApiException>(() =>
            server.CreateClient().GetAllStatusAuditAsync(Query, pageSize: 2, cancellationToken: Ct));
        Assert.Equal(Http.ZohoFailureKind.ServerError, error.Kind);
    }

    [Fact]
    public async Task More_agents_than_one_request_takes_are_fetched_a_group_at_a_time()
    {
        var hits = Enumerable.Range(0, 150).Select(i => new Hit($"agent{i:D3}", Day0 + i * 1000, $"log{i}")).ToList();
        var served = new List<string>();
        ServeHits(hits, onRequest: ids => { lock (served) served.AddRange(ids); });
        var query = Query with { AgentIds = hits.Select(h => h.Agent).ToList() };

        var agents = await server.CreateClient().GetAllStatusAuditAsync(query, cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(query.AgentIds, served);
        Assert.Equal(query.AgentIds, agents.Select(a => a.AgentId));
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests need each report in order, now.</summary>
    private sealed class SynchronousProgress(List<StatusAuditProgress> reports) : IProgress<StatusAuditProgress>
    {
        public void Report(StatusAuditProgress value) => reports.Add(value);
    }
}
