namespace AgentDashboard.Core.Heatmaps;

/// <summary>One agent's local day as the vendor's calendar summary gives it: ms per status, Working Time included; null where it sent "--".</summary>
public sealed record DayFigures(IReadOnlyDictionary<string, long?> Sums)
{
    public long? this[string status] => Sums.GetValueOrDefault(status);
}

/// <summary>An agent and their days; a day absent from <see cref="Days"/> has no figures.</summary>
public sealed record AgentDays(string AgentId, string AgentName, IReadOnlyDictionary<DateOnly, DayFigures> Days);

/// <summary>What a heatmap cell shows: a status's time, Working Time, or a status's share of Working Time.</summary>
public abstract record HeatMetric(string Key, string Label)
{
    public virtual bool IsShare => false;

    /// <summary>The day's value (ms, or a share 0-1), or null when the day has no figure for it.</summary>
    public abstract double? ValueOf(DayFigures day);

    public sealed record TimeIn(string Status) : HeatMetric("time:" + Status, Status + " time")
    {
        public override double? ValueOf(DayFigures day) => day[Status];
    }

    public sealed record Working() : HeatMetric("working", StatusCatalogue.WorkingTime)
    {
        public override double? ValueOf(DayFigures day) => day[StatusCatalogue.WorkingTime];
    }

    /// <summary>A status's time over Working Time; a day without Working Time has no share (not 0%).</summary>
    public sealed record ShareOf(string Status) : HeatMetric("share:" + Status, Status + " share of Working Time")
    {
        public override bool IsShare => true;

        public override double? ValueOf(DayFigures day) =>
            day[Status] is { } part && day[StatusCatalogue.WorkingTime] is { } whole && whole > 0 ? (double)part / whole : null;
    }

    /// <summary>Reads a metric's <see cref="Key"/>; anything else is Working Time.</summary>
    public static HeatMetric Parse(string? key) =>
        key is null ? new Working()
        : key.StartsWith("time:", StringComparison.Ordinal) && key.Length > 5 ? new TimeIn(key[5..])
        : key.StartsWith("share:", StringComparison.Ordinal) && key.Length > 6 ? new ShareOf(key[6..])
        : new Working();
}

public enum CellKind { Value, NoData, Excluded }

/// <summary>A cell: its value and colour bucket, or why it has none.</summary>
public readonly record struct HeatCell(CellKind Kind, double Value, int Bucket, DayFigures? Figures);

/// <summary>
/// Colour buckets: 0 holds exactly zero; 1-5 split (0, <see cref="Max"/>] into five equal bands, and the top band
/// also takes everything above. For time, <see cref="Max"/> is the 95th percentile rounded up to 75 minutes (bands
/// of whole quarter hours), so one agent who never signed off does not wash out everyone else's 8-hour days.
/// Shares run to 100% whatever the data, so the same colour means the same share on every screen.
/// </summary>
public sealed record HeatScale(double Max, bool IsShare)
{
    public const int Bands = 5;
    private const double BandStepMs = Bands * 15 * 60_000;

    public int BucketOf(double value) =>
        value <= 0 || Max <= 0 ? 0 : Math.Min(Bands, 1 + (int)(value / Max * Bands - 1e-9));

    /// <summary>The values a bucket covers: (0, 0) for bucket 0; the top band's upper end is open unless it is a share.</summary>
    public (double From, double To) Band(int bucket) =>
        bucket <= 0 ? (0, 0) : ((bucket - 1) * Max / Bands, bucket == Bands && !IsShare ? double.PositiveInfinity : bucket * Max / Bands);

    public static HeatScale For(IEnumerable<double> values, bool isShare)
    {
        if (isShare)
        {
            return new HeatScale(1, true);
        }
        var sorted = values.Where(v => v > 0).Order().ToList();
        if (sorted.Count == 0)
        {
            return new HeatScale(BandStepMs, false);
        }
        double p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        return new HeatScale(Math.Ceiling(p95 / BandStepMs) * BandStepMs, false);
    }
}

/// <summary>A row of the heatmap: an agent (or the whole scope) and a cell per day of the range.</summary>
public sealed record HeatRow(string AgentId, string AgentName, IReadOnlyList<HeatCell> Cells);

/// <summary>
/// Agents by local days for one metric. A day on an excluded weekday is <see cref="CellKind.Excluded"/> (Zoho leaves it
/// out of the answer), a day or figure Zoho did not give is <see cref="CellKind.NoData"/>: neither is ever zero.
/// </summary>
public sealed class Heatmap
{
    private Heatmap(IReadOnlyList<DateOnly> days, IReadOnlyList<HeatRow> rows, HeatRow team, HeatScale scale, HeatScale teamScale, HeatMetric metric)
    {
        (Days, Rows, Team, Scale, TeamScale, Metric) = (days, rows, team, scale, teamScale, metric);
    }

    public IReadOnlyList<DateOnly> Days { get; }
    public IReadOnlyList<HeatRow> Rows { get; }

    /// <summary>The whole scope per day: each status summed over the agents with figures that day.</summary>
    public HeatRow Team { get; }

    public HeatScale Scale { get; }
    public HeatScale TeamScale { get; }
    public HeatMetric Metric { get; }

    public static Heatmap Build(IReadOnlyList<AgentDays> agents, DateOnly first, DateOnly last, IReadOnlySet<DayOfWeek> excludedDays, HeatMetric metric)
    {
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1)) days.Add(day);

        var figures = agents.Select(a => days.Select(d => excludedDays.Contains(d.DayOfWeek) ? null : a.Days.GetValueOrDefault(d)).ToArray()).ToList();
        var scale = HeatScale.For(figures.SelectMany(row => row).OfType<DayFigures>().Select(metric.ValueOf).OfType<double>(), metric.IsShare);
        var rows = agents.Select((a, i) => new HeatRow(a.AgentId, a.AgentName, Cells(figures[i], days, excludedDays, metric, scale))).ToList();

        var teamFigures = days.Select((d, i) => Sum(figures.Select(row => row[i]))).ToArray();
        var teamScale = HeatScale.For(teamFigures.OfType<DayFigures>().Select(metric.ValueOf).OfType<double>(), metric.IsShare);
        var team = new HeatRow("", "Whole scope", Cells(teamFigures, days, excludedDays, metric, teamScale));
        return new Heatmap(days, rows, team, scale, teamScale, metric);
    }

    private static HeatCell[] Cells(DayFigures?[] figures, List<DateOnly> days, IReadOnlySet<DayOfWeek> excludedDays, HeatMetric metric, HeatScale scale) =>
        days.Select((day, i) => excludedDays.Contains(day.DayOfWeek) ? new HeatCell(CellKind.Excluded, 0, 0, null)
            : figures[i] is not { } f || metric.ValueOf(f) is not { } value ? new HeatCell(CellKind.NoData, 0, 0, figures[i])
            : new HeatCell(CellKind.Value, value, scale.BucketOf(value), f)).ToArray();

    /// <summary>Each status summed over the days that have a figure for it; null when no agent had one.</summary>
    private static DayFigures? Sum(IEnumerable<DayFigures?> days)
    {
        var sums = new Dictionary<string, long?>(StringComparer.Ordinal);
        bool any = false;
        foreach (var day in days.OfType<DayFigures>())
        {
            any = true;
            foreach (var (status, value) in day.Sums)
            {
                if (value is { } v) sums[status] = (sums.GetValueOrDefault(status) ?? 0) + v;
                else sums.TryAdd(status, null);
            }
        }
        return any ? new DayFigures(sums) : null;
    }
}
