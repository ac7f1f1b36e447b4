using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Calls;
using AgentDashboard.Web.Periods;

namespace AgentDashboard.Web.Timelines;

internal static class TimelineExtensions
{
    /// <summary>The timeline page's and exports' loader, the call page's, and the agent directory behind the pickers.</summary>
    public static void AddTimelines(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TimelineLoader>();
        builder.Services.AddScoped<AgentDirectory>();
        builder.Services.AddScoped<CallForensicsLoader>();
        builder.Services.AddScoped<PeriodLoader>();
        builder.Services.AddSingleton<PeriodScope>();
    }
}
