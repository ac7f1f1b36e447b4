using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Tests;

/// <summary>Waiting on a live feed from a test: for a board it shows now or publishes next.</summary>
public static class FeedWaits
{
    /// <summary>The feed's current board if it satisfies <paramref name="condition"/>, else the first published board that does.</summary>
    public static async Task<BoardSnapshot> BoardWhereAsync(LiveSubscription subscription, Func<BoardSnapshot, bool> condition, double seconds = 30)
    {
        if (condition(subscription.Current)) return subscription.Current;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds)); // a time-out, not the simulated clock
        await foreach (var snapshot in subscription.Updates.ReadAllAsync(timeout.Token))
        {
            if (condition(snapshot)) return snapshot;
        }
        throw new Xunit.Sdk.XunitException("the feed ended before the expected snapshot");
    }
}
