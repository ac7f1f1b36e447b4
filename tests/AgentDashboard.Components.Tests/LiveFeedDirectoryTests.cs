using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// A live feed and the agent directory it reads each poll, against a Zoho client whose answers the test sets and a
/// clock that moves only when told: agents renamed or moved between queues are updated in place, and a directory that
/// fails once the agents are known does not stop their statuses being polled.
/// </summary>
public sealed class LiveFeedDirectoryTests : IAsyncDisposable
{
    private static readonly LiveFeedOptions Options = new() { PollInterval = TimeSpan.FromSeconds(10), IdleGrace = TimeSpan.FromHours(1) };
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ManualClock clock = new(PageContext.Now);
    private readonly FakeZoho zoho = new();
    private readonly Dictionary<string, (string Id, string Name)[]> queues = new()
    {
        ["q1"] = [("a", "Ann"), ("b", "Ben")],
        ["q2"] = [("c", "Cy")],
    };
    private readonly LiveFeed feed;
    private bool directoryDown;
    private int statusPolls, auditReads;

    public LiveFeedDirectoryTests()
    {
        zoho.Overview = query => directoryDown
            ? throw new ZohoApiException(ZohoFailureKind.ServerError, "overview", "Zoho Voice answered 503.")
            : new OverviewResponse
            {
                Overview = new OverviewBody
                {
                    AgentMetrics = new OverviewAgentMetrics
                    {
                        IndividualAggregation = [.. queues[query.QueueIds.Single()].Select(a => new AgentAggregation { AgentId = a.Id, AgentName = a.Name })],
                    },
                },
            };
        zoho.StatusAudit = _ =>
        {
            Interlocked.Increment(ref auditReads);
            return new StatusAuditResponse();
        };
        zoho.OnlineStatuses = ids =>
        {
            Interlocked.Increment(ref statusPolls);
            return new AgentsOnlineStatusResponse { OnlineStatus = [.. ids.Select(id => new AgentOnlineStatus { AgentId = id, OnlineStatus = "Available" })] };
        };
        feed = new LiveFeed(() => zoho, new AgentDirectory(clock), "700100", LiveScope.Queues("q1", "q2"), Options, clock, NullLogger.Instance, () => { });
    }

    public async ValueTask DisposeAsync()
    {
        feed.Stop();
        await feed.Running;
    }

    /// <summary>The first board the feed publishes with every agent's status known.</summary>
    private async Task<LiveSubscription> FollowAsync()
    {
        feed.Start();
        Assert.True(feed.TrySubscribe(out var subscription));
        await NextAsync(subscription, board => board.Agents.Length == 3 && board.Agents.All(a => a.Status == "Available"));
        return subscription;
    }

    private static async Task<BoardSnapshot> NextAsync(LiveSubscription subscription, Func<BoardSnapshot, bool> condition)
    {
        if (condition(subscription.Current)) return subscription.Current;
        using var timeout = new CancellationTokenSource(Wait);
        await foreach (var board in subscription.Updates.ReadAllAsync(timeout.Token))
        {
            if (condition(board)) return board;
        }
        throw new Xunit.Sdk.XunitException("the feed ended before the expected board");
    }

    /// <summary>Moves the clock past the directory's expiry, one poll at a time, each once the feed waits for it.</summary>
    private async Task PollsUntilTheDirectoryExpiresAsync()
    {
        var until = clock.Now + AgentDirectory.Expiry + Options.PollInterval;
        while (clock.Now < until)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew(); // a time-out, not the feed's clock
            while (clock.PendingTimers == 0)
            {
                if (waited.Elapsed > Wait) throw new Xunit.Sdk.XunitException("the feed never waited for its next poll");
                await Task.Delay(10);
            }
            clock.Advance(Options.PollInterval);
        }
    }

    [Fact]
    public async Task An_agent_renamed_or_moved_to_another_queue_is_updated_in_place()
    {
        using var subscription = await FollowAsync();
        Assert.Equal(1, auditReads);

        queues["q1"] = [("a", "Ann Lee")];
        queues["q2"] = [("b", "Ben"), ("c", "Cy")];
        await PollsUntilTheDirectoryExpiresAsync();

        var board = await NextAsync(subscription, b => b.Agents.Any(a => a.Name == "Ann Lee"));
        Assert.Equal(["Ann Lee", "Ben", "Cy"], board.Agents.Select(a => a.Name));
        Assert.Equal(["q2"], board.Agents.Single(a => a.AgentId == "b").Queues);
        Assert.All(board.Agents, a => Assert.Equal("Available", a.Status)); // statuses and their starts kept
        Assert.Equal(1, auditReads); // the same agents: not learnt again
    }

    [Fact]
    public async Task A_directory_that_fails_once_the_agents_are_known_leaves_their_statuses_polled()
    {
        using var subscription = await FollowAsync();
        directoryDown = true;
        int pollsBefore = statusPolls;

        await PollsUntilTheDirectoryExpiresAsync();

        var board = await NextAsync(subscription, b => statusPolls > pollsBefore + 1);
        Assert.Equal(0, board.FailedPolls);
        Assert.Equal(["a", "b", "c"], board.Agents.Select(a => a.AgentId));
        Assert.True(statusPolls >= pollsBefore + AgentDirectory.Expiry / Options.PollInterval, $"{statusPolls - pollsBefore} status polls");
    }

    [Fact]
    public async Task A_directory_that_fails_before_any_agent_is_known_is_a_failed_poll()
    {
        directoryDown = true;
        feed.Start();
        Assert.True(feed.TrySubscribe(out var subscription));
        using (subscription)
        {
            var board = await NextAsync(subscription, b => b.FailedPolls > 0);
            Assert.Empty(board.Agents);
            Assert.Equal("Zoho Voice answered 503.", board.LastError);
            Assert.Equal(0, statusPolls);
        }
    }
}
