using System.Net;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AgentDashboard.Web.Operations;

/// <summary>The <c>Dashboard:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Dashboard:Metrics";

    /// <summary>Whether <c>/metrics</c> answers (on by default); off, it is 404 and nothing is collected.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) allowed to read <c>/metrics</c>; none: any client. Others get 404.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    public static MetricsOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
}

/// <summary>
/// <c>GET /metrics</c>: OpenTelemetry's Prometheus text over the dashboard's meters. Open without signing in, as
/// <c>/healthz</c> and <c>/readyz</c> are, since a scraper has no session; an operator turns it off or limits it to
/// the scraper's network (<see cref="MetricsOptions"/>).
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void AddDashboardMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<DashboardMetrics>();
        builder.Services.AddScoped<CircuitHandler, CircuitCounter>();
        var settings = MetricsOptions.From(builder.Configuration);
        foreach (string network in settings.AllowedNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                throw new Microsoft.Extensions.Options.OptionsValidationException(MetricsOptions.SectionName, typeof(MetricsOptions),
                    [$"{MetricsOptions.SectionName}:AllowedNetworks holds \"{network}\", which is not a network in CIDR form (e.g. 10.0.0.0/8)."]);
            }
        }
        if (!settings.Enabled) return;
        builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("agentdashboard")).WithMetrics(metrics => metrics
            .AddMeter(DashboardMetrics.MeterName, ZohoMetrics.MeterName, LiveMetrics.MeterName)
            .AddPrometheusExporter());
    }

    public static void MapDashboardMetrics(this WebApplication app)
    {
        var settings = MetricsOptions.From(app.Configuration);
        if (!settings.Enabled) return;
        var allowed = settings.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
        app.Services.GetRequiredService<DashboardMetrics>(); // its gauges (feeds, board age) answer from the first scrape on
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            var client = context.Connection.RemoteIpAddress;
            if (allowed.Count > 0 && (client is null || !allowed.Any(n => n.Contains(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client))))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        }), optionsName: null).AllowAnonymous();
    }

    /// <summary>Counts circuits open by kind: a wall's (its address starts with /wall) or any other page's.</summary>
    private sealed class CircuitCounter(DashboardMetrics metrics, NavigationManager navigation) : CircuitHandler
    {
        private string? kind;

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            kind = KindOf(navigation);
            metrics.CircuitOpened(kind);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            if (kind is not null) metrics.CircuitClosed(kind);
            kind = null;
            return Task.CompletedTask;
        }
    }

    internal static string KindOf(NavigationManager navigation)
    {
        try
        {
            string path = navigation.ToBaseRelativePath(navigation.Uri);
            return path == "wall" || path.StartsWith("wall/", StringComparison.OrdinalIgnoreCase) ? "wall" : "page";
        }
        catch (InvalidOperationException)
        {
            return "page"; // not initialised: no address to tell by
        }
    }
}
