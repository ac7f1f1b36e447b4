using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Simulation;

/// <summary>
/// Simulates one organisation-local day of the whole call centre, deterministically from the seed and the
/// day's API changes: agents check in by schedule, take breaks and lunch, do some admin (Busy), answer queue
/// calls (On Call, then after-call work as Busy), and sign off, or forget to and stay Available overnight.
/// Queue calls arrive at random through the business day and ring the Available members of their queue:
/// all at once (ring-all) or one after another (round-robin); with nobody answering, the call is missed.
/// Every random draw comes from a stream keyed by (seed, what, day), so a change at one moment leaves
/// everything before it untouched.
/// </summary>
internal sealed partial class DaySimulator(CallCentre centre, SimulatorOptions options)
{
    private const int QueueRingMs = 60_000;
    private const int RoundRobinRingMs = 20_000;
    private const int RingAllFanOut = 50;

    private readonly int seed = options.Seed;
    private CallCentre Centre { get; } = centre;
    private SimulatorOptions Options { get; } = options;

    public static long LocalToInstant(DateOnly date, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30); // a moment skipped by a DST change: take the first that exists
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone)).ToUnixTimeMilliseconds();
    }

    public bool WorksOn(Agent agent, DateOnly date) =>
        SchedulePlan.IsScheduled(agent, date) && Ids.Hash(seed, agent.Index, date.DayNumber, 2) % 100 >= 3; // 3% unplanned days off

    private bool ForgetsToSignOff(Agent agent, DateOnly date) => Ids.Hash(seed, agent.Index, date.DayNumber, 3) % 100 < 8;

    /// <summary>The status an agent's day starts in: how their last working day ended.</summary>
    public Status StatusAtStartOf(Agent agent, DateOnly date)
    {
        for (int back = 1; back <= 14; back++)
        {
            var day = date.AddDays(-back);
            if (WorksOn(agent, day))
            {
                return ForgetsToSignOff(agent, day) ? Status.Available : Status.Offline;
            }
        }
        return Status.Offline;
    }

    public SimulatedDay Simulate(DateOnly date, IReadOnlyList<ManualChange> changes)
    {
        long dayStart = LocalToInstant(date, TimeSpan.Zero, Centre.TimeZone);
        long dayEnd = LocalToInstant(date.AddDays(1), TimeSpan.Zero, Centre.TimeZone);
        var run = new Run(this, date, dayStart, dayEnd);
        foreach (var agent in Centre.Agents)
        {
            run.Plan(agent);
        }
        foreach (var queue in Centre.Queues)
        {
            run.PlanCalls(queue);
        }
        for (int i = 0; i < changes.Count; i++)
        {
            run.Push(changes[i].Time, Kind.Manual, changes[i].Agent, i);
        }
        run.Execute(changes);
        return new SimulatedDay
        {
            Date = date,
            Start = dayStart,
            End = dayEnd,
            Events = run.Events.Select(e => e.ToArray()).ToArray(),
            Calls = run.Calls.ToArray(), // in order of arrival: the run handles arrivals in time order
        };
    }

    private enum Kind : byte { CheckIn, BreakStart, BreakEnd, BusyStart, BusyEnd, ShiftEnd, CallArrival, Answer, CallEnd, AcwEnd, Manual, ManualRestore }

    private readonly record struct Event(long Time, Kind Kind, int Subject, int Data);

    /// <summary>The mutable state of one day's run.</summary>
    private sealed partial class Run
    {
        private readonly DaySimulator sim;
        private readonly DateOnly date;
        private readonly long dayStart, dayEnd;
        private readonly PriorityQueue<Event, (long, int)> queue = new();
        private int sequence;

        private readonly Status[] status;
        private readonly bool[] onShift, reserved, inCallWork, pendingOffline;
        private readonly int[] pendingBreakMs, lastManual;
        private readonly AgentIndexSet[] available;
        private readonly int[] roundRobinNext;
        private readonly Random[] callRandom;

        public readonly List<StatusEvent>[] Events;
        public readonly List<CallRecord> Calls = [];

        public Run(DaySimulator sim, DateOnly date, long dayStart, long dayEnd)
        {
            this.sim = sim;
            this.date = date;
            this.dayStart = dayStart;
            this.dayEnd = dayEnd;
            int agents = sim.Centre.Agents.Count;
            status = new Status[agents];
            onShift = new bool[agents];
            reserved = new bool[agents];
            inCallWork = new bool[agents];
            pendingOffline = new bool[agents];
            pendingBreakMs = new int[agents];
            lastManual = Enumerable.Repeat(-1, agents).ToArray();
            Events = Enumerable.Range(0, agents).Select(_ => new List<StatusEvent>()).ToArray();
            available = sim.Centre.Queues.Select(q => new AgentIndexSet(agents)).ToArray();
            roundRobinNext = new int[sim.Centre.Queues.Count];
            callRandom = sim.Centre.Queues.Select(q => new Random(Ids.Seed(sim.seed, q.Index, date.DayNumber, 11))).ToArray();
            foreach (var agent in sim.Centre.Agents)
            {
                status[agent.Index] = sim.StatusAtStartOf(agent, date);
                UpdateAvailability(agent.Index);
            }
        }

        public void Push(long time, Kind kind, int subject, int data = 0)
        {
            if (time >= dayStart && time < dayEnd)
            {
                queue.Enqueue(new Event(time, kind, subject, data), (time, sequence++));
            }
        }

        /// <summary>Queue calls arrive as a Poisson process whose rate follows the business day (quieter at weekends).</summary>
        public void PlanCalls(Queue q)
        {
            if (q.Members.Length == 0)
            {
                return;
            }
            var random = new Random(Ids.Seed(sim.seed, q.Index, date.DayNumber, 10));
            double weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.25 : 1.0;
            int callNumber = 0;
            for (int hour = 0; hour < 24; hour++)
            {
                double shape = HourShape(hour) * weekend;
                if (shape <= 0) continue;
                long from = LocalToInstant(date, TimeSpan.FromHours(hour), sim.Centre.TimeZone);
                long to = LocalToInstant(date, TimeSpan.FromHours(hour + 1), sim.Centre.TimeZone);
                double perMs = q.Members.Length * sim.Options.CallsPerAgentHour * shape / 3_600_000;
                for (double t = from + Exponential(random, perMs); t < to; t += Exponential(random, perMs))
                {
                    Push((long)t, Kind.CallArrival, q.Index, callNumber++);
                }
            }
        }

        private static double HourShape(int hour) => hour switch
        {
            < 7 or >= 20 => 0,
            7 => 0.3,
            8 => 0.7,
            >= 9 and < 12 => 1.0,
            12 or 13 => 0.8,
            >= 14 and < 17 => 1.0,
            17 => 0.6,
            _ => 0.25,
        };

        private static double Exponential(Random random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;

        public void Execute(IReadOnlyList<ManualChange> changes)
        {
            while (queue.TryDequeue(out var e, out _))
            {
                int a = e.Subject;
                switch (e.Kind)
                {
                    case Kind.CheckIn:
                        onShift[a] = true;
                        if (!inCallWork[a]) Set(a, e.Time, Status.Available, Trigger.Schedule, allowSame: true);
                        break;
                    case Kind.BreakStart when onShift[a]:
                        if (status[a] == Status.Available && !reserved[a])
                        {
                            Set(a, e.Time, Status.OnBreak, Trigger.Agent);
                            Push(e.Time + e.Data, Kind.BreakEnd, a);
                        }
                        else if (inCallWork[a])
                        {
                            pendingBreakMs[a] = e.Data; // straight after the call
                        }
                        break;
                    case Kind.BreakEnd when status[a] == Status.OnBreak:
                        Set(a, e.Time, onShift[a] ? Status.Available : Status.Offline, Trigger.Agent);
                        break;
                    case Kind.BusyStart when onShift[a] && status[a] == Status.Available && !reserved[a]:
                        Set(a, e.Time, Status.Busy, Trigger.Agent);
                        Push(e.Time + e.Data, Kind.BusyEnd, a);
                        break;
                    case Kind.BusyEnd when status[a] == Status.Busy && !inCallWork[a]:
                        Set(a, e.Time, Status.Available, Trigger.Agent);
                        break;
                    case Kind.ShiftEnd:
                        onShift[a] = false;
                        if (inCallWork[a]) pendingOffline[a] = true;
                        else if (status[a] != Status.Offline) Set(a, e.Time, Status.Offline, Trigger.Agent);
                        break;
                    case Kind.CallArrival:
                        Ring(sim.Centre.Queues[a], e.Time, e.Data);
                        break;
                    case Kind.Answer:
                        reserved[a] = false;
                        if (status[a] == Status.Available)
                        {
                            Set(a, e.Time, Status.OnCall, Trigger.Call, actor: e.Data); // the actor of an answer is the call, by its index in Calls
                            Push(e.Time + TalkMs(a, e.Data), Kind.CallEnd, a, e.Data);
                        }
                        else
                        {
                            inCallWork[a] = false; // set elsewhere while it rang
                            UpdateAvailability(a);
                        }
                        break;
                    case Kind.CallEnd when status[a] == Status.OnCall:
                        var afterCall = new Random(Ids.Seed(sim.seed, a, e.Time, 13));
                        if (afterCall.Next(10) < 6)
                        {
                            Set(a, e.Time, Status.Busy, Trigger.Call);
                            Push(e.Time + afterCall.Next(30, 181) * 1000L, Kind.AcwEnd, a);
                        }
                        else
                        {
                            FinishCallWork(a, e.Time, Trigger.Call);
                        }
                        break;
                    case Kind.AcwEnd when status[a] == Status.Busy && inCallWork[a]:
                        FinishCallWork(a, e.Time, Trigger.Agent);
                        break;
                    case Kind.Manual:
                        var change = changes[e.Data];
                        lastManual[a] = e.Data;
                        reserved[a] = inCallWork[a] = pendingOffline[a] = false;
                        pendingBreakMs[a] = 0;
                        Set(a, e.Time, change.Status, Trigger.Api, allowSame: true, actor: change.Actor);
                        if (change.Status != Status.Available)
                        {
                            Push(e.Time + (long)sim.Options.ManualHold.TotalMilliseconds, Kind.ManualRestore, a, e.Data);
                        }
                        break;
                    case Kind.ManualRestore when lastManual[a] == e.Data && status[a] == changes[e.Data].Status:
                        // The agent notices and sets themselves back: Available during their shift, else Offline.
                        var back = onShift[a] ? Status.Available : Status.Offline;
                        if (back != status[a]) Set(a, e.Time, back, Trigger.Agent);
                        break;
                }
            }
        }

        private long TalkMs(int agent, int call) =>
            60_000 + (long)(Exponential(new Random(Ids.Seed(sim.seed, agent, call, date.DayNumber, 12)), 1.0 / 240_000));

        private void FinishCallWork(int a, long time, Trigger trigger)
        {
            inCallWork[a] = false;
            if (pendingOffline[a])
            {
                pendingOffline[a] = false;
                Set(a, time, Status.Offline, Trigger.Agent);
            }
            else if (pendingBreakMs[a] > 0)
            {
                Set(a, time, Status.OnBreak, Trigger.Agent);
                Push(time + pendingBreakMs[a], Kind.BreakEnd, a);
                pendingBreakMs[a] = 0;
            }
            else
            {
                Set(a, time, Status.Available, trigger);
            }
        }

        /// <summary>Rings the queue's Available members by its strategy; the first to pick up takes the call.</summary>
        private void Ring(Queue q, long time, int callNumber)
        {
            var random = callRandom[q.Index];
            int answeredBy = -1;
            long answerTime = time + QueueRingMs;
            int[] rungAll = [];
            var roundRobin = new List<Ring>();
            if (q.Strategy == QueueStrategy.RingAll)
            {
                rungAll = available[q.Index].Take(RingAllFanOut).ToArray();
                int best = int.MaxValue;
                foreach (int a in rungAll)
                {
                    int delay = random.Next(2_000, 15_001);
                    // Agents who forgot to sign off are not at their desk.
                    if (onShift[a] && random.Next(10) < 9 && delay < best)
                    {
                        best = delay;
                        answeredBy = a;
                    }
                }
                if (answeredBy >= 0)
                {
                    answerTime = time + best;
                }
            }
            else
            {
                int n = q.Members.Length, elapsed = 0;
                for (int step = 0; step < n && elapsed < QueueRingMs && answeredBy < 0; step++)
                {
                    int index = (roundRobinNext[q.Index] + step) % n;
                    int a = q.Members[index];
                    if (!available[q.Index].Contains(a)) continue;
                    int ringMs = Math.Min(RoundRobinRingMs, QueueRingMs - elapsed);
                    if (onShift[a] && random.Next(100) < 85)
                    {
                        int delay = Math.Min(random.Next(2_000, 15_001), ringMs);
                        roundRobin.Add(new Ring(a, time + elapsed, delay, RingOutcome.Answered));
                        answeredBy = a;
                        answerTime = time + elapsed + delay;
                        roundRobinNext[q.Index] = (index + 1) % n;
                    }
                    else
                    {
                        roundRobin.Add(new Ring(a, time + elapsed, ringMs, RingOutcome.NoAnswer));
                        elapsed += ringMs;
                    }
                }
            }

            Calls.Add(new CallRecord(callNumber, q.Index, time, answerTime, answeredBy, rungAll, roundRobin.ToArray()));
            if (answeredBy >= 0)
            {
                reserved[answeredBy] = true;
                inCallWork[answeredBy] = true;
                UpdateAvailability(answeredBy);
                Push(answerTime, Kind.Answer, answeredBy, Calls.Count - 1);
            }
        }

        private void Set(int a, long time, Status next, Trigger trigger, bool allowSame = false, int actor = -1)
        {
            if (next == status[a] && !allowSame)
            {
                return;
            }
            Events[a].Add(new StatusEvent(time, next, trigger, actor));
            status[a] = next;
            UpdateAvailability(a);
        }

        private void UpdateAvailability(int a)
        {
            bool free = status[a] == Status.Available && !reserved[a] && !inCallWork[a];
            foreach (int q in sim.Centre.Agents[a].Queues)
            {
                if (free) available[q].Add(a);
                else available[q].Remove(a);
            }
        }
    }
}
