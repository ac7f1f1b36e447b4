using System.Diagnostics.Metrics;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Operations;

/// <summary>
/// The dashboard's own measurements, exported at <c>/metrics</c> beside the Zoho client's (<see cref="AgentDashboard.Zoho.ZohoMetrics"/>)
/// and the live grid's (<see cref="LiveMetrics"/>). Labels are small fixed sets of words: never a user, agent, address or token.
/// </summary>
public sealed class DashboardMetrics
{
    public const string MeterName = "AgentDashboard.Web";

    private readonly Counter<long> tokenRefreshes;
    private readonly UpDownCounter<long> circuits;
    private readonly Counter<long> exports;

    /// <param name="services">Where the live feeds are found when a gauge is read (they are made after this).</param>
    public DashboardMetrics(IMeterFactory meters, IServiceProvider services)
    {
        var meter = meters.Create(MeterName);
        tokenRefreshes = meter.CreateCounter<long>("dashboard.token_refreshes", "{refresh}", "Zoho access tokens renewed, by outcome");
        circuits = meter.CreateUpDownCounter<long>("dashboard.circuits", "{circuit}", "Blazor circuits open now, by kind (page or wall)");
        exports = meter.CreateCounter<long>("dashboard.exports", "{export}", "CSV exports asked for, by kind and outcome");
        meter.CreateObservableGauge("dashboard.live.feeds", () => Feeds(services)?.FeedCount ?? 0, "{feed}", "Live feeds running on this instance");
        meter.CreateObservableGauge("dashboard.live.board_age", () => BoardAge(services), "s",
            "Age of the stalest running feed's newest good board (from the feed's start while it has none)");
    }

    /// <summary><paramref name="outcome"/>: ok, session_ended, rate_limited, client_rejected, unexpected, or a failure kind of the call.</summary>
    public void TokenRefreshed(string outcome) => tokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void CircuitOpened(string kind) => circuits.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void CircuitClosed(string kind) => circuits.Add(-1, new KeyValuePair<string, object?>("kind", kind));

    public void Exported(string kind, string outcome) =>
        exports.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    private static LiveFeedHub? Feeds(IServiceProvider services)
    {
        try
        {
            return services.GetService<LiveFeedHub>();
        }
        catch (ObjectDisposedException)
        {
            return null; // a scrape racing the host's shutdown
        }
    }

    private static IEnumerable<Measurement<double>> BoardAge(IServiceProvider services) =>
        Feeds(services)?.OldestBoardAge() is { } age ? [new Measurement<double>(Math.Max(0, age.TotalSeconds))] : [];
}
