using AgentDashboard.Core;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The period's overview from the vendor: the team's totals, who had the most time in each status, and a
/// leaderboard sorted and paged by the API itself (sortField, sortMetric, sortOrder, from/size).
/// </summary>
public partial class OverviewPage : IDisposable
{
    public const int PageSize = 25;

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
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery] public string? Metric { get; set; }
    [SupplyParameterFromQuery] public string? Order { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource? loading;
    private string? zuid;

    private PeriodForm Form { get; } = new();
    private IReadOnlyList<DirectoryAgent> Agents { get; set; } = [];
    private IReadOnlyList<string> Problems { get; set; } = [];
    private ZohoApiException? LoadError { get; set; }
    private PeriodRequest? Request { get; set; }
    private PeriodOverview? Overview { get; set; }
    private bool Loading => loading is not null;

    private static readonly string[] Metrics = ["sum", "avg", "max"];

    /// <summary>Working Time first, then the statuses, then any custom status Zoho sent.</summary>
    private IReadOnlyList<string> Columns => Overview is not { } o ? []
        : new[] { Statuses.WorkingTime }.Concat(StatusStyle.KnownStatuses)
            .Concat(o.Team.Keys.Concat(o.Leaderboard.SelectMany(r => r.ByStatus.Keys)).Distinct().Order())
            .Distinct().Where(s => o.Team.ContainsKey(s) || o.Leaderboard.Any(r => r.ByStatus.ContainsKey(s))).ToList();

    private string SortField => string.IsNullOrWhiteSpace(Sort) ? Statuses.WorkingTime : Sort;
    private SortMetric SortMetricValue => Metric switch { "avg" => SortMetric.Avg, "max" => SortMetric.Max, _ => SortMetric.Sum };
    private SortOrder SortOrderValue => Order == "asc" ? SortOrder.Asc : SortOrder.Desc;
    private int CurrentPage => Math.Max(1, PageNumber ?? 1);
    private int PageCount => Overview?.AgentCount is { } n ? Math.Max(1, (n + PageSize - 1) / PageSize) : 1;

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
        (Problems, LoadError) = ([], null);
        try
        {
            var queues = await Scope.QueuesAsync(zuid!, Queue, mine.Token);
            Agents = await Directory.GetAsync(queues, mine.Token);
            var (request, problems) = PeriodRequest.Parse(AgentIds, From, To, Tz, ExcludeDays, ExcludeStatus, Clock.GetUtcNow());
            if (request is null)
            {
                (Problems, Overview) = (problems, null);
                return;
            }
            if (string.IsNullOrWhiteSpace(From))
            {
                request = request with { From = request.To.AddDays(1 - HeatmapPage.DefaultDays) };
            }
            if (request.AgentIds.Count > ZohoVoiceClient.MaxIdsPerRequest)
            {
                (Problems, Overview) = ([$"The overview takes at most {ZohoVoiceClient.MaxIdsPerRequest} picked agents ({request.AgentIds.Count} were picked); pick fewer, or a queue."], null);
                return;
            }
            Request = request;
            (Form.From, Form.To) = (request.From.ToString("yyyy-MM-dd"), request.To.ToString("yyyy-MM-dd"));
            var answer = await Loader.OverviewAsync(request, queues, new StatusSort(SortField, SortMetricValue, SortOrderValue),
                new Paging((CurrentPage - 1) * PageSize, PageSize), mine.Token);
            Overview = PeriodOverview.From(answer);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
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

    private void Show() => Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Form.ToQuery(NameOf)));

    /// <summary>Sorts by a column through the API: a second click on the sorted column turns the order round.</summary>
    private void SortBy(string status, string metric)
    {
        bool same = status == SortField && metric == SortMetricValue.ToString().ToLowerInvariant();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["sort"] = status,
            ["metric"] = metric,
            ["order"] = same && SortOrderValue == SortOrder.Desc ? "asc" : null,
            ["page"] = null,
        }));
    }

    private string? AriaSort(string status, string metric) =>
        status == SortField && metric == SortMetricValue.ToString().ToLowerInvariant() ? (SortOrderValue == SortOrder.Asc ? "ascending" : "descending") : null;

    private void GoToPage(int page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", page <= 1 ? null : page));

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

    /// <summary>h:mm, or a dash with a reason for the vendor's "--".</summary>
    private static string Ms(long? value) => value is { } v ? StatusStyle.HoursMinutes(v) : "—";

    private string ExportHref => Request is not { } r ? "" : "/export/overview.csv" + QueryString.Create(new Dictionary<string, string?>
    {
        ["agentIds"] = r.AgentIds.Count > 0 ? string.Join(',', r.AgentIds) : null,
        ["queue"] = Queue,
        ["from"] = r.From.ToString("yyyy-MM-dd"),
        ["to"] = r.To.ToString("yyyy-MM-dd"),
        ["tz"] = r.Zone.Id,
        ["excludeDays"] = r.ExcludeDays,
        ["excludeStatus"] = r.ExcludeStatus.Count > 0 ? string.Join(',', r.ExcludeStatus) : null,
        ["sort"] = SortField,
        ["metric"] = SortMetricValue.ToString().ToLowerInvariant(),
        ["order"] = SortOrderValue.ToString().ToLowerInvariant(),
    }.Where(p => p.Value is not null));

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
