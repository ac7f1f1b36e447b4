using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Simulation;

public enum RingOutcome : byte
{
    Answered,
    AnsweredElsewhere,
    NoAnswer,
}

/// <summary>One agent's phone ringing for a queue call.</summary>
public readonly record struct Ring(int Agent, long Start, int RingMs, RingOutcome Outcome);

/// <summary>
/// One incoming queue call. Only the agents who were free rang. A ring-all call rings them all at once for the
/// same time, so it keeps just their indexes (<see cref="RungAll"/>); a round-robin call keeps each ring.
/// </summary>
public sealed record CallRecord(int Sequence, int Queue, long EntryTime, long ExitTime, int AnsweredBy, int[] RungAll, Ring[] RoundRobin)
{
    public bool Answered => AnsweredBy >= 0;

    public IEnumerable<Ring> Rings => RoundRobin.Length > 0 ? RoundRobin : RungAll.Select(agent => new Ring(
        agent, EntryTime, (int)(ExitTime - EntryTime),
        !Answered ? RingOutcome.NoAnswer : agent == AnsweredBy ? RingOutcome.Answered : RingOutcome.AnsweredElsewhere));
}

/// <summary>A status set through the API (own status or an override), an input of the day's simulation.</summary>
public readonly record struct ManualChange(long Time, int Agent, Status Status, int Actor);

/// <summary>One organisation-local day of the call centre, simulated whole (the part after "now" is not served).</summary>
public sealed class SimulatedDay
{
    public required DateOnly Date { get; init; }
    public required long Start { get; init; }
    public required long End { get; init; }

    /// <summary>Per agent index: the status changes in [Start, End), in time order.</summary>
    public required StatusEvent[][] Events { get; init; }

    /// <summary>Queue calls in order of arrival.</summary>
    public required CallRecord[] Calls { get; init; }

    /// <summary>Roughly the bytes this day holds, for the cache's budget.</summary>
    public long Size => Events.Sum(e => 24L + e.Length * 16L) + Calls.Sum(c => 96L + c.RungAll.Length * 4L + c.RoundRobin.Length * 24L);

    /// <summary>The call's log id (a UUID), derived from the seed, the day, the queue and its order of arrival.</summary>
    public string LogId(int seed, CallRecord call) => Ids.CallLogId(seed, Date, call.Queue, call.Sequence);
}
