using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>Schedules fed by hand: what the timeline reads, and every question it asked.</summary>
public sealed class TimelineScheduleSource : IScheduleSource
{
    public List<ScheduledActivity> Activities { get; } = [];
    public List<(IReadOnlyCollection<string> AgentIds, long From, long To)> Asked { get; } = [];
    public int RulesRead { get; private set; }

    /// <summary>Thrown by every read when set, as an unreachable store would.</summary>
    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken)
    {
        if (Failure is not null) throw Failure;
        lock (Asked) Asked.Add((agentIds.ToList(), from, to));
        return Task.FromResult<IReadOnlyList<ScheduledActivity>>(Activities
            .Where(a => agentIds.Contains(a.AgentId) && a.End > from && a.Start < to)
            .OrderBy(a => a.AgentId, StringComparer.Ordinal).ThenBy(a => a.Start).ToList());
    }

    public Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken)
    {
        if (Failure is not null) throw Failure;
        RulesRead++;
        return Task.FromResult(ActivityRules.Default);
    }
}

public static class TimelineScheduleFakes
{
    /// <summary>The fake schedules and the adherence report over them (as AdherenceReportExtensions registers it), for the period pages.</summary>
    public static IServiceCollection AddScheduleFakes(this IServiceCollection services, IServiceProvider main) => services
        .AddSingleton<TimelineScheduleSource>()
        .AddSingleton<IScheduleSource>(s => s.GetRequiredService<TimelineScheduleSource>())
        .AddSingleton(s => new AdherenceReport(s.GetRequiredService<IScheduleSource>(), main.GetRequiredService<TimeProvider>()));

    public static TimelineScheduleSource Schedules(this PageContext page) => page.Context.Services.GetRequiredService<TimelineScheduleSource>();
}
