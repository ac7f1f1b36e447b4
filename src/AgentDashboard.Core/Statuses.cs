namespace AgentDashboard.Core;

/// <summary>Status names the dashboard reasons about; any other name is a status like the rest.</summary>
public static class Statuses
{
    public const string Offline = "Offline";

    /// <summary>The vendor's aggregate, not a status: every status but Offline (the contract's inference from its example).</summary>
    public const string WorkingTime = "Working Time";
}
