using System.Diagnostics;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;
using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A status change made through one instance shows at once on another's feed, on PostgreSQL, with feeds that poll once
/// a minute: the announcement brings it, not a poll; the instance that polls publishes the changed board.
/// </summary>
[Collection(SeveralInstances.Name)]
public sealed class InstantChangeScaleOutTests : IAsyncLifetime
{
    private ScaleOutCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await ScaleOutCluster.StartAsync(instances: 2, pollInterval: TimeSpan.FromMinutes(1));

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private static bool Polled(BoardSnapshot board) => !board.Agents.IsEmpty && board.Agents.All(a => a.Status is not null || a.Error is not null);

    [Fact]
    public async Task A_change_made_through_the_instance_that_does_not_poll_shows_on_the_one_that_does_and_is_published()
    {
        using (var browser = new SignInFlow(cluster.Instances[0].Address))
        {
            await browser.SignInAsync(cluster.Supervisor.Zuid);
        }
        var scope = LiveScope.Queues(cluster.Watched.Id);
        var viewers = cluster.Instances.Select(host => (Host: host, Subscription: host.Services<ILiveFeeds>().Subscribe(cluster.Supervisor.Zuid, scope))).ToList();
        foreach (var (_, subscription) in viewers) await FeedWaits.BoardWhereAsync(subscription, Polled);
        var poller = Assert.Single(viewers, v => v.Host.Services<LiveFeedHub>().Polls > 0);
        var other = Assert.Single(viewers, v => v != poller);
        long polls = poller.Host.Services<LiveFeedHub>().Polls;

        var agent = poller.Subscription.Current.Agents.First(a => a.Status is not null);
        string to = agent.Status == "Busy" ? "On Break" : "Busy";
        const string by = "Sam | Night shift"; // a '|' in the name: the notification's separator
        await other.Host.Services<ILiveFeeds>().ShowChangesAsync([agent.AgentId], to, by);

        foreach (var (_, subscription) in viewers)
        {
            var board = await FeedWaits.BoardWhereAsync(subscription, b => b.Agents.Single(a => a.AgentId == agent.AgentId).Status == to);
            Assert.Equal((SinceKind.Exact, by), (board.Agents.Single(a => a.AgentId == agent.AgentId).SinceKind, board.Agents.Single(a => a.AgentId == agent.AgentId).TriggeredBy));
        }
        // The poller published the changed board (for viewers who join later), and no poll brought it.
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        var waited = Stopwatch.StartNew(); // a time-out, not the simulated clock
        string json = "";
        while (!json.Contains("\"Unconfirmed\":true") && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await using var read = new NpgsqlCommand("SELECT json FROM feed_snapshots", connection);
            json = (string)(await read.ExecuteScalarAsync() ?? "");
            if (!json.Contains("\"Unconfirmed\":true")) await Task.Delay(50);
        }
        var published = System.Text.Json.JsonSerializer.Deserialize<BoardSnapshot>(json)!;
        Assert.Equal((to, true), (published.Agents.Single(a => a.AgentId == agent.AgentId).Status, published.Agents.Single(a => a.AgentId == agent.AgentId).Unconfirmed));
        Assert.Equal(polls, poller.Host.Services<LiveFeedHub>().Polls);
        Assert.Equal(0, other.Host.Services<LiveFeedHub>().Polls);
        foreach (var (_, subscription) in viewers) subscription.Dispose();
    }
}
