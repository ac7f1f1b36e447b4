using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Audit;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Appearance;
using AgentDashboard.Web.Calls;
using AgentDashboard.Web.Demo;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Operations;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Security;
using AgentDashboard.Web.Store;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Web.Wall;

namespace AgentDashboard.Web;

/// <summary>
/// Builds the dashboard's web host. Program.cs and the test hosts both start here; tests pass
/// <paramref name="configure"/> to add settings or swap services without forking start-up.
/// </summary>
public static class DashboardWebApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DashboardWebApplication).Assembly.GetName().Name,
            // The repository's top-level appsettings.json and wwwroot/ are copied next to the binaries
            // (see AgentDashboard.Web.csproj), so the output folder is the content root for `dotnet run`,
            // the test hosts and a publish folder alike.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        // The framework's own files (blazor.web.js) are static web assets of a package: from the build output's
        // manifest in every environment, and copied into wwwroot by a publish (where there is no manifest to read).
        builder.WebHost.UseStaticWebAssets();
        SettingsCheck.ThrowIfUnreadable(builder.Configuration, DemoBackend.Settings);
        builder.AddDashboardOptions();
        builder.AddDashboardStore();
        builder.AddSecurityHeaders();
        builder.AddProxyHeaders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddDemoBackend();
        builder.AddDashboardAuthentication();
        builder.AddOrganisationSignIn();
        builder.AddAgents();
        builder.AddLiveGrid();
        builder.AddLiveAdherence();
        builder.AddTimelines();
        builder.AddAdherence();
        builder.AddAudit();
        builder.AddPeriods();
        builder.AddCalls();
        builder.AddWall();
        builder.AddAppearance();
        builder.AddDashboardComponents();
        builder.AddWorkLimits();
        builder.AddReadiness();
        builder.AddDashboardMetrics();
        builder.AddJsonLogsInProduction();
        configure?.Invoke(builder);
        builder.Services.KeepStackTracesOutOfLogs();

        var app = builder.Build();
        // Every section's rules, checked now rather than in StartAsync, whose failure the host would log with a stack trace.
        try
        {
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // An address with no page answers 404 with the dashboard's own page, not an empty body.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseOrganisationSignIn();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Last before the endpoints, so whatever limits requests (per client, per route) has run before it.
        app.UseWallLinkGate();
        app.MapDemoBackend();
        app.MapSignInEndpoints();
        app.MapTimelineExports();
        app.MapPeriodExports();
        app.MapAdherenceExports();
        app.MapAuditExport();
        app.MapWall();
        app.MapReadiness();
        app.MapDashboardMetrics();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
