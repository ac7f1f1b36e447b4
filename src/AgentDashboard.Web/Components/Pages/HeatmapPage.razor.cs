using AgentDashboard.Core;
using System.Globalization;
using AgentDashboard.Core.Heatmaps;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Agents by local days (or one agent's, or the whole scope's, calendar) coloured by one metric, from the vendor's
/// calendar summary. The request lives in the URL; a cell opens that agent's timeline for that day.
/// </summary>
public partial class HeatmapPage : IDisposable
{
    /// <summary>Without dates the heatmap shows the last four weeks, today included.</summary>
    public const int DefaultDays = 28;

    [Inject] public required PeriodLoader Loader { get; init; }
    [Inject] public required PeriodScope Scope { get; init; }
    [Inject] public required AgentDirectory Directory { get; init; }
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
    [SupplyParameterFromQuery] public string? Metric { get; set; }
    [SupplyParameterFromQuery] public string? View { get; set; }
    [SupplyParameterFromQuery] public string? Agent { get; set; }

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource? loading;
    private string? zuid;

    private PeriodForm Form { get; } = new();
    private IReadOnlyList<DirectoryAgent> Agents { get; set; } = [];
    private IReadOnlyList<string> Problems { get; set; } = [];
    private ZohoApiException? LoadError { get; set; }
    private PeriodRequest? Request { get; set; }
    private Heatmap? Map { get; set; }
    private int AgentsRead { get; set; }

    /// <summary>When the figures arrived (the machine's real clock, epoch ms): the render benchmark measures the paint from here.</summary>
    private long ReadyAt { get; set; }
    private bool Loading => loading is not null;
    private bool Cancelled { get; set; }

    private HeatMetric SelectedMetric => HeatMetric.Parse(Metric);

    /// <summary>The rows as the virtualised grid takes them (it needs a collection).</summary>
    private List<HeatRow> GridRows { get; set; } = [];
    private bool CalendarView => View == "calendar";

    /// <summary>The calendar's row: one agent's, or the whole scope's.</summary>
    private (HeatRow Row, HeatScale Scale) CalendarSubject =>
        Map!.Rows.FirstOrDefault(r => r.AgentId == Agent) is { } row ? (row, Map.Scale) : (Map.Team, Map.TeamScale);

    public static IEnumerable<HeatMetric> Metrics =>
        new HeatMetric[] { new HeatMetric.Working() }
            .Concat(StatusStyle.KnownStatuses.Select(s => new HeatMetric.TimeIn(s)))
            .Concat(StatusStyle.KnownStatuses.Where(s => s != "Offline").Select(s => new HeatMetric.ShareOf(s)));

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null && (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is { } user)
        {
            zuid = user;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        Form.Load(AgentIds, Queue, From, To, Tz, ExcludeDays, ExcludeStatus);
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
        (Problems, LoadError, Map, AgentsRead, Cancelled) = ([], null, null, 0, false);
        try
        {
            var queues = await Scope.QueuesAsync(zuid!, Queue, mine.Token);
            Agents = await Directory.GetAsync(queues, mine.Token);
            var (request, problems) = PeriodRequest.Parse(AgentIds, From, To, Tz, ExcludeDays, ExcludeStatus, Clock.GetUtcNow());
            if (request is null)
            {
                Problems = problems;
                return;
            }
            if (string.IsNullOrWhiteSpace(From))
            {
                request = request with { From = request.To.AddDays(1 - DefaultDays) };
            }
            Request = request;
            (Form.From, Form.To) = (request.From.ToString("yyyy-MM-dd"), request.To.ToString("yyyy-MM-dd"));
            StateHasChanged();
            var progress = new Progress<int>(read =>
            {
                if (loading != mine) return;
                AgentsRead = read;
                _ = InvokeAsync(StateHasChanged);
            });
            var days = await Loader.CalendarAsync(request, queues, progress, mine.Token);
            ReadyAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            Map = Heatmap.Build(days, request.From, request.To, request.Filter().ExcludedDays, SelectedMetric);
            GridRows = [.. Map.Rows];
            FigureStatuses = days.SelectMany(a => a.Days.Values).SelectMany(d => d.Sums.Keys).Distinct()
                .OrderBy(s => s == Statuses.WorkingTime ? 0 : Array.IndexOf(StatusStyle.KnownStatuses, s) is var i and >= 0 ? 1 + i : 99)
                .ThenBy(s => s, StringComparer.Ordinal).ToList();
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
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query));
    }

    private void SetParameter(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, string.IsNullOrEmpty(value) ? null : value));

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

    private string NameOf(string id) => Agents.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    /// <summary>A value in the metric's unit: h:mm for time, a percentage for a share.</summary>
    private string Format(double value) => SelectedMetric.IsShare
        ? (value * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%"
        : StatusStyle.HoursMinutes((long)value);

    private string BandLabel(HeatScale scale, int bucket)
    {
        if (bucket == 0) return SelectedMetric.IsShare ? "0%" : "none";
        var (from, to) = scale.Band(bucket);
        return double.IsPositiveInfinity(to) ? $"{Format(from)} and more" : $"{Format(from)}–{Format(to)}";
    }

    /// <summary>The statuses the cells' figures list, Working Time first: every status Zoho sent for any day shown.</summary>
    private IReadOnlyList<string> FigureStatuses { get; set; } = [];

    private static string CellClass(HeatCell cell) => cell.Kind switch
    {
        CellKind.Excluded => "hx",
        CellKind.NoData => "hn",
        _ => CellBuckets[cell.Bucket],
    };

    private static readonly string[] CellBuckets = ["b0", "b1", "b2", "b3", "b4", "b5"];

    private string? CellValue(HeatCell cell) => cell.Kind == CellKind.Value ? Format(cell.Value) : null;

    /// <summary>A day's figures in whole minutes, in <see cref="FigureStatuses"/>' order; "-" for Zoho's "--" or a status it did not send.</summary>
    private string? CompactFigures(DayFigures? day) => day is null ? null
        : string.Join(',', FigureStatuses.Select(s => day[s] is { } ms ? (ms / 60_000).ToString(CultureInfo.InvariantCulture) : "-"));

    /// <summary>The timeline page for the shown zone; the browser adds the agent and the day of the clicked cell.</summary>
    private string TimelineBase => "/timeline?tz=" + Uri.EscapeDataString(Request?.Zone.Id ?? "UTC");

    private string ExportHref => Request is not { } r ? "" : "/export/heatmap.csv" + QueryString.Create(new Dictionary<string, string?>
    {
        ["agentIds"] = r.AgentIds.Count > 0 ? string.Join(',', r.AgentIds) : null,
        ["queue"] = Queue,
        ["from"] = r.From.ToString("yyyy-MM-dd"),
        ["to"] = r.To.ToString("yyyy-MM-dd"),
        ["tz"] = r.Zone.Id,
        ["excludeDays"] = r.ExcludeDays,
        ["excludeStatus"] = r.ExcludeStatus.Count > 0 ? string.Join(',', r.ExcludeStatus) : null,
    }.Where(p => p.Value is not null));

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
