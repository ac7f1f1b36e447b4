using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// A wall monitor's view through a display link: no sign-in, nothing to change. It follows the link's supervisor's
/// shared feed (one per scope however many walls), shows the queues one at a time when the link rotates them, and
/// stops showing data as soon as the link is revoked or expires. The browser fits the tiles to the screen and
/// recovers from lost connections and restarts by itself (wwwroot/js/wall.js).
/// </summary>
public partial class WallPage : IDisposable
{
    [Inject] public required DisplayLinkStore Links { get; init; }
    [Inject] public required ILiveFeeds Feeds { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> Options { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required ILogger<WallPage> Logger { get; init; }

    [Parameter] public string? Token { get; set; }

    private readonly CancellationTokenSource closing = new();
    private LiveSubscription? subscription;
    private DisplayLink? Link { get; set; }
    private string? Closed { get; set; }
    private BoardSnapshot Board { get; set; } = BoardSnapshot.Empty;
    private DateTimeOffset Now { get; set; }
    private Thresholds Thresholds { get; set; } = Thresholds.Default;
    private string ThresholdsJson { get; set; } = "{}";
    private int ViewIndex { get; set; }

    private bool Stale => Board.IsStale(Now, Options.Value.PollInterval);

    /// <summary>The queue on screen when the link rotates through its queues; null shows them all.</summary>
    private string? CurrentQueue => Link is { View: { RotateQueues: true, QueueIds.Count: > 1 } view } ? view.QueueIds[ViewIndex % view.QueueIds.Count] : null;

    private IReadOnlyList<QueueInfo> QueueList { get; set; } = [];

    private string Title => CurrentQueue is { } queue ? $"{Link!.Name} · {QueueList.FirstOrDefault(q => q.Id == queue)?.Name ?? queue}" : Link?.Name ?? "";

    /// <summary>The agents on screen: the current queue's, by status then name.</summary>
    private BoardQuery Query => BoardQuery.Everyone with { Queue = CurrentQueue, Sort = BoardSort.Status };

    private List<LiveAgent> Agents => Query.Apply(Board, Now);

    protected override async Task OnInitializedAsync()
    {
        Now = Clock.GetUtcNow();
        var link = await Links.FindAsync(Token, closing.Token);
        if (!DisplayLink.IsOpen(link, Now, out var whyNot))
        {
            Closed = whyNot;
            return;
        }
        Link = link;
        QueueList = await Catalogue.AllAsync(closing.Token);
        Thresholds = (await Preferences.GetAsync(link.Zuid, closing.Token)).ThresholdsOver(Options.Value.ResolveThresholds());
        ThresholdsJson = StatusStyle.ThresholdsJson(Thresholds);
        if (!RendererInfo.IsInteractive || closing.IsCancellationRequested)
        {
            return; // the pre-render shows the frame; the live connection brings the data (and a closed wall nothing)
        }
        Links.Revoked += OnRevoked;
        subscription = Feeds.Subscribe(link.Zuid, link.View.Scope);
        Board = subscription.Current;
        _ = FollowAsync(subscription, closing.Token);
        _ = TickAsync(closing.Token);
        await Links.TouchAsync(link.Id, closing.Token);
    }

    private async Task FollowAsync(LiveSubscription feed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in feed.Updates.ReadAllAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    Board = snapshot;
                    Now = Clock.GetUtcNow();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Once a second: the stale banner, the rotation. Once a poll interval the link is read again (a revocation
    /// made elsewhere, an expiry) and the wall noted as seen (written once a minute at most).
    /// </summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        DateTimeOffset rotated = Clock.GetUtcNow(), checkedAt = rotated;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Now = Clock.GetUtcNow();
                if (Now - checkedAt >= Options.Value.PollInterval)
                {
                    checkedAt = Now;
                    if (!await StillOpenAsync(cancellationToken)) return;
                }
                if (Link is { View.RotateQueues: true } rotating && Now - rotated >= TimeSpan.FromSeconds(Math.Max(5, rotating.View.RotateSeconds)))
                {
                    ViewIndex++;
                    rotated = Now;
                }
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Reads the link again and notes the wall as seen; closes the wall when the link is gone, revoked or expired.
    /// A database that fails for a moment keeps the wall as it is (it is tried again next interval), never stops it checking.
    /// </summary>
    private async Task<bool> StillOpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var current = await Links.FindAsync(Token, cancellationToken);
            if (!DisplayLink.IsOpen(current, Now, out var whyNot))
            {
                await InvokeAsync(() => Close(whyNot));
                return false;
            }
            await Links.TouchAsync(current.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning("Could not read display link {LinkId} again ({Error}); the wall keeps showing it and tries next interval.", Link?.Id, e.GetType().Name);
        }
        return true;
    }

    private void OnRevoked(string id)
    {
        if (Link?.Id == id)
        {
            _ = InvokeAsync(() => Close(DisplayLink.RevokedMessage));
        }
    }

    /// <summary>Stops following the feed and clears the data off the screen.</summary>
    private void Close(string message)
    {
        Closed = message;
        Link = null;
        Board = BoardSnapshot.Empty;
        subscription?.Dispose();
        subscription = null;
        StateHasChanged();
    }

    public void Dispose()
    {
        Links.Revoked -= OnRevoked;
        closing.Cancel();
        closing.Dispose();
        subscription?.Dispose();
    }
}
