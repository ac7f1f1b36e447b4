using System.Security.Cryptography;
using System.Text;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Web.Live;

/// <summary>
/// How the dashboard instances that share a store share each live feed: one of them polls Zoho for it and publishes
/// each board, and the others show what it publishes. One instance alone (<see cref="SingleInstanceFeedSharing"/>)
/// polls every feed it has.
/// </summary>
public interface IFeedSharing
{
    /// <summary>
    /// Joins a feed; <paramref name="received"/> gets each board another instance publishes for it, and
    /// <paramref name="changed"/> each status change another instance announces (<see cref="AnnounceAsync"/>).
    /// </summary>
    Task<FeedShare> JoinAsync(string feedKey, Action<BoardSnapshot> received, Action<IReadOnlyList<KnownChange>> changed, CancellationToken cancellationToken);

    /// <summary>Tells the other instances of status changes made through this one (its own feeds have them already).</summary>
    Task AnnounceAsync(IReadOnlyList<KnownChange> changes, CancellationToken cancellationToken);

    /// <summary>The key all instances know a feed by: the identity and scope, hashed (the identity is not spelt out in the store).</summary>
    static string KeyOf(string zuid, LiveScope scope) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(zuid + "\n" + scope.Key)))[..32];
}

/// <summary>This instance's part in one feed. Disposing it leaves the feed (and hands its polling to another instance).</summary>
public abstract class FeedShare : IAsyncDisposable
{
    /// <summary>Whether this instance polls the feed now (it holds the feed's lease).</summary>
    public abstract bool Polls { get; }

    /// <summary>Waits until this instance may have become the poller, or for a while (so the caller can check for viewers).</summary>
    public abstract Task WaitForTurnAsync(CancellationToken cancellationToken);

    /// <summary>Gives a board this instance polled to the others (nothing when it no longer holds the lease).</summary>
    public abstract Task PublishAsync(BoardSnapshot snapshot, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

/// <summary>One instance: it polls every feed itself, and has nobody to publish to.</summary>
public sealed class SingleInstanceFeedSharing : IFeedSharing
{
    public Task<FeedShare> JoinAsync(string feedKey, Action<BoardSnapshot> received, Action<IReadOnlyList<KnownChange>> changed, CancellationToken cancellationToken) =>
        Task.FromResult<FeedShare>(new Alone());

    public Task AnnounceAsync(IReadOnlyList<KnownChange> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Alone : FeedShare
    {
        public override bool Polls => true;
        public override Task WaitForTurnAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override Task PublishAsync(BoardSnapshot snapshot, CancellationToken cancellationToken) => Task.CompletedTask;
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
