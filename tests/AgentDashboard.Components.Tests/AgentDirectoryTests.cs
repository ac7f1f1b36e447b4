using AgentDashboard.Web.Agents;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Components.Tests;

/// <summary>The one agent directory the live feeds, walls and period pages read: paged, and kept per identity and queue for a while.</summary>
public sealed class AgentDirectoryTests
{
    private readonly StillClock clock = new(PageContext.Now);
    private readonly FakeZoho zoho = new();
    private readonly List<OverviewQuery> asked = [];

    /// <summary>A queue of <paramref name="count"/> agents a0001..., served <paramref name="pageSize"/> at a time as Zoho pages them (or all at once when paging is ignored).</summary>
    private void Serve(int count, bool ignorePaging = false) => zoho.Overview = query =>
    {
        asked.Add(query);
        var all = Enumerable.Range(1, count).Select(i => new AgentAggregation { AgentId = $"a{i:0000}", AgentName = $"Agent {i:0000}" });
        var page = ignorePaging || query.Page is not { } p ? all.Take(100) : all.Skip(p.From).Take(p.Size);
        return new OverviewResponse { Overview = new OverviewBody { AgentMetrics = new OverviewAgentMetrics { IndividualAggregation = [.. page] } } };
    };

    [Fact]
    public async Task It_reads_a_queue_page_by_page_until_a_short_page()
    {
        Serve(230);
        var directory = new AgentDirectory(clock);

        var agents = await directory.GetAsync(zoho, "700100", ["q1"], CancellationToken.None);

        Assert.Equal(230, agents.Count);
        Assert.Equal(["a0001", "a0230"], new[] { agents[0].Id, agents[^1].Id });
        Assert.Equal([(0, 100), (100, 100), (200, 100)], asked.Select(q => (q.Page!.From, q.Page.Size)));
        Assert.All(asked, q => Assert.Equal(7 * 86_400_000L, q.ToEpoch - q.FromEpoch));
        Assert.Equal(PageContext.Now.ToUnixTimeMilliseconds(), asked[0].ToEpoch);
    }

    [Fact]
    public async Task A_server_that_ignores_paging_is_read_once_more_then_left()
    {
        Serve(100, ignorePaging: true);

        var agents = await new AgentDirectory(clock).GetAsync(zoho, "700100", ["q1"], CancellationToken.None);

        Assert.Equal(100, agents.Count);
        Assert.Equal(2, asked.Count);
    }

    [Fact]
    public async Task Answers_are_kept_per_identity_and_queue_until_they_expire()
    {
        Serve(3);
        var directory = new AgentDirectory(clock);

        await directory.GetAsync(zoho, "700100", ["q1"], CancellationToken.None);
        await directory.GetAsync(zoho, "700100", ["q1"], CancellationToken.None);
        Assert.Single(asked);

        await directory.GetAsync(zoho, "700200", ["q1"], CancellationToken.None); // another supervisor may see other agents
        await directory.GetAsync(zoho, "700100", ["q1", "q2"], CancellationToken.None);
        Assert.Equal(["q1", "q1", "q2"], asked.Select(q => q.QueueIds.Single()));

        clock.Now += TimeSpan.FromMinutes(9);
        await directory.GetAsync(zoho, "700100", ["q1"], CancellationToken.None);
        Assert.Equal(3, asked.Count);
        clock.Now += TimeSpan.FromMinutes(1);
        await directory.GetAsync(zoho, "700100", ["q1"], CancellationToken.None);
        Assert.Equal(4, asked.Count);
    }

    [Fact]
    public async Task An_agent_of_several_queues_is_listed_once_with_each_of_them()
    {
        zoho.Overview = query => new OverviewResponse
        {
            Overview = new OverviewBody
            {
                AgentMetrics = new OverviewAgentMetrics
                {
                    IndividualAggregation = query.QueueIds.Single() == "q1"
                        ? [new() { AgentId = "b", AgentName = "bea" }, new() { AgentId = "a", AgentName = "Ann" }]
                        : [new() { AgentId = "a", AgentName = "Ann" }, new() { AgentId = "c" }],
                },
            },
        };

        var agents = await new AgentDirectory(clock).GetAsync(zoho, "700100", ["q1", "q2"], CancellationToken.None);

        Assert.Equal(["Ann", "bea", "c"], agents.Select(a => a.Name));
        Assert.Equal(["q1", "q2"], agents[0].QueueIds);
        Assert.Equal(["q1"], agents[1].QueueIds);
        Assert.Equal(["q2"], agents[2].QueueIds);
    }
}
