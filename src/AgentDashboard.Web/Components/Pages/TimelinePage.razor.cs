using AgentDashboard.Web.Periods;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Per-agent timelines: one lane per agent and local day, from every page of the agents' status changes. The URL
/// holds the whole request (so it can be shared, and the heatmap can link to a day); the form edits a copy and
/// "Show" puts it in the URL. Loading shows progress and can be cancelled.
/// </summary>
public partial class TimelinePage : IDisposable
{
    /// <summary>More lanes than this are not drawn at once: the page asks to zoom to a day or pick fewer agents.</summary>
    public const int MaxLanes = 400;

    [Inject] public required TimelineLoader Loader { get; init; }
    [Inject] public required AgentDirectory Directory { get; init; }
    [Inject] public required PeriodScope Scope { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? AgentIds { get; set; }
    [SupplyParameterFromQuery] public string? Queue { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Tz { get; set; }
    [SupplyParameterFromQuery] public string? ExcludeDays { get; set; }
    [SupplyParameterFromQuery] public string? ExcludeStatus { get; set; }
    [SupplyParameterFromQuery] public string? Day { get; set; }

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource? loading;
    private string? zuid;

    /// <summary>The agents the picker offers: those of the chosen queue, or of the supervisor's queues.</summary>
    private IReadOnlyList<DirectoryAgent> Agents { get; set; } = [];
    private IReadOnlyList<string> Problems { get; set; } = [];
    private ZohoApiException? LoadError { get; set; }
    private PeriodRequest? Request { get; set; }
    private IReadOnlyList<AgentTimeline>? Timelines { get; set; }
    private StatusAuditProgress? Progress { get; set; }
    private bool Loading => loading is not null;
    private bool Cancelled { get; set; }

    /// <summary>The form's copy of the request, applied by Show.</summary>
    private PeriodForm Form { get; } = new();

    private IReadOnlyList<(string Id, string Name)> QueueList => Scope.AllQueues();

    private DateOnly? ZoomDay => DateOnly.TryParseExact(Day, "yyyy-MM-dd", out var day) ? day : null;

    /// <summary>The lanes to draw: agent by agent, each agent's days (only the zoomed day when zoomed in).</summary>
    private IEnumerable<(AgentTimeline Agent, IReadOnlyList<TimelineDay> Days)> Lanes =>
        (Timelines ?? []).Select(t => (t, (IReadOnlyList<TimelineDay>)(ZoomDay is { } day ? t.Days.Where(d => d.Date == day).ToList() : t.Days)));

    private int LaneCount => Lanes.Sum(l => l.Days.Count);

    /// <summary>The statuses seen in the timelines, the usual ones first, for the legend.</summary>
    private IEnumerable<string> LegendStatuses => StatusStyle.KnownStatuses.Concat((Timelines ?? [])
        .SelectMany(t => t.Days).SelectMany(d => d.Totals.ByStatus).Select(s => s.Status).Where(s => !StatusStyle.KnownStatuses.Contains(s)).Distinct());

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is null || (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is not { } user)
        {
            return;
        }
        zuid = user;
    }

    protected override async Task OnParametersSetAsync()
    {
        Form.Load(AgentIds, Queue, From, To, Tz, ExcludeDays, ExcludeStatus);
        // The first render is the server's pre-render: wait for the live connection before reading Zoho.
        if (zuid is null || !RendererInfo.IsInteractive || string.IsNullOrWhiteSpace(Tz))
        {
            return;
        }
        await LoadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            await BrowserTimeZone.EnsureInUrlAsync(JS, Navigation, Tz);
        }
    }

    private async Task LoadAsync()
    {
        loading?.Cancel();
        var mine = loading = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        (Problems, LoadError, Timelines, Progress, Cancelled) = ([], null, null, null, false);
        try
        {
            Agents = await Directory.GetAsync(await Scope.QueuesAsync(zuid!, Queue, mine.Token), mine.Token);
            var (request, problems) = PeriodRequest.Parse(AgentIds, From, To, Tz, ExcludeDays, ExcludeStatus, Clock.GetUtcNow());
            if (request is null)
            {
                Problems = problems;
                return;
            }
            // No agents picked: everyone in the queue, or in the supervisor's queues.
            Request = request.AgentIds.Count > 0 ? request : request with { AgentIds = Agents.Select(a => a.Id).ToList() };
            Form.From = Request.From.ToString("yyyy-MM-dd");
            Form.To = Request.To.ToString("yyyy-MM-dd");
            StateHasChanged();
            var names = Agents.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
            var progress = new Progress<StatusAuditProgress>(p =>
            {
                if (loading != mine) return;
                Progress = p;
                _ = InvokeAsync(StateHasChanged);
            });
            Timelines = await Loader.LoadAsync(Request, names, progress, mine.Token);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            Cancelled = loading == mine;
        }
        catch (ZohoQueryException e)
        {
            Problems = e.Problems;
        }
        catch (ZohoApiException e)
        {
            LoadError = e;
        }
        finally
        {
            if (loading == mine) loading = null;
            mine.Dispose();
        }
    }

    private void CancelLoad() => loading?.Cancel();

    private void Show()
    {
        var query = Form.ToQuery(NameOf);
        query["day"] = null;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query));
    }

    private async Task ChangeQueueAsync(string queue)
    {
        Form.Queue = queue;
        Form.Agents.Clear();
        try
        {
            Agents = await Directory.GetAsync(await Scope.QueuesAsync(zuid!, queue, closing.Token), closing.Token);
        }
        catch (ZohoApiException e)
        {
            LoadError = e;
        }
    }

    private void Zoom(DateOnly? day) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("day", day?.ToString("yyyy-MM-dd")));

    /// <summary>The export link for the request on screen, with the agents it resolved to.</summary>
    private string ExportHref(string file) => Request is not { } r ? "" : "/export/" + file + QueryString.Create(new Dictionary<string, string?>
    {
        ["agentIds"] = string.Join(',', r.AgentIds),
        ["from"] = r.From.ToString("yyyy-MM-dd"),
        ["to"] = r.To.ToString("yyyy-MM-dd"),
        ["tz"] = r.Zone.Id,
        ["excludeDays"] = r.ExcludeDays,
        ["excludeStatus"] = r.ExcludeStatus.Count > 0 ? string.Join(',', r.ExcludeStatus) : null,
    }.Where(p => p.Value is not null));

    private string NameOf(string id) => Agents.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
