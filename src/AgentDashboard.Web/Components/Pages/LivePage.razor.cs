using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The live grid: the signed-in supervisor's shared feed (<see cref="LiveBoard"/> follows it), viewed as the URL says
/// (so a refreshed page comes back the same), with the supervisor's settings and the bulk status change.
/// </summary>
public partial class LivePage : IDisposable
{
    [Inject] public required ILiveFeeds Feeds { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required IOptions<LiveFeedOptions> Options { get; init; }
    [Inject] public required IZohoVoiceClient Zoho { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required ILogger<LivePage> Logger { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? Status { get; set; }
    [SupplyParameterFromQuery] public string? Q { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "view")] public string? ViewName { get; set; }
    [SupplyParameterFromQuery] public string? Queue { get; set; }

    private readonly CancellationTokenSource closing = new();
    private LiveSubscription? subscription;
    private string? zuid;
    private string? userName;
    private LivePreferences preferences = LivePreferences.Default;
    private Thresholds Thresholds { get; set; } = Thresholds.Default;
    private HashSet<string> Selected { get; } = new(StringComparer.Ordinal);
    private string OverrideTo { get; set; } = "Available";
    private IReadOnlyList<(string Name, string Status, bool Succeeded, string? Message)>? OverrideResults { get; set; }
    private string? OverrideReason { get; set; }
    private ZohoApiException? OverrideError { get; set; }

    private LiveView View { get; set; } = LiveView.Everyone;

    /// <summary>What a failed override means: nothing changed, or (no answer came) perhaps it did; the next poll shows which.</summary>
    private string OverrideFailure => OverrideError?.OutcomeUnknown == true
        ? "The change may or may not have been made: Zoho Voice did not answer. The grid shows which at its next poll."
        : "No status was changed.";
    private static IReadOnlyList<string> Settable => AgentDashboard.Zoho.Models.AgentStatuses.Settable;
    private IReadOnlyList<QueueInfo> QueueList { get; set; } = [];

    /// <summary>The supervisor's saved queues, or every queue on first use.</summary>
    private LiveScope Scope => new([.. preferences.QueueIds is { Count: > 0 } queues ? queues : QueueList.Select(q => q.Id)], []);

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

    private async Task OpenSettingsAsync()
    {
        var dialog = await Dialogs.ShowAsync<LiveSettingsDialog>("Your live grid", new DialogParameters<LiveSettingsDialog>
        {
            { d => d.Queues, QueueList },
            { d => d.Preferences, preferences },
            { d => d.Current, Thresholds },
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
        if (await dialog.Result is not { Canceled: false, Data: LivePreferences chosen } || zuid is null)
        {
            return;
        }
        var oldScope = Scope.Key;
        preferences = chosen;
        await Preferences.SaveAsync(zuid, preferences, closing.Token);
        Thresholds = preferences.ThresholdsOver(Options.Value.ResolveThresholds());
        if (Scope.Key != oldScope && !closing.IsCancellationRequested)
        {
            // Another scope is another feed: leave the old one (it stops when nobody watches) and follow the new.
            subscription?.Dispose();
            subscription = Feeds.Subscribe(zuid, Scope);
        }
        Snackbar.Add("Your live grid settings are saved.", Severity.Success);
    }

    private void ToggleStatus(string status) => SetQuery(nameof(Status), View.Toggled(status));

    private void SetQuery(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name.ToLowerInvariant(), string.IsNullOrWhiteSpace(value) ? null : value), replace: true);

    private void ToggleSelected(string agentId)
    {
        if (!Selected.Remove(agentId)) Selected.Add(agentId);
        OverrideResults = null;
    }

    private async Task OverrideAsync()
    {
        string status = OverrideTo;
        var dialog = await Dialogs.ShowAsync<OverrideDialog>("Change status", new DialogParameters<OverrideDialog>
        {
            { d => d.Count, Selected.Count },
            { d => d.Status, status },
        }, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }
        (OverrideResults, OverrideError, OverrideReason) = (null, null, reason);
        var names = subscription?.Current.Agents.ToDictionary(a => a.AgentId, a => a.Name) ?? [];
        try
        {
            var answer = await Zoho.OverrideOnlineStatusAsync(Selected.ToList(), status, closing.Token);
            OverrideResults = answer.Outcomes
                .Select(o => (names.GetValueOrDefault(o.AgentId ?? "", o.AgentId ?? "?"), status, o.Succeeded, o.Message))
                .ToList();
            int done = OverrideResults.Count(r => r.Succeeded);
            Logger.LogInformation("{Supervisor} set {Done} of {Asked} agents to {Status}. Reason: {Reason}", userName, done, Selected.Count, status, reason.Length > 0 ? reason : "none given");
            Snackbar.Add(done == OverrideResults.Count ? $"{done} agent{(done == 1 ? "" : "s")} set to {status}." : $"{done} of {OverrideResults.Count} agents set to {status}; see why below.",
                done == OverrideResults.Count ? Severity.Success : Severity.Warning);
            Selected.Clear();
        }
        catch (ZohoApiException error)
        {
            OverrideError = error;
            Snackbar.Add(OverrideFailure + " " + error.Message, Severity.Error);
        }
        catch (ZohoQueryException error)
        {
            Snackbar.Add("No status was changed: " + string.Join(" ", error.Problems), Severity.Error);
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        subscription?.Dispose();
        closing.Dispose();
    }
}
