namespace AgentDashboard.Web.Timelines;

internal static class TimelineExtensions
{
    /// <summary>The timeline page's and exports' loader.</summary>
    public static void AddTimelines(this WebApplicationBuilder builder) => builder.Services.AddScoped<TimelineLoader>();
}
