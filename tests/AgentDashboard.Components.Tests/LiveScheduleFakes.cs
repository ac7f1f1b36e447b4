using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// Schedules as a test sets them, for the live grid's and walls' adherence flags: <see cref="Rows"/> (any agents,
/// any order; the source answers those of the agents asked for, overlapping the window asked for, ordered by agent
/// and start), or <see cref="Failure"/> thrown instead. Counts the reads.
/// </summary>
public sealed class FakeScheduleSource : IScheduleSource
{
    private int reads;

    public List<ScheduledActivity> Rows { get; } = [];
    public ActivityRules Rules { get; set; } = ActivityRules.Default;
    public Exception? Failure { get; set; }
    public int Reads => Volatile.Read(ref reads);

    /// <summary>The agents of the last read.</summary>
    public IReadOnlyCollection<string> LastAgents { get; private set; } = [];

    public Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        LastAgents = [.. agentIds];
        if (Failure is { } failure) throw failure;
        lock (Rows)
        {
            IReadOnlyList<ScheduledActivity> answer = [.. Rows.Where(r => agentIds.Contains(r.AgentId) && r.End > from && r.Start < to).OrderBy(r => r.AgentId, StringComparer.Ordinal).ThenBy(r => r.Start)];
            return Task.FromResult(answer);
        }
    }

    public Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken) => Task.FromResult(Rules);

    /// <summary>One agent's activity, in minutes from <paramref name="now"/> (negative: before it).</summary>
    public void Add(string agentId, DateTimeOffset now, double fromMinutes, double toMinutes, string activity)
    {
        lock (Rows) Rows.Add(new(agentId, now.AddMinutes(fromMinutes).ToUnixTimeMilliseconds(), now.AddMinutes(toMinutes).ToUnixTimeMilliseconds(), activity));
    }
}

public static class LiveScheduleFakes
{
    /// <summary>What the boards need for adherence, as Live/LiveAdherenceExtensions.cs registers it, over a <see cref="FakeScheduleSource"/>.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<FakeScheduleSource>();
        services.AddSingleton<IScheduleSource>(s => s.GetRequiredService<FakeScheduleSource>());
        services.AddSingleton(Options.Create(new AdherenceOptions()));
        services.AddSingleton<LiveSchedules>();
    }
}
