using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// A wall monitor's view through a display link: no sign-in, nothing to change. It follows the link's supervisor's
/// shared feed (one per scope however many walls), shows the queues one at a time when the link rotates them, and
/// stops showing data as soon as the link is revoked or expires, or while the supervisor's Zoho session has ended.
/// A link is live on at most <see cref="WallScreens.Max"/> screens at a time. Closed links never reach this page in
/// the pre-render (<see cref="WallLinkGate"/> answers 404 or 410). The browser fits the tiles to the screen
/// (wwwroot/js/wall.js) and recovers from lost connections and restarts by itself (wwwroot/js/start.js).
/// </summary>
public partial class WallPage
{
    [Inject] public required DisplayLinkStore Links { get; init; }
    [Inject] public required ILiveFeeds Feeds { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }
    [Inject] public required ILogger<WallPage> Logger { get; init; }
    [Inject] public required WallScreens Screens { get; init; }

    public const string SignInAgainMessage = "This display needs its supervisor to sign in again: their Zoho session has ended. The agents come back once they have.";

    [Parameter] public string? Token { get; set; }

    /// <summary>The link's alerts: <c>?alerts=on</c> banner and flash, <c>?alerts=sound</c> with sound too (kiosk browsers that allow autoplay).</summary>
    [SupplyParameterFromQuery(Name = "alerts")] public string? AlertsChoice { get; set; }

    private LiveSubscription? subscription;
    private string? screenOf; // the link whose screen place this wall holds
    private DisplayLink? Link { get; set; }
    private string? Closed { get; set; }
    private int ViewIndex { get; set; }
    private DateTimeOffset rotatedAt, checkedAt;

    /// <summary>The queue on screen when the link rotates through its queues; null shows them all.</summary>
    private string? CurrentQueue => Link is { View: { RotateQueues: true, QueueIds.Count: > 1 } view } ? view.QueueIds[ViewIndex % view.QueueIds.Count] : null;

    private IReadOnlyList<QueueInfo> QueueList { get; set; } = [];

    private string Title => CurrentQueue is { } queue ? $"{Link!.Name} · {QueueInfo.NameOf(QueueList, queue)}" : Link?.Name ?? "";

    /// <summary>The agents on screen: the current queue's, by status then name.</summary>
    private BoardQuery Query => BoardQuery.Everyone with { Queue = CurrentQueue, Sort = BoardSort.Status };

    private List<LiveAgent> Agents => Query.Apply(Board, Now);

    protected override async Task OnInitializedAsync()
    {
        Now = rotatedAt = checkedAt = Clock.GetUtcNow();
        var link = await Links.FindAsync(Token, Closing.Token);
        if (!DisplayLink.IsOpen(link, Now, out var whyNot))
        {
            Closed = whyNot;
            return;
        }
        Link = link;
        QueueList = await Catalogue.AllAsync(Closing.Token);
        UseThresholds((await Preferences.GetAsync(link.Zuid, Closing.Token)).ThresholdsOver(LiveOptions.Value.ResolveThresholds()));
        if (!RendererInfo.IsInteractive || Closing.IsCancellationRequested)
        {
            return; // the pre-render shows the frame; the live connection brings the data (and a closed wall nothing)
        }
        if (!Screens.TryOpen(link.Id))
        {
            Link = null;
            Closed = Screens.TooManyMessage;
            return;
        }
        screenOf = link.Id;
        Links.Revoked += OnRevoked;
        subscription = Feeds.Subscribe(link.Zuid, link.View.Scope);
        await FollowAsync(subscription, waitForFirstBoard: false);
        await Links.TouchAsync(link.Id, Closing.Token);
    }

    /// <summary>
    /// Once a second: the rotation. Once a poll interval the link is read again (a revocation made elsewhere, an
    /// expiry) and the wall noted as seen (written once a minute at most).
    /// </summary>
    protected override async Task<bool> OnTickAsync(CancellationToken cancellationToken)
    {
        if (Link is null) return false; // closed
        if (Now - checkedAt >= LiveOptions.Value.PollInterval)
        {
            checkedAt = Now;
            if (!await StillOpenAsync(cancellationToken)) return false;
        }
        if (Link is { View.RotateQueues: true } rotating && Now - rotatedAt >= TimeSpan.FromSeconds(Math.Max(5, rotating.View.RotateSeconds)))
        {
            ViewIndex++;
            rotatedAt = Now;
        }
        return true;
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
        ShowNothing();
        subscription?.Dispose();
        subscription = null;
        GiveBackScreen();
        StateHasChanged();
    }

    private void GiveBackScreen()
    {
        if (Interlocked.Exchange(ref screenOf, null) is { } id) Screens.Close(id);
    }

    public override void Dispose()
    {
        Links.Revoked -= OnRevoked;
        base.Dispose();
        subscription?.Dispose();
        GiveBackScreen();
    }
}
