using AgentDashboard.Web.Store;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Configuration;

/// <summary>Where the dashboard gets its Zoho data from.</summary>
public enum DashboardMode
{
    /// <summary>The embedded Zoho Voice simulator: no account needed. Set explicitly, except in Development.</summary>
    Demo,
    /// <summary>Real Zoho accounts and Zoho Voice, or any server honouring the same contract.</summary>
    Zoho,
}

/// <summary>The <c>Dashboard</c> section of appsettings.json.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// Zoho unless set, so a production host never falls back to the demo by mistake; a Development host defaults
    /// to Demo (see <see cref="DashboardOptionsExtensions.AddDashboardOptions"/>).
    /// </summary>
    public DashboardMode Mode { get; set; } = DashboardMode.Zoho;

    /// <summary>Sqlite (a file in <see cref="DataPath"/>, one instance) or Postgres (<c>ConnectionStrings:Dashboard</c>, several instances).</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>Where the SQLite store and the Data Protection keys live. Default: the user's local application data.</summary>
    public string? DataPath { get; set; }

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the Data Protection keys at rest; none: keys are plain files in a 0700 folder.</summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyCertificatePath"/>, if it has one.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>Origins allowed to show walls in a frame (signage players), besides this site. Pages other than walls: none.</summary>
    public List<string> WallFrameAncestors { get; set; } = [];

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/Proto/Host headers are believed. None by default.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of reverse proxies whose forwarded headers are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];

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
    private const string ModeKey = DashboardOptions.SectionName + ":Mode";

    public static void AddDashboardOptions(this WebApplicationBuilder builder)
    {
        // An unset mode is written into the configuration, so every reader (options, the demo backend) sees the same one.
        bool modeUnset = string.IsNullOrWhiteSpace(builder.Configuration[ModeKey]);
        if (modeUnset)
        {
            var mode = builder.Environment.IsDevelopment() ? DashboardMode.Demo : DashboardMode.Zoho;
            builder.Configuration.AddInMemoryCollection([new(ModeKey, mode.ToString())]);
        }
        bool noClient = string.IsNullOrWhiteSpace(builder.Configuration["Zoho:ClientId"]) || string.IsNullOrWhiteSpace(builder.Configuration["Zoho:ClientSecret"]);
        builder.Services.AddOptions<DashboardOptions>()
            .Bind(builder.Configuration.GetSection(DashboardOptions.SectionName))
            .Validate(o => Enum.IsDefined(o.Mode), $"{ModeKey} must be Demo or Zoho.")
            .Validate(o => !(modeUnset && o.Mode == DashboardMode.Zoho && noClient),
                $"{ModeKey} is not set, and a {builder.Environment.EnvironmentName} host does not fall back to the demo: "
                + $"set {ModeKey}=Demo to run on the embedded simulator, or register the dashboard with Zoho (Zoho:ClientId, Zoho:ClientSecret).")
            .ValidateOnStart();
    }
}
