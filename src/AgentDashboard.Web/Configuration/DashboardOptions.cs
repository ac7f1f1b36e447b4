using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Configuration;

/// <summary>Where the dashboard gets its Zoho data from.</summary>
public enum DashboardMode
{
    /// <summary>The embedded Zoho Voice simulator (the default: no account needed).</summary>
    Demo,
    /// <summary>Real Zoho accounts and Zoho Voice, or any server honouring the same contract.</summary>
    Zoho,
}

/// <summary>The <c>Dashboard</c> section of appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public DashboardMode Mode { get; set; } = DashboardMode.Demo;

    /// <summary>Where the token store and the Data Protection keys live. Default: the user's local application data.</summary>
    public string? DataPath { get; set; }

    /// <summary>The section as configured, for start-up code that runs before the options can be resolved.</summary>
    public static DashboardOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<DashboardOptions>() ?? new DashboardOptions();

    public string ResolveDataPath()
    {
        if (!string.IsNullOrWhiteSpace(DataPath)) return DataPath;
        string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local, "AgentDashboard");
    }
}

internal static class DashboardOptionsExtensions
{
    public static void AddDashboardOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Mode), $"{DashboardOptions.SectionName}:Mode must be Demo or Zoho.")
            .ValidateOnStart();
        // The dashboard's SQLite file: tokens, settings, display links.
        builder.Services.AddSingleton(DashboardDatabase.InDataFolder(DashboardOptions.From(builder.Configuration).ResolveDataPath()));
    }
}
