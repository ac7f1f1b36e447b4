namespace AgentDashboard.Web.Audit;

/// <summary>
/// The dashboard's records of changes Zoho made, set beside Zoho's own account of a status change on the timeline:
/// a record matches a change to the same agent and status within <see cref="Window"/> of it (the record is written
/// when Zoho has answered, so it follows Zoho's change by the call's time). The nearest record wins.
/// </summary>
public sealed class DashboardChanges(IReadOnlyList<AuditEntry> made)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static DashboardChanges None { get; } = new([]);

    /// <summary>The records of changes the dashboard made to <paramref name="agentIds"/> in [from, to), widened by the window; those <paramref name="viewer"/> may see.</summary>
    public static async Task<DashboardChanges> LoadAsync(AuditStore store, IReadOnlyCollection<string> agentIds, long from, long to, AuditViewer viewer, CancellationToken cancellationToken)
    {
        long window = (long)Window.TotalMilliseconds;
        return new(await store.MadeAsync(agentIds, from - window, to + window, viewer, cancellationToken));
    }

    /// <summary>The record nearest a change of <paramref name="agentId"/> to <paramref name="status"/> at <paramref name="at"/>, if one lies within the window.</summary>
    public AuditEntry? Find(string agentId, string status, long? at) => at is not { } when ? null
        : made.Where(e => e.AgentId == agentId && string.Equals(e.To, status, StringComparison.OrdinalIgnoreCase) && Math.Abs(e.At - when) <= Window.TotalMilliseconds)
            .MinBy(e => Math.Abs(e.At - when));

    /// <summary>Zoho's "changed by" with the dashboard's record after it, e.g. "User · Web · jane@… · in the dashboard by Jane Doe: Team meeting".</summary>
    public static string? Describe(string? zohoBy, AuditEntry? record)
    {
        if (record is null) return zohoBy;
        string dashboard = $"in the dashboard by {record.ByName}" + (record.Reason.Length > 0 ? $": {record.Reason}" : "");
        return string.IsNullOrWhiteSpace(zohoBy) ? char.ToUpperInvariant(dashboard[0]) + dashboard[1..] : $"{zohoBy} · {dashboard}";
    }
}
