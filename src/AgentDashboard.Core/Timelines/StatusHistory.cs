namespace AgentDashboard.Core.Timelines;

/// <summary>
/// One status-audit hit: at <see cref="At"/> the agent went from <see cref="PreviousStatus"/> (held since
/// <see cref="PreviousAt"/>) to <see cref="Status"/>. Equal statuses make a check-in: an event, not a change.
/// </summary>
public sealed record StatusChange(long At, string Status)
{
    public string? PreviousStatus { get; init; }
    public long? PreviousAt { get; init; }

    /// <summary>Who made the change: <c>User</c>, <c>Zoho Voice</c>, ...</summary>
    public string? TriggeredBy { get; init; }
    public string? TriggeredByMedium { get; init; }
    public string? TriggeredByUsername { get; init; }

    /// <summary>Why: <c>Agent Schedule</c>, <c>Status Override</c>, ...</summary>
    public string? TriggeredReason { get; init; }

    /// <summary>The reason in words: <c>Automatic Check In</c>, <c>Call Answered</c>, ...</summary>
    public string? TriggeredReasonDescription { get; init; }
    public string? LogId { get; init; }

    public bool IsCheckIn => PreviousStatus == Status;
}

/// <summary>An agent's status changes for a window: the last one before it, and those inside it in time order.</summary>
public sealed record AgentStatusHistory(string AgentId, string AgentName, StatusChange? Before, IReadOnlyList<StatusChange> Changes);
