using AgentDashboard.Simulator;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentDashboard.Web.Demo;

/// <summary>
/// Demo mode: the Zoho Voice simulator runs inside the web host under <see cref="Prefix"/>, and the dashboard
/// talks to it over real HTTP and OAuth exactly as it would to Zoho. This is the one place the dashboard names the
/// simulator; everything else knows it only as a server that honours the contract.
/// </summary>
internal static class DemoBackend
{
    public const string Prefix = "/zoho-sim";

    /// <summary>The simulator's settings section, for <see cref="SettingsCheck"/>.</summary>
    public static (string Section, Type Type) Settings => (SimulatorOptions.SectionName, typeof(SimulatorOptions));

    /// <summary>The simulator, and its directory as the source of the queue catalogue in place of the configured queues.</summary>
    public static void AddDemoBackend(this WebApplicationBuilder builder)
    {
        if (!IsDemo(builder.Configuration)) return;
        // Its refresh tokens live in the data folder, so a restart keeps everyone signed in, as Zoho would.
        string dataPath = DashboardOptions.From(builder.Configuration).ResolveDataPath();
        // Mounted here, its controls (faults, expiring and revoking anyone's tokens) would answer every visitor:
        // off unless Simulator:ControlEndpoints turns them on (the tests do). Its directory stays: see MapZohoVoiceSimulator.
        bool controls = builder.Configuration.GetValue($"{SimulatorOptions.SectionName}:{nameof(SimulatorOptions.ControlEndpoints)}", false);
        builder.Services.AddZohoVoiceSimulator(builder.Configuration, o =>
        {
            o.RefreshTokenFile ??= Path.Combine(dataPath, "simulator-refresh-tokens.json");
            o.ControlEndpoints = controls;
        });
        builder.Services.AddSingleton<DemoAddress>();
        builder.Services.AddHttpClient(SimulatorDirectory.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<SimulatorDirectory>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IQueueSource>(services => services.GetRequiredService<SimulatorDirectory>()));
        builder.Services.AddSingleton<DemoSchedules>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DemoSchedules>());
    }

    public static void MapDemoBackend(this WebApplication app)
    {
        if (IsDemo(app.Configuration))
        {
            app.MapZohoVoiceSimulator(Prefix);
        }
    }

    private static bool IsDemo(IConfiguration configuration) => DashboardOptions.From(configuration).Mode == DashboardMode.Demo;
}
