using System.Security.Claims;
using AgentDashboard.Web.Auth;

namespace AgentDashboard.Web.Audit;

/// <summary>What became of one agent's change: Zoho said it was made, said why not, or did not answer.</summary>
public enum AuditOutcome
{
    Succeeded,
    Failed,
    Unknown,
}

/// <summary>Where in the dashboard a change was made.</summary>
public static class AuditKinds
{
    public const string Override = "override";
    public const string OwnStatus = "own status";
}

/// <summary>
/// One agent's status change asked for in the dashboard: who asked (<see cref="ByZuid"/>, <see cref="ByName"/>),
/// for whom, from the status the dashboard showed (null when it showed none) to <see cref="To"/>, at
/// <see cref="At"/> (epoch ms), with Zoho's outcome and message, and the reason given (empty when none).
/// </summary>
public sealed record AuditEntry(
    string Id, long At, string Kind, string ByZuid, string ByName, string AgentId, string AgentName,
    string? From, string To, AuditOutcome Outcome, string? Message, string Reason);

/// <summary>The signed-in person making a change, or reading the trail.</summary>
public sealed record AuditPerson(string Zuid, string Name)
{
    public static AuditPerson? Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ZohoClaims.Zuid)?.Value is { Length: > 0 } zuid ? new(zuid, user.Identity?.Name ?? zuid) : null;
}

/// <summary>
/// A search of the trail: by person (their Zoho user id, or part of their name), by agent (id, or part of the name),
/// within [From, To) epoch ms. Each filter is optional.
/// </summary>
public sealed record AuditQuery(string? Person = null, string? Agent = null, long? From = null, long? To = null);

/// <summary>Whose entries a reader may see: an administrator everyone's, anyone else only the changes they made.</summary>
public sealed record AuditViewer(string Zuid, bool IsAdmin)
{
    /// <summary>Whose entries <paramref name="user"/> may read; nobody's without a Zoho user id.</summary>
    public static AuditViewer? Of(ClaimsPrincipal? user, AgentDashboard.Web.Wall.DisplayAdmins admins) =>
        AuditPerson.Of(user) is { } me ? new(me.Zuid, admins.IsAdmin(user!)) : null;
}

/// <summary>A page of entries, newest first, and how many match in all.</summary>
public sealed record AuditResults(IReadOnlyList<AuditEntry> Entries, long Total);
