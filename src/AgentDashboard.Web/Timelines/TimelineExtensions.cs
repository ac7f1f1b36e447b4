using AgentDashboard.Web.Agents;

namespace AgentDashboard.Web.Timelines;

internal static class TimelineExtensions
{
    /// <summary>The timeline page's and exports' loader, and the agent directory behind the pickers.</summary>
    public static void AddTimelines(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TimelineLoader>();
        builder.Services.AddScoped<AgentDirectory>();
    }
}
