namespace AgentDashboard.Simulator.Model;

/// <summary>The statuses the simulated agents move through. Stored as a byte in the generated timelines.</summary>
public enum Status : byte
{
    Offline,
    Available,
    OnCall,
    Busy,
    OnBreak,
}

/// <summary>Who or what caused a status change; decides the hit's triggered_* fields.</summary>
public enum Trigger : byte
{
    /// <summary>The agent, from the web client.</summary>
    Agent,
    /// <summary>Zoho Voice's automatic check-in by the agent's schedule.</summary>
    Schedule,
    /// <summary>Zoho Voice's call handling (ringing answered, call ended).</summary>
    Call,
    /// <summary>A user of the API (own status PUT or a supervisor's override): <see cref="StatusEvent.Actor"/> says who.</summary>
    Api,
}

public static class StatusNames
{
    private static readonly string[] Names = ["Offline", "Available", "On Call", "Busy", "On Break"];

    public static string Name(this Status status) => Names[(int)status];

    public static bool TryParse(string? name, out Status status)
    {
        int index = Array.IndexOf(Names, name);
        status = index < 0 ? default : (Status)index;
        return index >= 0;
    }

    /// <summary>What a PUT may set: not On Call, which only calls cause.</summary>
    public static bool IsSettable(Status status) => status != Status.OnCall;
}

/// <summary>
/// One status change in a generated timeline. <see cref="Actor"/> is the user who made an API change, else -1.
/// </summary>
public readonly record struct StatusEvent(long Time, Status Status, Trigger Trigger, int Actor = -1);
