using System.Collections.Immutable;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The live grid: the signed-in supervisor's shared feed, filtered and sorted as the URL says (so a refreshed
/// page comes back to the same view). The server renders on each new snapshot, and only the agents that changed;
/// time in status ticks in the browser (wwwroot/js/live.js).
/// </summary>
public partial class LivePage : IDisposable
{
    private static readonly string[] KnownStatuses = ["Available", "On Call", "Busy", "On Break", "Offline"];
    private static readonly TimeSpan MinRenderGap = TimeSpan.FromMilliseconds(150);

    [Inject] public required ILiveFeeds Feeds { get; init; }
    [Inject] public required DefaultScope Scopes { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> Options { get; init; }
    [Inject] public required IZohoVoiceClient Zoho { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? Status { get; set; }
    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery] public string? View { get; set; }
    [SupplyParameterFromQuery] public string? Queue { get; set; }

    private static readonly string[] ThresholdStatuses = ["On Break", "Busy", "On Call", "Available", "Offline"];

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource following = new();
    private LiveSubscription? subscription;
    private string? zuid;
    private LivePreferences preferences = LivePreferences.Default;
    private bool EditingSettings { get; set; }
    private HashSet<string> EditQueues { get; set; } = [];
    private Dictionary<string, ThresholdMinutes> EditThresholds { get; set; } = [];
    private string? SettingsProblem { get; set; }
    private BoardSnapshot Board { get; set; } = BoardSnapshot.Empty;
    private DateTimeOffset Now { get; set; }
    private Thresholds Thresholds { get; set; } = Thresholds.Default;

    /// <summary>Warning and alert (ms) per status class, for the browser's ticking script; the same for every render.</summary>
    private string ThresholdsJson { get; set; } = "{}";
    private HashSet<string> Selected { get; } = new(StringComparer.Ordinal);
    private string OverrideTo { get; set; } = "Available";
    private bool ConfirmingOverride { get; set; }
    private IReadOnlyList<(string Name, string Status, bool Succeeded, string? Message)>? OverrideResults { get; set; }
    private ZohoApiException? OverrideError { get; set; }

    private static IReadOnlyList<string> Settable => AgentDashboard.Zoho.Models.AgentStatuses.Settable;
    private bool Tiles => View != "table";
    private string SortKey => Sort is "status" or "time" ? Sort : "name";
    private bool Stale => Board.IsStale(Now, Options.Value.PollInterval);
    private IReadOnlySet<string> StatusFilter => (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private IEnumerable<(string Status, int Count)> Counters =>
        KnownStatuses.Concat(Board.Counts.Keys.Except(KnownStatuses)).Select(s => (s, Board.Counts.GetValueOrDefault(s)));

    private IReadOnlyList<(string Id, string Name)> QueueList => Scopes.Queues();

    private int OverThreshold => Board.Agents.Count(a => Thresholds.LevelOf(a, Now) != ThresholdLevel.None);

    private List<LiveAgent> VisibleAgents
    {
        get
        {
            var filter = StatusFilter;
            var agents = Board.Agents.Where(a => (filter.Count == 0 || (a.Status is { } s && filter.Contains(s)))
                && (string.IsNullOrEmpty(Queue) || a.Answers(Queue))
                && (string.IsNullOrWhiteSpace(Q) || a.Name.Contains(Q.Trim(), StringComparison.CurrentCultureIgnoreCase)));
            return (SortKey switch
            {
                "status" => agents.OrderBy(a => Array.IndexOf(KnownStatuses, a.Status) is var i && i < 0 ? 99 : i).ThenBy(a => a.Name),
                "time" => agents.OrderByDescending(a => a.TimeInStatus(Now) ?? TimeSpan.Zero).ThenBy(a => a.Name),
                _ => agents.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
            }).ToList();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        Now = Clock.GetUtcNow();
        if (Authentication is null || (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is not { } user)
        {
            return;
        }
        zuid = user;
        preferences = await Preferences.GetAsync(user, closing.Token);
        ApplyThresholds();
        await SubscribeAsync();
    }

    private void ApplyThresholds()
    {
        Thresholds = preferences.ThresholdsOver(Options.Value.ResolveThresholds());
        ThresholdsJson = StatusStyle.ThresholdsJson(Thresholds);
    }

    /// <summary>The supervisor's saved queues, or every queue on first use.</summary>
    private LiveScope Scope => preferences.QueueIds is { Count: > 0 } queues ? new LiveScope([.. queues], []) : Scopes.Everything();

    private async Task SubscribeAsync()
    {
        subscription = Feeds.Subscribe(zuid!, Scope);
        Board = subscription.Current;
        if (Board.AsOf is null)
        {
            // A new feed: wait briefly so the first paint (and a wall monitor) already shows agents.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                Board = await subscription.Updates.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // show "Loading agents…"; the live connection brings them
            }
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && subscription is not null)
        {
            _ = FollowAsync(subscription, following.Token);
            _ = TickAsync(closing.Token);
        }
    }

    private void OpenSettings()
    {
        EditQueues = (preferences.QueueIds ?? []).ToHashSet(StringComparer.Ordinal);
        EditThresholds = ThresholdStatuses.ToDictionary(s => s, s => Thresholds.ByStatus.TryGetValue(s, out var t)
            ? new ThresholdMinutes(t.WarningAfter?.TotalMinutes, t.AlertAfter?.TotalMinutes)
            : new ThresholdMinutes(null, null));
        SettingsProblem = null;
        EditingSettings = true;
    }

    private void ToggleEditQueue(string id)
    {
        if (!EditQueues.Remove(id)) EditQueues.Add(id);
    }

    private void SetEditThreshold(string status, object? value, bool red)
    {
        double? minutes = double.TryParse(value as string, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double m) && m >= 0 ? m : null;
        var current = EditThresholds[status];
        EditThresholds[status] = red ? current with { Alert = minutes } : current with { Warning = minutes };
    }

    private async Task SaveSettingsAsync()
    {
        if (EditThresholds.FirstOrDefault(t => t.Value is { Warning: { } w, Alert: { } a } && a <= w) is { Key: { } wrong })
        {
            SettingsProblem = $"For {wrong}, red must come after amber.";
            return;
        }
        var old = Scope.Key;
        preferences = new LivePreferences(
            EditQueues.Count == 0 ? null : QueueList.Select(q => q.Id).Where(EditQueues.Contains).ToList(),
            EditThresholds.Where(t => t.Value.Warning is not null || t.Value.Alert is not null).ToDictionary(t => t.Key, t => t.Value));
        await Preferences.SaveAsync(zuid!, preferences, closing.Token);
        ApplyThresholds();
        EditingSettings = false;
        if (Scope.Key != old)
        {
            // Another scope is another feed: leave the old one (it stops when nobody watches) and follow the new.
            following.Cancel();
            subscription?.Dispose();
            following = new CancellationTokenSource();
            await SubscribeAsync();
            _ = FollowAsync(subscription!, following.Token);
        }
    }

    /// <summary>New snapshots, at most a few renders a second: the feed's one-slot channel drops what a slow circuit missed.</summary>
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
                await Task.Delay(MinRenderGap, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Once a second the header (staleness, the over-threshold count) is brought up to date. Tiles skip the
    /// render unless their threshold level changed; their clocks tick in the browser.
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

    private void ToggleStatus(string status)
    {
        var filter = StatusFilter.ToHashSet();
        if (!filter.Remove(status)) filter.Add(status);
        SetQuery(nameof(Status), filter.Count == 0 ? null : string.Join(',', KnownStatuses.Concat(filter.Except(KnownStatuses)).Where(filter.Contains)));
    }

    private void SetQuery(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name.ToLowerInvariant(), string.IsNullOrWhiteSpace(value) ? null : value), replace: true);

    private void ToggleSelected(string agentId)
    {
        if (!Selected.Remove(agentId)) Selected.Add(agentId);
        OverrideResults = null;
    }

    private void AskToOverride()
    {
        ConfirmingOverride = Selected.Count > 0;
        OverrideResults = null;
        OverrideError = null;
    }

    private async Task OverrideAsync()
    {
        ConfirmingOverride = false;
        var names = Board.Agents.ToDictionary(a => a.AgentId, a => a.Name);
        try
        {
            var answer = await Zoho.OverrideOnlineStatusAsync(Selected.ToList(), OverrideTo, closing.Token);
            OverrideResults = answer.Outcomes
                .Select(o => (names.GetValueOrDefault(o.AgentId ?? "", o.AgentId ?? "?"), OverrideTo, o.Succeeded, o.Message))
                .ToList();
            Selected.Clear();
        }
        catch (ZohoApiException error)
        {
            OverrideError = error;
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        following.Cancel();
        subscription?.Dispose();
        closing.Dispose();
        following.Dispose();
    }
}
