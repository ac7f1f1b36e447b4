using AgentDashboard.Core.Adherence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentDashboard.Web.Adherence;

internal static class AdherenceReportExtensions
{
    /// <summary>
    /// The timeline page's and the adherence export's report. Until a schedule store is registered (AddAdherence),
    /// the report reads no schedules rather than failing: the pages then say schedules can be imported.
    /// </summary>
    public static void AddAdherenceReport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AdherenceReport>();
        builder.Services.TryAddSingleton<IScheduleSource, NoSchedules>();
    }

    private sealed class NoSchedules : IScheduleSource
    {
        public Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScheduledActivity>>([]);

        public Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken) => Task.FromResult(ActivityRules.Default);
    }
}
