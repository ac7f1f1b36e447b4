using System.Collections.Concurrent;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

/// <summary>
/// The live feeds: one per Zoho identity and scope, started by the first viewer and shared by all the others.
/// Feeds are never shared between identities: Zoho's visibility is role-based, and sharing would leak agents. Instances
/// sharing a PostgreSQL store share each feed's polling (<see cref="IFeedSharing"/>).
/// </summary>
public sealed class LiveFeedHub(
    IServiceProvider services,
    AgentDirectory directory,
    IOptions<ZohoVoiceOptions> zohoOptions,
    IOptions<LiveFeedOptions> options,
    IFeedSharing sharing,
    TimeProvider clock,
    ILoggerFactory loggers) : ILiveFeeds, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Zuid, string Scope), LiveFeed> feeds = new();
    private long polls;

    /// <summary>Upstream polls made by every feed so far (one v2 online-status call each, up to 100 agents).</summary>
    internal long Polls => Interlocked.Read(ref polls);
    internal int FeedCount => feeds.Count(f => !f.Value.Running.IsCompleted);

    /// <summary>How old the stalest running feed's newest good board is (since it started, while it has none); none without feeds.</summary>
    internal TimeSpan? OldestBoardAge()
    {
        var now = clock.GetUtcNow();
        var ages = feeds.Values.Where(f => !f.Running.IsCompleted).Select(f => now - f.ShownSince).ToList();
        return ages.Count == 0 ? null : ages.Max();
    }

    public LiveSubscription Subscribe(string zuid, LiveScope scope)
    {
        while (true)
        {
            var key = (zuid, scope.Key);
            var feed = feeds.GetOrAdd(key, _ => Create(zuid, scope));
            if (feed.TrySubscribe(out var subscription))
            {
                return subscription;
            }
            feeds.TryRemove(new KeyValuePair<(string, string), LiveFeed>(key, feed)); // it stopped: idle, or ended by a fault
        }
    }

    /// <summary>
    /// Shows the changes on every feed of this instance whose board holds those agents (a feed of any identity: it
    /// shows those agents already, and no agent is ever added to a board), and announces them to the other instances.
    /// </summary>
    public Task ShowChangesAsync(IReadOnlyCollection<string> agentIds, string status, string? triggeredBy)
    {
        var at = clock.GetUtcNow();
        var changes = agentIds.Select(id => new KnownChange(id, status, at, triggeredBy)).ToList();
        if (changes.Count == 0) return Task.CompletedTask;
        foreach (var feed in feeds.Values) feed.ApplyChanges(changes);
        // The other instances are told in the background: the page waits for neither them nor a slow store.
        _ = Task.Run(async () =>
        {
            try
            {
                await sharing.AnnounceAsync(changes, CancellationToken.None);
            }
            catch (Exception error)
            {
                // This instance's viewers have it; the others see it at their next poll.
                loggers.CreateLogger<LiveFeedHub>().LogWarning("Could not announce status changes to the other instances: {Error}: {Message}", error.GetType().Name, error.Message);
            }
        });
        return Task.CompletedTask;
    }

    private LiveFeed Create(string zuid, LiveScope scope)
    {
        // The feed's own client, acting for its identity: not a circuit's, so it outlives any one tab. A new one per
        // poll, over the factory's current handler, so a feed that runs for days follows DNS and connection changes.
        // Without retries: the feed paces itself (one poll per interval) and backs off on its own.
        var user = new FeedUser(zuid);
        var clientLogger = loggers.CreateLogger<ZohoVoiceClient>();
        IZohoVoiceClient Client() => new ZohoVoiceClient(
            services.GetRequiredKeyedService<IZohoVoiceApi>(ZohoServiceCollectionExtensions.WithoutRetries), zohoOptions, clientLogger, user);
        var feed = new LiveFeed(Client, directory, zuid, scope, options.Value, clock, loggers.CreateLogger<LiveFeed>(), () => Interlocked.Increment(ref polls), sharing);
        feed.Start();
        return feed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in feeds.Values) feed.Stop();
        await Task.WhenAll(feeds.Values.Select(f => f.Running));
    }

    private sealed class FeedUser(string zuid) : IZohoUserContext
    {
        public ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(zuid);
    }
}
