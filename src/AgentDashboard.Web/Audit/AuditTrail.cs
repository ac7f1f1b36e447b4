using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Web.Audit;

/// <summary>One agent's part of a change: whom, the status the dashboard showed before, and what Zoho said.</summary>
public sealed record AuditChange(string AgentId, string AgentName, string? From, AuditOutcome Outcome, string? Message);

/// <summary>
/// Records the status changes made in the dashboard, stamped by the injected clock. Recording never stands in the
/// way of the change itself: a store that fails is logged in words and reported as false, for the page to say so.
/// </summary>
public sealed class AuditTrail(AuditStore store, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public async Task<bool> TryRecordAsync(string kind, AuditPerson by, string to, string? reason, IReadOnlyList<AuditChange> changes)
    {
        long at = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var entries = changes.Select(c => new AuditEntry(Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"), at, kind, by.Zuid, by.Name,
            c.AgentId, c.AgentName, c.From, to, c.Outcome, c.Message, reason?.Trim() ?? "")).ToList();
        try
        {
            // Not the page's token: the change was made, so its record is written even if the page closes meanwhile.
            await store.AppendAsync(entries, CancellationToken.None);
            return true;
        }
        catch (Exception error)
        {
            logger.LogError("The audit trail could not record {Count} status change(s) by {Zuid} to {Status}: {Error}: {Message}",
                entries.Count, by.Zuid, to, error.GetType().Name, error.Message);
            return false;
        }
    }

    /// <summary>Each asked agent's outcome from Zoho's answer; an agent the answer leaves out is unknown.</summary>
    public static IReadOnlyList<AuditChange> FromAnswer(IReadOnlyList<(string Id, string Name, string? From)> asked, OverrideOnlineStatusResponse answer) =>
        [.. asked.Select(a => answer.Outcomes.FirstOrDefault(o => o.AgentId == a.Id) is { } said
            ? new AuditChange(a.Id, a.Name, a.From, said.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Failed, said.Succeeded ? null : said.Message)
            : new AuditChange(a.Id, a.Name, a.From, AuditOutcome.Unknown, "Zoho Voice's answer did not mention this agent."))];

    /// <summary>Every asked agent gets the failure of the whole call: unknown when no answer came, else failed.</summary>
    public static IReadOnlyList<AuditChange> FromFailure(IReadOnlyList<(string Id, string Name, string? From)> asked, ZohoApiException failure) =>
        [.. asked.Select(a => new AuditChange(a.Id, a.Name, a.From, failure.OutcomeUnknown ? AuditOutcome.Unknown : AuditOutcome.Failed, failure.Message))];

    /// <summary>Every asked agent refused before the call was made, with the reasons.</summary>
    public static IReadOnlyList<AuditChange> Refused(IReadOnlyList<(string Id, string Name, string? From)> asked, string message) =>
        [.. asked.Select(a => new AuditChange(a.Id, a.Name, a.From, AuditOutcome.Failed, message))];
}
