using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentDashboard.Web.Agents;

internal static class AgentsExtensions
{
    /// <summary>The queue catalogue (over the configured queues; demo mode puts its own source in their place) and the agent directory.</summary>
    public static void AddAgents(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IQueueSource, ConfiguredQueues>();
        builder.Services.AddSingleton<QueueCatalogue>();
        builder.Services.AddSingleton<AgentDirectory>();
    }
}
