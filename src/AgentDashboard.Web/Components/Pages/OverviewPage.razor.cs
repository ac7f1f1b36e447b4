using AgentDashboard.Core;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The period's overview from the vendor: the team's totals, who had the most time in each status, and a
/// leaderboard sorted and paged by the API itself (sortField, sortMetric, sortOrder, from/size).
/// </summary>
public partial class OverviewPage
{
    public const int PageSize = 25;

    [Inject] public required PeriodLoader Loader { get; init; }

    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery] public string? Metric { get; set; }
    [SupplyParameterFromQuery] public string? Order { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    private PeriodRequest? Request { get; set; }
    private PeriodOverview? Overview { get; set; }

    private static readonly string[] Metrics = ["sum", "avg", "max"];

    /// <summary>Working Time first, then the statuses, then any custom status Zoho sent.</summary>
    private IReadOnlyList<string> Columns => Overview is not { } o ? []
        : new[] { StatusCatalogue.WorkingTime }.Concat(StatusCatalogue.Known)
            .Concat(o.Team.Keys.Concat(o.Leaderboard.SelectMany(r => r.ByStatus.Keys)).Distinct().Order())
            .Distinct().Where(s => o.Team.ContainsKey(s) || o.Leaderboard.Any(r => r.ByStatus.ContainsKey(s))).ToList();

    private string SortField => string.IsNullOrWhiteSpace(Sort) ? StatusCatalogue.WorkingTime : Sort;
    private SortMetric SortMetricValue => Metric switch { "avg" => SortMetric.Avg, "max" => SortMetric.Max, _ => SortMetric.Sum };
    private SortOrder SortOrderValue => Order == "asc" ? SortOrder.Asc : SortOrder.Desc;
    private int CurrentPage => Math.Max(1, PageNumber ?? 1);
    private int PageCount => Overview?.AgentCount is { } n ? Math.Max(1, (n + PageSize - 1) / PageSize) : 1;

    protected override async Task OnParametersSetAsync()
    {
        if (ReadyToLoad())
        {
            await LoadAsync();
        }
    }

    private Task LoadAsync() => RunLoadAsync(async cancellationToken =>
    {
        var (request, queues) = await PrepareAsync(HeatmapPage.DefaultDays, cancellationToken);
        if (request is null)
        {
            Overview = null;
            return;
        }
        if (request.AgentIds.Count > ZohoVoiceClient.MaxIdsPerRequest)
        {
            (Problems, Overview) = ([$"The overview takes at most {ZohoVoiceClient.MaxIdsPerRequest} picked agents ({request.AgentIds.Count} were picked); pick fewer, or a queue."], null);
            return;
        }
        Request = request;
        var answer = await Loader.OverviewAsync(request, queues, new StatusSort(SortField, SortMetricValue, SortOrderValue),
            new Paging((CurrentPage - 1) * PageSize, PageSize), cancellationToken);
        Overview = PeriodOverview.From(answer);
    });

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

    private string SortIcon(string status, string metric) => AriaSort(status, metric) switch
    {
        "ascending" => MudBlazor.Icons.Material.Filled.ArrowUpward,
        "descending" => MudBlazor.Icons.Material.Filled.ArrowDownward,
        _ => MudBlazor.Icons.Material.Filled.UnfoldMore,
    };

    /// <summary>How the team's Working Time splits between the statuses it is made of (every one but Offline), in hours.</summary>
    private IReadOnlyList<(string Status, double Hours)>? TimePerStatus => Overview?.Team
        .Where(t => t.Key != StatusCatalogue.WorkingTime && StatusCatalogue.IsWorking(t.Key) && t.Value.Sum is > 0)
        .OrderBy(t => StatusCatalogue.Order(t.Key))
        .Select(t => (t.Key, t.Value.Sum!.Value / 3_600_000.0)).ToList();

    /// <summary>The chart's slices in the statuses' own colours (mid tones that read on light and dark).</summary>
    private MudBlazor.ChartOptions ChartOptions => new()
    {
        ChartPalette = TimePerStatus?.Select(s => StatusCatalogue.Of(s.Status).Colour).ToArray() ?? [],
    };

    /// <summary>h:mm, or a dash with a reason for the vendor's "--".</summary>
    private static string Ms(long? value) => value is { } v ? DurationText.HoursMinutes(v) : "—";

    private string ExportHref => Request is not { } r ? "" : "/export/overview.csv" + QueryString.Create(r.ToQuery().Concat(new Dictionary<string, string?>
    {
        ["queue"] = string.IsNullOrEmpty(Queue) ? null : Queue,
        ["sort"] = SortField,
        ["metric"] = SortMetricValue.ToString().ToLowerInvariant(),
        ["order"] = SortOrderValue.ToString().ToLowerInvariant(),
    }).Where(p => p.Value is not null));
}
