using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The live grid: the signed-in supervisor's shared feed (<see cref="LiveBoard"/> follows it), viewed as the URL says
/// (so a refreshed page comes back the same), with their settings (<see cref="LiveSettingsButton"/>) and the bulk
/// status change (<see cref="BulkOverride"/>) of the agents ticked on the board.
/// </summary>
public partial class LivePage : IDisposable
{
    [Inject] public required ILiveFeeds Feeds { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> Options { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? Status { get; set; }
    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "view")] public string? ViewName { get; set; }
    [SupplyParameterFromQuery] public string? Queue { get; set; }

    private readonly CancellationTokenSource closing = new();
    private LiveSubscription? subscription;
    private BulkOverride? bulkOverride;
    private string? zuid;
    private string? userName;
    private LivePreferences preferences = LivePreferences.Default;
    private Thresholds Thresholds { get; set; } = Thresholds.Default;
    private HashSet<string> Selected { get; } = new(StringComparer.Ordinal);
    private IReadOnlyList<QueueInfo> QueueList { get; set; } = [];
    private LiveView View { get; set; } = LiveView.Everyone;

    /// <summary>The supervisor's saved queues, or every queue on first use.</summary>
    private LiveScope Scope => new([.. preferences.WatchedQueues(QueueList)], []);

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is null || (await Authentication).User is not { } user || user.FindFirst(ZohoClaims.Zuid)?.Value is not { } id)
        {
            return;
        }
        (zuid, userName) = (id, user.Identity?.Name);
        preferences = await Preferences.GetAsync(id, closing.Token);
        QueueList = await Catalogue.AllAsync(closing.Token);
        Thresholds = preferences.ThresholdsOver(Options.Value.ResolveThresholds());
        if (closing.IsCancellationRequested) return; // left while the settings were read: follow nothing
        subscription = Feeds.Subscribe(id, Scope);
    }

    protected override void OnParametersSet() => View = LiveView.FromQuery(Status, Queue, Q, Sort, ViewName);

    private void SettingsSaved(LivePreferences chosen)
    {
        var oldScope = Scope.Key;
        preferences = chosen;
        Thresholds = preferences.ThresholdsOver(Options.Value.ResolveThresholds());
        if (Scope.Key != oldScope && zuid is not null && !closing.IsCancellationRequested)
        {
            // Another scope is another feed: leave the old one (it stops when nobody watches) and follow the new.
            subscription?.Dispose();
            subscription = Feeds.Subscribe(zuid, Scope);
        }
    }

    private void ToggleStatus(string status) => SetQuery(nameof(Status), View.Toggled(status));

    private void SetQuery(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name.ToLowerInvariant(), string.IsNullOrWhiteSpace(value) ? null : value), replace: true);

    private void ToggleSelected(string agentId)
    {
        if (!Selected.Remove(agentId)) Selected.Add(agentId);
        bulkOverride?.ClearOutcome();
    }

    private string NameOf(string agentId) => subscription?.Current.Agents.FirstOrDefault(a => a.AgentId == agentId)?.Name ?? agentId;

    private string? StatusOf(string agentId) => subscription?.Current.Agents.FirstOrDefault(a => a.AgentId == agentId)?.Status;

    public void Dispose()
    {
        closing.Cancel();
        subscription?.Dispose();
        closing.Dispose();
    }
}
