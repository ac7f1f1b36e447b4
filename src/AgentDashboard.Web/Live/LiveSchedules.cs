using System.Collections.Concurrent;
using System.Collections.Frozen;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Adherence;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

/// <summary>
/// The schedules of the agents on the live boards and walls, kept in memory for the hours around now, so a board's
/// render (once a second) never waits on the database. Read through <see cref="IScheduleSource"/> at most once a
/// minute, and at once when a board shows agents not read yet; a failed read keeps the last schedules and is tried
/// again a minute later. <see cref="Changed"/> tells the boards to draw again when a read brings something new.
/// Schedules are the organisation's; each board only asks for the agents Zoho already shows it.
/// </summary>
public sealed class LiveSchedules(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AdherenceOptions> options, ILogger<LiveSchedules> logger)
{
    /// <summary>The schedules kept: this long either side of the moment they were read.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(12);

    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    /// <summary>An agent no board has shown for this long is no longer read.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, long> wanted = new(StringComparer.Ordinal); // agent id → when a board last showed them (ms)
    private volatile KnownSchedules known = KnownSchedules.None;
    private long lastRead = long.MinValue / 2; // ms of the last read begun (half, so now minus it cannot overflow)
    private volatile bool lastFailed;
    private int reading;

    /// <summary>Raised after a read that brought schedules other than those known, off the boards' threads.</summary>
    public event Action? Changed;

    public TimeSpan Grace => options.Value.Grace;

    /// <summary>What is known now of these agents' schedules; notes them as wanted, and starts a read when one is due.</summary>
    public KnownSchedules For(IEnumerable<LiveAgent> agents)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var current = known;
        bool unread = false;
        foreach (var agent in agents)
        {
            if (!wanted.TryGetValue(agent.AgentId, out long shown) || now - shown > 30_000) wanted[agent.AgentId] = now;
            unread |= !current.Covers(agent.AgentId);
        }
        long since = now - Interlocked.Read(ref lastRead);
        // New agents are read at once, unless the last read failed: then, like the rest, a minute later.
        if (since >= RefreshEvery.TotalMilliseconds || (unread && !lastFailed)) StartRead(now);
        return current;
    }

    private void StartRead(long now)
    {
        if (Interlocked.CompareExchange(ref reading, 1, 0) != 0) return; // one read at a time; the next render asks again
        Interlocked.Exchange(ref lastRead, now);
        _ = Task.Run(() => ReadAsync(now));
    }

    private async Task ReadAsync(long now)
    {
        foreach (var (id, shown) in wanted)
        {
            if (now - shown > Forget.TotalMilliseconds) wanted.TryRemove(new KeyValuePair<string, long>(id, shown));
        }
        var agents = wanted.Keys.ToList();
        bool changed = false;
        try
        {
            long window = (long)Window.TotalMilliseconds;
            await using var scope = scopes.CreateAsyncScope();
            // Without a schedule store (none registered), nobody has a schedule.
            var source = scope.ServiceProvider.GetService<IScheduleSource>();
            IReadOnlyList<ScheduledActivity> rows = source is null ? [] : await source.GetAsync(agents, now - window, now + window, CancellationToken.None);
            var rules = source is null ? ActivityRules.Default : await source.GetRulesAsync(CancellationToken.None);
            var previous = known;
            known = KnownSchedules.From(agents, rows, rules);
            lastFailed = false;
            changed = known.ShowsOtherThan(previous);
        }
        catch (Exception e)
        {
            lastFailed = true;
            logger.LogWarning("Could not read the schedules of the agents on the live grid and walls ({Error}: {Message}); they keep the last schedules read and try again in a minute.",
                e.GetType().Name, e.Message);
        }
        finally
        {
            Interlocked.Exchange(ref reading, 0);
        }
        if (changed) Changed?.Invoke();
    }
}

/// <summary>Some agents' schedules as last read, and the rules then; an agent read with no schedule has an empty one.</summary>
public sealed class KnownSchedules
{
    private readonly FrozenDictionary<string, ScheduledActivity[]> byAgent;

    private KnownSchedules(FrozenDictionary<string, ScheduledActivity[]> byAgent, ActivityRules rules) => (this.byAgent, Rules) = (byAgent, rules);

    public static KnownSchedules None { get; } = new(FrozenDictionary<string, ScheduledActivity[]>.Empty, ActivityRules.Default);

    public static KnownSchedules From(IEnumerable<string> agents, IEnumerable<ScheduledActivity> rows, ActivityRules rules)
    {
        var lookup = rows.ToLookup(r => r.AgentId, StringComparer.Ordinal);
        return new(agents.Distinct(StringComparer.Ordinal).ToFrozenDictionary(id => id, id => lookup[id].OrderBy(r => r.Start).ToArray(), StringComparer.Ordinal), rules);
    }

    public ActivityRules Rules { get; }

    public bool Covers(string agentId) => byAgent.ContainsKey(agentId);

    /// <summary>The agent's scheduled activities (none when unknown or unscheduled).</summary>
    public IReadOnlyList<ScheduledActivity> Of(string agentId) => byAgent.TryGetValue(agentId, out var schedule) ? schedule : [];

    /// <summary>Whether a board could show anything else with these than with <paramref name="old"/>: other rules, or another schedule of some agent.</summary>
    public bool ShowsOtherThan(KnownSchedules old) =>
        !ReferenceEquals(Rules, old.Rules) || byAgent.Any(a => !a.Value.SequenceEqual(old.Of(a.Key))) || old.byAgent.Any(a => a.Value.Length > 0 && !Covers(a.Key));

    /// <summary>Whether any of these agents has anything scheduled in the window read: boards show the count only then.</summary>
    public bool AnyScheduled(IEnumerable<LiveAgent> agents) => agents.Any(a => Of(a.AgentId).Any(s => ActivityRules.IsScheduled(s.Activity)));
}
