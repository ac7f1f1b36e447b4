using System.Diagnostics.Metrics;

namespace AgentDashboard.Web.Live;

/// <summary>The live grid's own measurements, for any metrics listener (and the render benchmark).</summary>
public static class LiveMetrics
{
    public const string MeterName = "AgentDashboard.Live";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Server time to render a live board (the grid's or a wall's) for one new snapshot, in milliseconds.</summary>
    public static readonly Histogram<double> GridRender = Meter.CreateHistogram<double>("live.grid.render", "ms", "Server time to render one live board update (grid or wall)");
}
