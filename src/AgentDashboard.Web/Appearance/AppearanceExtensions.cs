namespace AgentDashboard.Web.Appearance;

internal static class AppearanceExtensions
{
    /// <summary>Each supervisor's light or dark choice.</summary>
    public static void AddAppearance(this WebApplicationBuilder builder) => builder.Services.AddSingleton<AppearanceStore>();
}
