using System.Globalization;
using AgentDashboard.Core;
using AgentDashboard.Core.Heatmaps;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Agents by local days (or one agent's, or the whole scope's, calendar) coloured by one metric, from the vendor's
/// calendar summary. The request lives in the URL; a cell opens that agent's timeline for that day.
/// </summary>
public partial class HeatmapPage
{
    /// <summary>Without dates the heatmap shows the last four weeks, today included.</summary>
    public const int DefaultDays = 28;

    [Inject] public required PeriodLoader Loader { get; init; }

    [SupplyParameterFromQuery] public string? Metric { get; set; }
    [SupplyParameterFromQuery] public string? View { get; set; }
    [SupplyParameterFromQuery] public string? Agent { get; set; }

    /// <summary>The figures on screen and the request they answer: a new metric or view is drawn from them, not fetched again.</summary>
    private (string Key, IReadOnlyList<AgentDays> Days)? loaded;

    private PeriodRequest? Request { get; set; }
    private Heatmap? Map { get; set; }
    private int AgentsRead { get; set; }

    /// <summary>When the figures arrived (the machine's real clock, epoch ms): the render benchmark measures the paint from here.</summary>
    private long ReadyAt { get; set; }

    private HeatMetric SelectedMetric => HeatMetric.Parse(Metric);

    /// <summary>The rows as the virtualised grid takes them (it needs a collection).</summary>
    private List<HeatRow> GridRows { get; set; } = [];
    private bool CalendarView => View == "calendar";

    /// <summary>Up to a month, cells are larger squares; longer ranges keep them small so 93 days stay on a screen or two.</summary>
    private bool WideCells => Map?.Days.Count <= 31;

    /// <summary>A calendar column's month, shown on the first column and where the column's first day starts a new month.</summary>
    private string CalendarMonthLabel(int week, int lead)
    {
        var days = Map!.Days;
        var first = days[Math.Max(0, week * 7 - lead)];
        return week == 0 || days[Math.Max(0, (week - 1) * 7 - lead)].Month != first.Month ? first.ToString("MMM") : "";
    }

    /// <summary>The calendar's row: one agent's, or the whole scope's.</summary>
    private (HeatRow Row, HeatScale Scale) CalendarSubject =>
        Map!.Rows.FirstOrDefault(r => r.AgentId == Agent) is { } row ? (row, Map.Scale) : (Map.Team, Map.TeamScale);

    public static IEnumerable<HeatMetric> Metrics =>
        new HeatMetric[] { new HeatMetric.Working() }
            .Concat(StatusCatalogue.Known.Select(s => new HeatMetric.TimeIn(s)))
            .Concat(StatusCatalogue.Known.Where(StatusCatalogue.IsWorking).Select(s => new HeatMetric.ShareOf(s)));

    protected override async Task OnParametersSetAsync()
    {
        if (ReadyToLoad())
        {
            await LoadAsync();
        }
    }

    private Task LoadAsync() => RunLoadAsync(async cancellationToken =>
    {
        (Map, AgentsRead) = (null, 0);
        var (request, queues) = await PrepareAsync(DefaultDays, cancellationToken);
        if (request is null)
        {
            return;
        }
        Request = request;
        string key = $"{Queue}|{request.ToQuery().Aggregate("", (all, p) => all + p.Key + "=" + p.Value + "&")}";
        if (loaded is not { } cached || cached.Key != key)
        {
            StateHasChanged();
            var progress = new Progress<int>(read =>
            {
                if (cancellationToken.IsCancellationRequested) return;
                AgentsRead = read;
                _ = InvokeAsync(StateHasChanged);
            });
            loaded = (key, await Loader.CalendarAsync(request, queues, progress, cancellationToken));
        }
        var days = loaded.Value.Days;
        ReadyAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Map = Heatmap.Build(days, request.From, request.To, request.Filter().ExcludedDays, SelectedMetric);
        GridRows = [.. Map.Rows];
        FigureStatuses = days.SelectMany(a => a.Days.Values).SelectMany(d => d.Sums.Keys).Distinct()
            .OrderBy(s => s == StatusCatalogue.WorkingTime ? -1 : StatusCatalogue.Order(s))
            .ThenBy(s => s, StringComparer.Ordinal).ToList();
    });

    private void SetParameter(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, string.IsNullOrEmpty(value) ? null : value));

    /// <summary>A value in the metric's unit: h:mm for time, a percentage for a share.</summary>
    private string Format(double value) => SelectedMetric.IsShare
        ? (value * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%"
        : DurationText.HoursMinutes((long)value);

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

    /// <summary>
    /// A day's figures in whole minutes, in <see cref="FigureStatuses"/>' order; "&lt;1" for some time under a minute
    /// (as <see cref="DurationText.HoursMinutes"/> shows it), "-" for Zoho's "--" or a status it did not send.
    /// </summary>
    private string? CompactFigures(DayFigures? day) => day is null ? null
        : string.Join(',', FigureStatuses.Select(s => day[s] switch
        {
            null => "-",
            > 0 and < 60_000 => "<1",
            { } ms => (ms / 60_000).ToString(CultureInfo.InvariantCulture),
        }));

    /// <summary>The timeline page for the shown zone; the browser adds the agent and the day of the clicked cell.</summary>
    private string TimelineBase => "/timeline?tz=" + Uri.EscapeDataString(Request?.Zone.Id ?? "UTC");

    private string ExportHref => Request is not { } r ? "" : "/export/heatmap.csv" + QueryString.Create(
        r.ToQuery().Append(new("queue", string.IsNullOrEmpty(Queue) ? null : Queue)).Where(p => p.Value is not null));
}
