using MudBlazor.Services;

namespace AgentDashboard.Web.Components;

internal static class ComponentsExtensions
{
    /// <summary>
    /// The interactive server pages with bounded circuits, MudBlazor's services, and the log of errors the pages'
    /// boundaries catch.
    /// </summary>
    public static void AddDashboardComponents(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // Each kept circuit holds a page's state (a timeline can be large): keep fewer than the default 100.
            circuits.DisconnectedCircuitMaxRetained = 50;
            // Long enough for a wall monitor's Wi-Fi blip or a laptop lid, short enough not to hoard abandoned tabs.
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);
            // A browser that has not answered a script call in 30 s is gone; do not hold the circuit waiting for it.
            circuits.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            // A slow client (a wall on a weak link) cannot make the server queue more than a few unsent renders.
            circuits.MaxBufferedUnacknowledgedRenderBatches = 5;
        }).AddHubOptions(hub =>
        {
            // The pages send clicks and form values, never files: 32 KB is the framework's default, stated on purpose.
            hub.MaximumReceiveMessageSize = 32 * 1024;
        });
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Web.IErrorBoundaryLogger, ComponentErrorLog>();
    }
}
