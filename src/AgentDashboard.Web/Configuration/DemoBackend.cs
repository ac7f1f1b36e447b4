using AgentDashboard.Simulator;

namespace AgentDashboard.Web.Configuration;

/// <summary>
/// Demo mode: the Zoho Voice simulator runs inside the web host under <see cref="Prefix"/>, and the dashboard
/// talks to it over real HTTP and OAuth exactly as it would to Zoho.
/// </summary>
internal static class DemoBackend
{
    public const string Prefix = "/zoho-sim";

    public static void AddDemoBackend(this WebApplicationBuilder builder)
    {
        if (IsDemo(builder.Configuration))
        {
            // Its refresh tokens live in the data folder, so a restart keeps everyone signed in, as Zoho would.
            string dataPath = builder.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>()?.ResolveDataPath() ?? new DashboardOptions().ResolveDataPath();
            builder.Services.AddZohoVoiceSimulator(builder.Configuration,
                o => o.RefreshTokenFile ??= Path.Combine(dataPath, "simulator-refresh-tokens.json"));
        }
    }

    public static void MapDemoBackend(this WebApplication app)
    {
        if (IsDemo(app.Configuration))
        {
            app.MapZohoVoiceSimulator(Prefix);
        }
    }

    private static bool IsDemo(IConfiguration configuration) =>
        (configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>()?.Mode ?? DashboardMode.Demo) == DashboardMode.Demo;
}
