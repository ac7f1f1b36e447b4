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

/// <summary>One incoming queue call. <see cref="Rings"/> lists only the agents who were Available and rang.</summary>
public sealed record CallRecord(string LogId, int Queue, long EntryTime, long ExitTime, int AnsweredBy, Ring[] Rings)
{
    public bool Answered => AnsweredBy >= 0;
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

    /// <summary>A rough count of stored records, for the cache's budget.</summary>
    public int Size => Events.Sum(e => e.Length) + Calls.Sum(c => 1 + c.Rings.Length);
}
