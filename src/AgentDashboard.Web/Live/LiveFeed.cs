using System.Collections.Immutable;
using System.Threading.Channels;
using AgentDashboard.Core.Live;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Live;

/// <summary>The live feeds a page can follow: one board per Zoho identity and scope, shared by every viewer of it.</summary>
public interface ILiveFeeds
{
    LiveSubscription Subscribe(string zuid, LiveScope scope);

    /// <summary>
    /// Agents whose status a change made through the dashboard set, as Zoho said it did: every feed whose board holds
    /// them, on every instance, shows it at once; the next polls confirm or correct it. Never fails (a problem is logged).
    /// </summary>
    Task ShowChangesAsync(IReadOnlyCollection<string> agentIds, string status, string? triggeredBy);
}

/// <summary>A viewer of a feed: the latest snapshot, and every newer one as it comes (only the latest waits: slow readers skip).</summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly Action<LiveSubscription> unsubscribe;
    private volatile BoardSnapshot current;

    internal LiveSubscription(BoardSnapshot current, Action<LiveSubscription> unsubscribe)
    {
        this.unsubscribe = unsubscribe;
        this.current = current;
    }

    internal Channel<BoardSnapshot> Channel { get; } = System.Threading.Channels.Channel.CreateBounded<BoardSnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>The feed's latest snapshot (the one on screen once the reader of <see cref="Updates"/> has caught up).</summary>
    public BoardSnapshot Current => current;
    public ChannelReader<BoardSnapshot> Updates => Channel.Reader;

    /// <summary>A new snapshot for this viewer.</summary>
    internal void Offer(BoardSnapshot snapshot)
    {
        current = snapshot;
        Channel.Writer.TryWrite(snapshot);
    }

    public void Dispose() => unsubscribe(this);
}

/// <summary>
/// One Zoho identity's view of one scope, polled in the background and shared by every circuit of that identity
/// watching that scope: N viewers cost one upstream poll per interval. It never serves another identity. With several
/// instances, only the one whose turn it is (<see cref="FeedShare.Polls"/>) polls; the others show what it publishes.
/// </summary>
internal sealed class LiveFeed
{
    private readonly object gate = new();
    private readonly Func<IZohoVoiceClient> clients;
    private readonly AgentDirectory directory;
    private readonly string zuid;
    private readonly LiveScope scope;
    private readonly LiveFeedOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Action countPoll;
    private readonly IFeedSharing sharing;
    private readonly string feedKey;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim publishing = new(1, 1);
    private FeedShare? share;
    private ImmutableHashSet<LiveSubscription> subscribers = [];
    private BoardSnapshot current = BoardSnapshot.Empty;
    private DateTimeOffset? idleSince;
    private DateTimeOffset started;
    private bool stopped;

    /// <param name="clients">A Zoho client acting for <paramref name="zuid"/>, asked for once per poll (so its HTTP connection is the factory's current one).</param>
    public LiveFeed(Func<IZohoVoiceClient> clients, AgentDirectory directory, string zuid, LiveScope scope, LiveFeedOptions options, TimeProvider clock, ILogger logger, Action countPoll,
        IFeedSharing? sharing = null)
    {
        this.sharing = sharing ?? new SingleInstanceFeedSharing();
        feedKey = IFeedSharing.KeyOf(zuid, scope);
        this.clients = clients;
        this.directory = directory;
        this.zuid = zuid;
        this.scope = scope;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        this.countPoll = countPoll;
    }

    public Task Running { get; private set; } = Task.CompletedTask;

    public void Start()
    {
        started = clock.GetUtcNow();
        Running = Task.Run(() => RunAsync(stopping.Token));
    }

    /// <summary>When the board its viewers see was polled; when the feed started, while it has no good board yet.</summary>
    public DateTimeOffset ShownSince
    {
        get
        {
            lock (gate) return current.AsOf ?? started;
        }
    }

    public void Stop() => stopping.Cancel();

    /// <summary>False once the feed has stopped for want of viewers; the hub then starts a new one.</summary>
    public bool TrySubscribe(out LiveSubscription subscription)
    {
        lock (gate)
        {
            subscription = new LiveSubscription(current, Unsubscribe);
            if (stopped) return false;
            subscribers = subscribers.Add(subscription);
            idleSince = null;
            return true;
        }
    }

    public void Unsubscribe(LiveSubscription subscription)
    {
        lock (gate)
        {
            subscribers = subscribers.Remove(subscription);
            subscription.Channel.Writer.TryComplete();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (share = await sharing.JoinAsync(feedKey, Show, ApplyChanges, cancellationToken))
            {
                await PollUntilStoppedAsync(share, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (gate) stopped = true; // the hub starts a new feed for the next viewer
        }
    }

    private async Task PollUntilStoppedAsync(FeedShare share, CancellationToken cancellationToken)
    {
        int failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!share.Polls)
            {
                // Another instance polls this feed; its boards arrive through the share.
                try
                {
                    await share.WaitForTurnAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                if (StopIfIdle()) break;
                continue;
            }
            TimeSpan wait = options.PollInterval;
            try
            {
                await PollAsync(cancellationToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // Whatever failed (Zoho, the token store, this code), viewers keep the last good board and the feed tries again.
                failures++;
                var zoho = error as ZohoApiException;
                Advance(board => board.Failed(zoho?.Message ?? "The dashboard could not complete its last poll; it keeps trying.",
                    sessionEnded: zoho?.Kind is ZohoFailureKind.SessionEnded or ZohoFailureKind.NotSignedIn));
                await ShareAsync(cancellationToken);
                var backOff = TimeSpan.FromTicks(options.PollInterval.Ticks * (1L << Math.Min(failures, 6)));
                wait = Max(zoho?.RetryAfter ?? TimeSpan.Zero, backOff < options.MaxBackOff ? backOff : options.MaxBackOff);
                // The message only: a stack trace never goes to the log.
                logger.LogWarning("Live feed poll failed ({Failures} in a row), next in {Wait}: {Error}: {Message}",
                    failures, wait, error.GetType().Name, error.Message);
            }
            if (StopIfIdle()) break;
            try
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// One poll: the scope's agents from the directory (kept there for a while, so usually no call), learnt afresh
    /// when they are not the board's (the first poll, an agent who joined or left a queue) and renamed or moved
    /// between queues in place; then their statuses. A scope with no agents asks Zoho nothing more. A directory that
    /// fails once the agents are known is passed over: their statuses are polled as before.
    /// </summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var zoho = clients();
        if (await MembersUnlessKnownAsync(zoho, cancellationToken) is { } members)
        {
            if (members.Count == 0)
            {
                await PublishAsync(new BoardSnapshot([], clock.GetUtcNow()), cancellationToken); // nobody to ask about: an empty board, up to date
                return;
            }
            var known = current.AsOf is null || !members.Keys.ToHashSet(StringComparer.Ordinal).SetEquals(current.Agents.Select(a => a.AgentId))
                ? await LearnAgentsAsync(zoho, members, cancellationToken)
                : WithNamesAndQueues(current, members);
            if (!ReferenceEquals(known, current)) await PublishAsync(known, cancellationToken);
        }
        countPoll();
        var answer = await zoho.GetAgentsOnlineStatusAsync(current.Agents.Select(a => a.AgentId).ToList(), cancellationToken);
        var polled = answer.Agents.Select(a => new PolledStatus(a.AgentId ?? "", a.OnlineStatus, a.IsError ? a.Error ?? "No status." : null)).ToList();
        var now = clock.GetUtcNow();
        // Applied to the board as it is now, not as it was when asked: a change shown meanwhile is not lost.
        Advance(board => board.Apply(polled, now).Next);
        await ShareAsync(cancellationToken);
    }

    /// <summary>The scope's agents; null when the directory failed but the board already knows them.</summary>
    private async Task<Dictionary<string, (string Name, IReadOnlyList<string>? Queues)>?> MembersUnlessKnownAsync(IZohoVoiceClient zoho, CancellationToken cancellationToken)
    {
        try
        {
            return await MembersAsync(zoho, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException && current is { AsOf: not null, Agents.IsEmpty: false })
        {
            logger.LogWarning("Live feed kept its agents: the agent directory failed ({Error}: {Message}).", error.GetType().Name, error.Message);
            return null;
        }
    }

    /// <summary>The board with each agent's name and queues as the directory has them now, when any changed.</summary>
    private static BoardSnapshot WithNamesAndQueues(BoardSnapshot board, Dictionary<string, (string Name, IReadOnlyList<string>? Queues)> members)
    {
        bool changed = false;
        var agents = board.Agents.Select(agent =>
        {
            var (name, queues) = members[agent.AgentId];
            if (agent.Name == name && (agent.Queues ?? []).SequenceEqual(queues ?? [])) return agent;
            changed = true;
            return agent with { Name = name, Queues = queues };
        }).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToImmutableArray();
        return changed ? new BoardSnapshot(agents, board.AsOf, board.FailedPolls, board.LastError) : board;
    }

    /// <summary>The scope's agents by id: those of its queues (with the queues they answer), and those it names.</summary>
    private async Task<Dictionary<string, (string Name, IReadOnlyList<string>? Queues)>> MembersAsync(IZohoVoiceClient zoho, CancellationToken cancellationToken)
    {
        var members = (await directory.GetAsync(zoho, zuid, scope.QueueIds, cancellationToken))
            .ToDictionary(a => a.Id, a => (a.Name, (IReadOnlyList<string>?)a.QueueIds), StringComparer.Ordinal);
        foreach (string id in scope.AgentIds) members.TryAdd(id, (id, null));
        return members;
    }

    /// <summary>
    /// How long each agent has been in their status: from their status changes of the last day and the last change
    /// before it (<c>previousResult</c>), so an agent Offline since Friday reads so on Monday.
    /// </summary>
    private async Task<BoardSnapshot> LearnAgentsAsync(IZohoVoiceClient zoho, Dictionary<string, (string Name, IReadOnlyList<string>? Queues)> members, CancellationToken cancellationToken)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds(), dayAgo = now - 86_400_000;
        var audit = await zoho.GetAllStatusAuditAsync(new StatusAuditQuery { FromEpoch = dayAgo, ToEpoch = now + 1, AgentIds = members.Keys.ToList(), TimeZone = "UTC" },
            cancellationToken: cancellationToken);
        var histories = audit.Where(a => a.AgentId is not null).ToDictionary(a => a.AgentId!,
            a => TimelineLoader.ToHistory(a) with { AgentName = a.AgentName ?? (members.TryGetValue(a.AgentId!, out var member) ? member.Name : a.AgentId!) }, StringComparer.Ordinal);
        var agents = members.Select(pair => LiveAgent.FromHistory(
                histories.GetValueOrDefault(pair.Key) ?? new AgentStatusHistory(pair.Key, pair.Value.Name, null, []), dayAgo, pair.Value.Queues))
            .OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase).ToImmutableArray();
        return new BoardSnapshot(agents, clock.GetUtcNow());
    }

    /// <summary>
    /// Status changes made through the dashboard (here, or announced by another instance): shown when this board
    /// holds those agents, and published when this instance polls the feed (for viewers who join later elsewhere).
    /// </summary>
    public void ApplyChanges(IReadOnlyList<KnownChange> changes)
    {
        bool changed = false;
        Advance(board =>
        {
            var (applied, ids) = board.WithChanges(changes);
            changed = !ids.IsEmpty;
            return applied;
        });
        if (changed && share is { Polls: true }) _ = Task.Run(async () =>
        {
            try
            {
                await ShareAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>Shows a board this instance polled, and gives it to the other instances watching the feed.</summary>
    private async Task PublishAsync(BoardSnapshot snapshot, CancellationToken cancellationToken)
    {
        Show(snapshot);
        await ShareAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the feed's newest board (shown here already) to the other instances watching the feed. One publish at a
    /// time, each of the board that is newest when its turn comes, so a poll and a change published together never
    /// reach the others in the wrong order.
    /// </summary>
    private async Task ShareAsync(CancellationToken cancellationToken)
    {
        if (share is null) return;
        await publishing.WaitAsync(cancellationToken);
        try
        {
            BoardSnapshot newest;
            lock (gate) newest = current;
            await share.PublishAsync(newest, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // This instance's viewers have it; the others keep the last board they had until the store answers again.
            logger.LogWarning("Could not publish a live board to the other instances: {Error}: {Message}", error.GetType().Name, error.Message);
        }
        finally
        {
            publishing.Release();
        }
    }

    /// <summary>
    /// The next board worked out from the current one, at once (so a poll and a change never overwrite each other),
    /// and shown; offered inside the lock so viewers get boards in the order they were made (an offer never blocks).
    /// </summary>
    private BoardSnapshot Advance(Func<BoardSnapshot, BoardSnapshot> step)
    {
        lock (gate)
        {
            var next = step(current);
            if (ReferenceEquals(next, current)) return next;
            current = next;
            foreach (var viewer in subscribers) viewer.Offer(next);
            return next;
        }
    }

    /// <summary>Shows a board to this instance's viewers of the feed.</summary>
    private void Show(BoardSnapshot snapshot) => Advance(_ => snapshot);

    private bool StopIfIdle()
    {
        lock (gate)
        {
            if (!subscribers.IsEmpty) return false;
            var now = clock.GetUtcNow();
            idleSince ??= now;
            if (now - idleSince < options.IdleGrace) return false;
            stopped = true;
            return true;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
