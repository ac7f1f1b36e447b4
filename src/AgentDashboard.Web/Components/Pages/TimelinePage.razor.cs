using AgentDashboard.Core;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Security;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Zoho;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Per-agent timelines: one lane per agent and local day, from every page of the agents' status changes. The URL
/// holds the whole request (so it can be shared, and the heatmap can link to a day); the form edits a copy and
/// "Show" puts it in the URL. Loading shows progress and can be cancelled.
/// </summary>
public partial class TimelinePage
{
    /// <summary>More lanes than this are not drawn at once: the page asks to zoom to a day or pick fewer agents.</summary>
    public const int MaxLanes = 400;

    [Inject] public required TimelineLoader Loader { get; init; }
    [Inject] public required AdherenceReport Report { get; init; }
    [Inject] public required ILogger<TimelinePage> Log { get; init; }
    [Inject] public required AgentDashboard.Web.Audit.AuditStore Audit { get; init; }
    [Inject] public required AgentDashboard.Web.Wall.DisplayAdmins Admins { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentications { get; init; }

    protected override WorkKind Reads => WorkKind.StatusChanges;

    [SupplyParameterFromQuery] public string? Day { get; set; }

    /// <summary>The stretch of the day the lanes are zoomed to, as <see cref="TimelineSpan"/> writes it ("09:00-09:30").</summary>
    [SupplyParameterFromQuery(Name = "span")] public string? SpanText { get; set; }

    private PeriodRequest? Request { get; set; }
    private IReadOnlyList<AgentTimeline>? Timelines { get; set; }

    /// <summary>The timelines against the agents' schedules (empty when there are none, or they could not be read).</summary>
    private AdherenceSheet? Sheet { get; set; }
    private string? ScheduleProblem { get; set; }

    /// <summary>The dashboard's records of the changes on screen, the viewer's own (everyone's for an administrator).</summary>
    private AgentDashboard.Web.Audit.DashboardChanges Dashboard { get; set; } = AgentDashboard.Web.Audit.DashboardChanges.None;
    private StatusAuditProgress? Progress { get; set; }

    private DateOnly? ZoomDay => DateOnly.TryParseExact(Day, "yyyy-MM-dd", out var day) ? day : null;

    /// <summary>The lanes to draw: agent by agent, each agent's days (only the zoomed day when zoomed in).</summary>
    private IEnumerable<(AgentTimeline Agent, IReadOnlyList<TimelineDay> Days)> Lanes =>
        (Timelines ?? []).Select(t => (t, (IReadOnlyList<TimelineDay>)(ZoomDay is { } day ? t.Days.Where(d => d.Date == day).ToList() : t.Days)));

    private int LaneCount => Lanes.Sum(l => l.Days.Count);

    /// <summary>The statuses seen in the timelines, the usual ones first, for the legend.</summary>
    private IEnumerable<string> LegendStatuses => StatusCatalogue.Known.Concat((Timelines ?? [])
        .SelectMany(t => t.Days).SelectMany(d => d.Totals.ByStatus).Select(s => s.Status).Where(s => !StatusCatalogue.Known.Contains(s)).Distinct());

    /// <summary>The request the timelines on screen answer, and the day and span zoomed to then.</summary>
    private (string Request, string? Day, string? Span)? shown;

    protected override async Task OnParametersSetAsync()
    {
        if (!ReadyToLoad())
        {
            return;
        }
        ReadSpan();
        // Zooming in or out only redraws the lanes already read; anything else (Show included) reads Zoho again.
        string request = string.Join('|', AgentIds, Queue, From, To, Tz, ExcludeDays, ExcludeStatus);
        bool onlyZoomed = Timelines is not null && shown is { } before && before.Request == request && (before.Day != Day || before.Span != SpanText);
        shown = (request, Day, SpanText);
        if (!onlyZoomed)
        {
            await LoadAsync();
        }
    }

    private Task LoadAsync() => RunLoadAsync(async cancellationToken =>
    {
        (Timelines, Progress, Sheet, ScheduleProblem) = (null, null, null, null);
        var (request, _) = await PrepareAsync(defaultDays: 1, cancellationToken);
        if (request is null)
        {
            return;
        }
        // No agents picked: everyone in the queue, or in the supervisor's queues.
        Request = request.AgentIds.Count > 0 ? request : request with { AgentIds = Agents.Select(a => a.Id).ToList() };
        StateHasChanged();
        var names = Agents.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var progress = new Progress<StatusAuditProgress>(p =>
        {
            if (cancellationToken.IsCancellationRequested) return;
            Progress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        var timelines = await Loader.LoadAsync(Request, names, progress, cancellationToken);
        try
        {
            Sheet = await Report.ForAsync(Request, timelines, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The timelines are still worth showing without the schedules.
            Log.LogWarning("Schedules could not be read for the timeline: {Problem}", e.Message);
            ScheduleProblem = "Schedules could not be read just now, so adherence is not shown. Load the page again to try again.";
        }
        Dashboard = await DashboardChangesAsync(Request, cancellationToken);
        Timelines = timelines;
    });

    private async Task<AgentDashboard.Web.Audit.DashboardChanges> DashboardChangesAsync(PeriodRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var user = (await Authentications.GetAuthenticationStateAsync()).User;
            if (AgentDashboard.Web.Audit.AuditViewer.Of(user, Admins) is not { } viewer) return AgentDashboard.Web.Audit.DashboardChanges.None;
            var days = request.Days();
            return await AgentDashboard.Web.Audit.DashboardChanges.LoadAsync(Audit, request.AgentIds, days.Start, days.End, viewer, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Zoho's own account of each change is still shown.
            Log.LogWarning("The audit trail could not be read for the timeline: {Problem}", e.Message);
            return AgentDashboard.Web.Audit.DashboardChanges.None;
        }
    }

    private void ShowForm() => Show(new Dictionary<string, object?> { ["day"] = null });

    private void Zoom(DateOnly? day) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("day", day?.ToString("yyyy-MM-dd")));

    /// <summary>The export link for the request on screen, with the agents it resolved to.</summary>
    private string ExportHref(string file) => Request is not { } r ? "" : "/export/" + file + QueryString.Create(r.ToQuery());
}
