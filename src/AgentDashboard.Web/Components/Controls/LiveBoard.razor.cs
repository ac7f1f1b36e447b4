using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Controls;

public partial class LiveBoard : IDisposable
{
    /// <summary>At most a few renders a second: the feed's one-slot channel drops what a slow circuit missed.</summary>
    private static readonly TimeSpan MinRenderGap = TimeSpan.FromMilliseconds(150);

    /// <summary>How long a new feed's first board is waited for, so the first paint (and a wall) already shows agents.</summary>
    private static readonly TimeSpan FirstBoardWait = TimeSpan.FromSeconds(5);

    [Inject] public required TimeProvider Clock { get; init; }

    [Parameter, EditorRequired] public required LiveSubscription Subscription { get; set; }
    [Parameter, EditorRequired] public required LiveView View { get; set; }
    [Parameter, EditorRequired] public required Thresholds Thresholds { get; set; }
    [Parameter, EditorRequired] public required TimeSpan PollInterval { get; set; }
    [Parameter] public IReadOnlySet<string> Selected { get; set; } = new HashSet<string>();
    [Parameter] public EventCallback<string> OnToggle { get; set; }
    [Parameter] public EventCallback<string> OnStatusToggled { get; set; }

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource following = new();
    private LiveSubscription? followed;
    private Thresholds? thresholdsFor;
    private string ThresholdsJson { get; set; } = "{}";

    private BoardSnapshot Board { get; set; } = BoardSnapshot.Empty;
    private DateTimeOffset Now { get; set; }
    private bool Stale => Board.IsStale(Now, PollInterval);
    private int OverThreshold => Board.Agents.Count(a => Thresholds.LevelOf(a, Now) != ThresholdLevel.None);

    protected override async Task OnParametersSetAsync()
    {
        Now = Clock.GetUtcNow();
        if (!ReferenceEquals(thresholdsFor, Thresholds))
        {
            thresholdsFor = Thresholds;
            ThresholdsJson = StatusStyle.ThresholdsJson(Thresholds);
        }
        if (ReferenceEquals(followed, Subscription))
        {
            return;
        }
        // Another scope is another feed: stop following the old one and show the new one's board.
        var feed = followed = Subscription;
        following.Cancel();
        following.Dispose();
        following = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        var token = following.Token;
        Board = feed.Current;
        if (Board.AsOf is null)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            wait.CancelAfter(FirstBoardWait);
            try
            {
                Board = await feed.Updates.ReadAsync(wait.Token);
                Now = Clock.GetUtcNow();
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                // show "Loading agents…"; the live connection brings them
            }
        }
        if (RendererInfo.IsInteractive && !token.IsCancellationRequested)
        {
            _ = FollowAsync(feed, token); // only this feed, only until it is replaced or the board closes
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = TickAsync(closing.Token);
        }
    }

    private async Task FollowAsync(LiveSubscription feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in feed.Updates.ReadAllAsync(cancellationToken))
            {
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                await InvokeAsync(() =>
                {
                    Board = snapshot;
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

    /// <summary>
    /// Once a second the staleness and the over-threshold count are brought up to date. Tiles skip the render unless
    /// their threshold level changed; their clocks tick in the browser (wwwroot/js/live.js).
    /// </summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Now = Clock.GetUtcNow();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        following.Cancel();
        closing.Dispose();
        following.Dispose();
    }
}
