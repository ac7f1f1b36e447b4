using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>
/// What the live grid's board and a wall share: following one feed (its latest board, then each new one as it comes,
/// at most a few renders a second) and a tick once a second that keeps <see cref="Now"/> current, so staleness and
/// thresholds move on between polls. Times in status tick in the browser (wwwroot/js/clock.js). Both flag the agents
/// out of adherence (<see cref="AdherenceNow"/>), from the schedules kept in memory, and draw again when those change.
/// The live grid can pause (<see cref="Pause"/>): the board on screen stays while the feed's new boards wait; walls never do.
/// </summary>
public abstract class BoardFollower : ComponentBase, IDisposable
{
    /// <summary>At most a few renders a second: the feed's one-slot channel drops what a slow circuit missed.</summary>
    private static readonly TimeSpan MinRenderGap = TimeSpan.FromMilliseconds(150);

    /// <summary>How long a new feed's first board is waited for, so the first paint already shows agents.</summary>
    private static readonly TimeSpan FirstBoardWait = TimeSpan.FromSeconds(5);

    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> LiveOptions { get; init; }
    [Inject] public required LiveSchedules Schedules { get; init; }

    protected readonly CancellationTokenSource Closing = new();
    private CancellationTokenSource? following;
    private Thresholds? jsonFor;
    private bool ticking, watchingSchedules;
    private BoardSnapshot? waiting; // the newest board while paused


    protected BoardSnapshot Board { get; private set; } = BoardSnapshot.Empty;
    protected DateTimeOffset Now { get; set; }
    protected Thresholds Thresholds { get; private set; } = Thresholds.Default;

    /// <summary>The thresholds for the browser's ticking script, per status name.</summary>
    protected string ThresholdsJson { get; private set; } = "{}";

    /// <summary>The newest board the feed brought: the one on screen, or while paused the one waiting.</summary>
    protected BoardSnapshot Latest => waiting ?? Board;

    /// <summary>When the view was paused; null while it is live.</summary>
    protected DateTimeOffset? PausedAt { get; private set; }

    /// <summary>The boards that changed an agent since the view was paused (a poll that changed nothing is not counted).</summary>
    protected int UpdatesWaiting { get; private set; }

    /// <summary>
    /// Stale once no poll has succeeded for two intervals: the page says so and keeps the last good board. Judged on
    /// the feed's newest board, so a paused view is not mistaken for a silent Zoho.
    /// </summary>
    protected bool Stale => Latest.IsStale(Now, LiveOptions.Value.PollInterval);

    /// <summary>Keeps the board on screen as it is; the feed's new boards wait (the newest) and are counted.</summary>
    protected void Pause()
    {
        if (PausedAt is not null) return;
        PausedAt = Clock.GetUtcNow();
        UpdatesWaiting = 0;
    }

    /// <summary>Shows the newest board at once and follows the feed live again.</summary>
    protected void Resume()
    {
        if (waiting is not null) Board = waiting;
        waiting = null;
        PausedAt = null;
        UpdatesWaiting = 0;
        Now = Clock.GetUtcNow();
    }

    protected void UseThresholds(Thresholds thresholds)
    {
        if (ReferenceEquals(thresholds, jsonFor)) return;
        Thresholds = jsonFor = thresholds;
        ThresholdsJson = StatusStyle.ThresholdsJson(thresholds);
    }

    /// <summary>The agents out of adherence for longer than the grace at <see cref="Now"/>, from the schedules known now.</summary>
    protected BoardAdherence AdherenceNow(IReadOnlyCollection<LiveAgent> agents)
    {
        var known = Schedules.For(agents);
        var flags = new Dictionary<string, AdherenceFlag>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            if (LiveAdherence.Check(agent, known.Of(agent.AgentId), known.Rules, Now, Schedules.Grace) is { } flag) flags[agent.AgentId] = flag;
        }
        return new(flags, known.AnyScheduled(agents));
    }

    /// <summary>
    /// Shows <paramref name="feed"/>'s board instead of any other, waiting a moment for a new feed's first one when
    /// asked, and follows the feed while the page is live (not in the pre-render).
    /// </summary>
    protected async Task FollowAsync(LiveSubscription feed, bool waitForFirstBoard)
    {
        StopFollowing();
        var mine = following = CancellationTokenSource.CreateLinkedTokenSource(Closing.Token);
        Resume(); // another feed is another view: it starts live
        Board = feed.Current;
        if (waitForFirstBoard && Board.AsOf is null)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(mine.Token);
            wait.CancelAfter(FirstBoardWait);
            try
            {
                var first = await feed.Updates.ReadAsync(wait.Token);
                if (mine.IsCancellationRequested) return; // another feed has taken this one's place meanwhile
                Board = first;
                Now = Clock.GetUtcNow();
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                // the page says it is loading; the live connection brings the board
            }
        }
        if (RendererInfo.IsInteractive && !mine.IsCancellationRequested)
        {
            _ = FollowUpdatesAsync(feed, mine.Token); // only this feed, only until it is replaced or the page closes
            if (!watchingSchedules)
            {
                watchingSchedules = true;
                Schedules.Changed += OnSchedulesChanged;
            }
            if (!ticking)
            {
                ticking = true;
                _ = TickAsync(Closing.Token);
            }
        }
    }

    /// <summary>Stops following and takes the board off the screen (a wall whose link was revoked).</summary>
    protected void ShowNothing()
    {
        StopFollowing();
        Resume();
        Board = BoardSnapshot.Empty;
    }

    /// <summary>Runs once a second, from the first feed followed live, before the render (a wall's rotation and link checks); false stops the ticks.</summary>
    protected virtual Task<bool> OnTickAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    private async Task FollowUpdatesAsync(LiveSubscription feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in feed.Updates.ReadAllAsync(cancellationToken))
            {
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                await InvokeAsync(() =>
                {
                    if (PausedAt is null)
                    {
                        Board = snapshot;
                    }
                    else
                    {
                        if (ChangesAgents(Latest, snapshot)) UpdatesWaiting++;
                        waiting = snapshot;
                    }
                    Now = Clock.GetUtcNow();
                    StateHasChanged();
                });
                LiveMetrics.GridRender.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(MinRenderGap, Clock, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Whether <paramref name="next"/> shows any agent otherwise than <paramref name="before"/> (compared field by field: a shared feed's boards are new objects).</summary>
    private static bool ChangesAgents(BoardSnapshot before, BoardSnapshot next)
    {
        if (before.Agents.Length != next.Agents.Length) return true;
        for (int i = 0; i < next.Agents.Length; i++)
        {
            var (a, b) = (before.Agents[i], next.Agents[i]);
            if (a.AgentId != b.AgentId || a.Name != b.Name || a.Status != b.Status || a.Since != b.Since || a.SinceKind != b.SinceKind
                || a.TriggeredBy != b.TriggeredBy || a.Error != b.Error || !(a.Queues ?? []).SequenceEqual(b.Queues ?? []))
            {
                return true;
            }
        }
        return false;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Now = Clock.GetUtcNow();
                if (!await OnTickAsync(cancellationToken)) return;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void OnSchedulesChanged()
    {
        if (Closing.IsCancellationRequested) return;
        _ = InvokeAsync(() =>
        {
            if (!Closing.IsCancellationRequested) StateHasChanged();
        });
    }

    private void StopFollowing()
    {
        following?.Cancel();
        following?.Dispose();
        following = null;
    }

    public virtual void Dispose()
    {
        if (watchingSchedules) Schedules.Changed -= OnSchedulesChanged;
        Closing.Cancel();
        StopFollowing();
        Closing.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The agents of a board out of adherence, by id; <see cref="Shown"/> when any of them has a schedule, so the count means something.</summary>
public sealed record BoardAdherence(IReadOnlyDictionary<string, AdherenceFlag> Flags, bool Shown)
{
    public int Count => Flags.Count;

    public AdherenceFlag? Of(string agentId) => Flags.GetValueOrDefault(agentId);
}
