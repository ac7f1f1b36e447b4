using System.Runtime.CompilerServices;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Periods;

namespace AgentDashboard.Web.Adherence;

/// <summary>
/// One agent's local day against their schedule: the figures (judged up to now on a day not yet over), the
/// out-of-adherence stretches, and the scheduled activities cut to the day (Off left out).
/// </summary>
public sealed record AgentDayAdherence(AdherenceDay Figures, IReadOnlyList<OutOfAdherence> Stretches, IReadOnlyList<ScheduledActivity> Schedule)
{
    public bool Scheduled => Schedule.Count > 0;
}

/// <summary>The adherence of some agents' timelines, agent-day by agent-day, and their team totals.</summary>
public sealed class AdherenceSheet(IReadOnlyList<AgentTimeline> timelines, IReadOnlyDictionary<(string AgentId, DateOnly Date), AgentDayAdherence> days)
{
    public static AdherenceSheet Empty { get; } = new([], new Dictionary<(string, DateOnly), AgentDayAdherence>());

    public IReadOnlyList<AgentTimeline> Timelines => timelines;

    public AgentDayAdherence? For(string agentId, DateOnly date) => days.GetValueOrDefault((agentId, date));

    /// <summary>Every agent-day of the timelines, in their order.</summary>
    public IEnumerable<(AgentTimeline Agent, TimelineDay Day, AgentDayAdherence Adherence)> Rows =>
        timelines.SelectMany(t => t.Days.Select(d => (t, d, days[(t.AgentId, d.Date)])));

    /// <summary>True when anyone has anything scheduled on any of the days.</summary>
    public bool AnySchedule { get; } = days.Values.Any(d => d.Scheduled);

    public AdherenceTotals Team { get; } = AdherenceTotals.Of(days.Values.Select(d => d.Figures));
}

/// <summary>
/// The one home of the timeline page's and the adherence export's arithmetic: reads the agents' schedules over the
/// request's days and the activity rules, and judges each agent-day of their timelines.
/// </summary>
public sealed class AdherenceReport(IScheduleSource schedules, TimeProvider clock)
{
    public async Task<AdherenceSheet> ForAsync(PeriodRequest request, IReadOnlyList<AgentTimeline> timelines, CancellationToken cancellationToken)
    {
        var rules = await schedules.GetRulesAsync(cancellationToken);
        return await SheetAsync(request, timelines, rules, cancellationToken);
    }

    /// <summary>Each part of a streamed export with its sheet: the rules read once, the schedules with each part.</summary>
    public async IAsyncEnumerable<AdherenceSheet> StreamAsync(PeriodRequest request, IAsyncEnumerable<IReadOnlyList<AgentTimeline>> parts,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ActivityRules? rules = null;
        await foreach (var part in parts.WithCancellation(cancellationToken))
        {
            rules ??= await schedules.GetRulesAsync(cancellationToken);
            yield return await SheetAsync(request, part, rules, cancellationToken);
        }
    }

    private async Task<AdherenceSheet> SheetAsync(PeriodRequest request, IReadOnlyList<AgentTimeline> timelines, ActivityRules rules, CancellationToken cancellationToken)
    {
        if (timelines.Count == 0)
        {
            return AdherenceSheet.Empty;
        }
        var span = request.Days();
        var activities = await schedules.GetAsync(timelines.Select(t => t.AgentId).ToList(), span.Start, span.End, cancellationToken);
        var byAgent = activities.ToLookup(a => a.AgentId, StringComparer.Ordinal);
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var days = new Dictionary<(string, DateOnly), AgentDayAdherence>();
        foreach (var agent in timelines)
        {
            var mine = byAgent[agent.AgentId].ToList();
            foreach (var day in agent.Days)
            {
                var schedule = AdherenceStretches.CutToDay(day, mine);
                var stretches = AdherenceStretches.SoFar(AdherenceStretches.ForDay(day, schedule, rules), now);
                days[(agent.AgentId, day.Date)] = new AgentDayAdherence(AdherenceStretches.SoFar(day, schedule, rules, now), stretches, schedule);
            }
        }
        return new AdherenceSheet(timelines, days);
    }
}
