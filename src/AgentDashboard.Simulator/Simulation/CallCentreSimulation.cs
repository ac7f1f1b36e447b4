using AgentDashboard.Simulator.Model;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Simulation;

/// <summary>
/// The simulated call centre over time. Each organisation day is simulated on first use and cached (a bounded
/// number of records); today's day is simulated whole, but nothing after "now" is ever served, so the live
/// state moves with the clock. Status changes made through the API are inputs of today's simulation.
/// </summary>
public sealed class CallCentreSimulation
{
    /// <summary>Roughly 500 MB of cached days at most, whatever the centre's size (a 40-agent day is about 100 KB).</summary>
    private const long CacheBudget = 500L * 1024 * 1024;
    private const int LookBackDays = 14;

    private readonly DaySimulator simulator;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private readonly Dictionary<DateOnly, SimulatedDay> cache = [];
    private readonly LinkedList<DateOnly> recency = new();
    private readonly Dictionary<DateOnly, List<ManualChange>> changes = [];
    private long cachedSize;

    public CallCentreSimulation(IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        Options = options.Value;
        Centre = CallCentre.Create(Options);
        simulator = new DaySimulator(Centre, Options);
        this.clock = clock;
    }

    public SimulatorOptions Options { get; }

    /// <summary>For tests: runs after a day is simulated and before it is cached, where a concurrent change can land.</summary>
    internal Action<DateOnly>? AfterSimulating { get; set; }
    public CallCentre Centre { get; }

    public long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The earliest instant whose history is kept.</summary>
    public long HistoryStart => DayStart(OrgDate(Now).AddDays(-Options.HistoryDays));

    public DateOnly OrgDate(long instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(instant), Centre.TimeZone).DateTime);

    public long DayStart(DateOnly date) => DaySimulator.LocalToInstant(date, TimeSpan.Zero, Centre.TimeZone);

    public SimulatedDay Day(DateOnly date)
    {
        lock (gate)
        {
            if (cache.TryGetValue(date, out var day))
            {
                recency.Remove(date);
                recency.AddFirst(date);
                return day;
            }
        }
        while (true)
        {
            ManualChange[] inputs;
            lock (gate)
            {
                inputs = changes.TryGetValue(date, out var list) ? list.ToArray() : [];
            }
            var simulated = simulator.Simulate(date, inputs);
            AfterSimulating?.Invoke(date);
            lock (gate)
            {
                if (cache.TryGetValue(date, out var raced))
                {
                    return raced;
                }
                if ((changes.TryGetValue(date, out var latest) ? latest.Count : 0) != inputs.Length)
                {
                    continue; // a status was set while this day was simulated: simulate it again with that input
                }
                return Cache(date, simulated);
            }
        }
    }

    /// <summary>Keeps a simulated day, dropping the least recently used ones over the budget. Called under the gate.</summary>
    private SimulatedDay Cache(DateOnly date, SimulatedDay simulated)
    {
        cache[date] = simulated;
        recency.AddFirst(date);
        cachedSize += simulated.Size;
        while (cachedSize > CacheBudget && recency.Count > 1)
        {
            var oldest = recency.Last!.Value;
            recency.RemoveLast();
            cachedSize -= cache[oldest].Size;
            cache.Remove(oldest);
        }
        return simulated;
    }

    /// <summary>The agent's status changes with <paramref name="from"/> &lt;= time &lt; <paramref name="to"/>, up to now.</summary>
    public IEnumerable<StatusEvent> Events(Agent agent, long from, long to)
    {
        long end = Math.Min(to, Now + 1);
        for (var date = OrgDate(from); DayStart(date) < end; date = date.AddDays(1))
        {
            foreach (var e in Day(date).Events[agent.Index])
            {
                if (e.Time >= end) yield break;
                if (e.Time >= from) yield return e;
            }
        }
    }

    /// <summary>The last status change strictly before <paramref name="instant"/> (looking back two weeks), if any.</summary>
    public StatusEvent? LastEventBefore(Agent agent, long instant)
    {
        long limit = Math.Min(instant, Now + 1);
        var date = OrgDate(limit);
        for (int back = 0; back <= LookBackDays; back++, date = date.AddDays(-1))
        {
            var events = Day(date).Events[agent.Index];
            for (int i = events.Length - 1; i >= 0; i--)
            {
                if (events[i].Time < limit) return events[i];
            }
        }
        return null;
    }

    /// <summary>The log id of the queue call an agent answered with this change, or null when it was not an answer.</summary>
    public string? AnsweredCallLogId(Agent agent, StatusEvent e)
    {
        if (e is not { Trigger: Trigger.Call, Status: Status.OnCall, Actor: >= 0 })
        {
            return null;
        }
        var day = Day(OrgDate(e.Time));
        return e.Actor < day.Calls.Length && day.Calls[e.Actor] is { } call && call.AnsweredBy == agent.Index && call.ExitTime == e.Time
            ? day.LogId(Options.Seed, call)
            : null;
    }

    /// <summary>The agent's status at an instant (Offline when nothing is known).</summary>
    public Status StatusAt(Agent agent, long instant) => LastEventBefore(agent, instant + 1)?.Status ?? Status.Offline;

    /// <summary>Applies a status set through the API now: today is simulated again with it as an input.</summary>
    public StatusEvent SetStatus(Agent agent, Status status, User actor)
    {
        long now = Now;
        var date = OrgDate(now);
        lock (gate)
        {
            if (!changes.TryGetValue(date, out var list))
            {
                changes[date] = list = [];
            }
            list.Add(new ManualChange(now, agent.Index, status, actor.Index));
            if (cache.Remove(date, out var stale))
            {
                recency.Remove(date);
                cachedSize -= stale.Size;
            }
        }
        return new StatusEvent(now, status, Trigger.Api, actor.Index);
    }

    /// <summary>The queue call with this log id, if it arrived between the two instants.</summary>
    public (CallRecord Call, SimulatedDay Day)? FindCall(string logId, long from, long to)
    {
        long end = Math.Min(to, Now);
        for (var date = OrgDate(from); DayStart(date) <= end; date = date.AddDays(1))
        {
            var day = Day(date);
            foreach (var call in day.Calls)
            {
                if (call.EntryTime > end) break;
                if (call.EntryTime >= from && day.LogId(Options.Seed, call) == logId) return (call, day);
            }
        }
        return null;
    }
}
