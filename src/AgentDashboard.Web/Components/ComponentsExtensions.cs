using MudBlazor.Services;

namespace AgentDashboard.Web.Components;

internal static class ComponentsExtensions
{
    /// <summary>The interactive server pages, MudBlazor's services, and the log of errors the pages' boundaries catch.</summary>
    public static void AddDashboardComponents(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Web.IErrorBoundaryLogger, ComponentErrorLog>();
    }
}
