using System.Runtime.CompilerServices;
using AgentDashboard.Web.Periods;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Timelines;

/// <summary>
/// Reads every page of the agents' status changes for a request and builds their timelines. The filters are
/// applied here, not sent to Zoho: Zoho drops the hits into a left-out status, which would stretch the status
/// before them over the gap, and a timeline must show where each stretch really ended.
/// </summary>
public sealed class TimelineLoader(IZohoVoiceClient zoho, TimeProvider clock)
{
    /// <summary>Agent-days per fetch when streaming: about one page of status changes, so an export holds little at a time.</summary>
    public const int AgentDaysPerFetch = 20;

    public Task<IReadOnlyList<AgentTimeline>> LoadAsync(
        PeriodRequest request, IReadOnlyDictionary<string, string>? knownNames = null,
        IProgress<StatusAuditProgress>? progress = null, CancellationToken cancellationToken = default) =>
        LoadAgentsAsync(request, request.AgentIds, knownNames, progress, cancellationToken);

    /// <summary>
    /// The timelines a few agents at a time, in the order asked for, each group read and built only when the one
    /// before has been taken: what an export writes as it reads, without holding every agent's changes.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<AgentTimeline>> StreamAsync(
        PeriodRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var agents in request.AgentIds.Chunk(Math.Max(1, AgentDaysPerFetch / request.DayCount)))
        {
            yield return await LoadAgentsAsync(request, agents, null, null, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<AgentTimeline>> LoadAgentsAsync(PeriodRequest request, IReadOnlyList<string> agentIds,
        IReadOnlyDictionary<string, string>? knownNames, IProgress<StatusAuditProgress>? progress, CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0)
        {
            return [];
        }
        var days = request.Days();
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var audit = await zoho.GetAllStatusAuditAsync(new StatusAuditQuery
        {
            AgentIds = agentIds,
            FromEpoch = days.Start,
            ToEpoch = Math.Max(days.Start + 1, Math.Min(days.End, now + 1)),
            TimeZone = request.Zone.Id,
        }, progress, cancellationToken: cancellationToken, rateLimitClock: clock);

        // Agents Zoho sent nothing for still get their (empty) lanes, in the order asked for.
        var byId = audit.Where(a => a.AgentId is not null).ToDictionary(a => a.AgentId!, StringComparer.Ordinal);
        var histories = agentIds.Select(id => byId.TryGetValue(id, out var agent)
            ? ToHistory(agent)
            : new AgentStatusHistory(id, knownNames?.GetValueOrDefault(id) ?? id, null, []));
        return TimelineBuilder.Build(histories, days, now, request.Filter());
    }

    public static AgentStatusHistory ToHistory(AgentStatusAudit agent) => new(
        agent.AgentId ?? "",
        agent.AgentName ?? agent.AgentId ?? "",
        agent.PreviousResult is { } previous ? ToChange(previous) : null,
        agent.AllHits.Select(ToChange).OfType<StatusChange>().ToList());

    /// <summary>A hit as a change, or null when it lacks the time or the status (a hit that says nothing).</summary>
    public static StatusChange? ToChange(StatusHit hit) =>
        hit is { CurrentActionTime: { } at, CurrentStatus: { } status }
            ? new StatusChange(at, status)
            {
                PreviousStatus = hit.PreviousStatus,
                PreviousAt = hit.PreviousActionTime,
                TriggeredBy = hit.TriggeredBy,
                TriggeredByMedium = hit.TriggeredByMedium,
                TriggeredByUsername = hit.TriggeredByUsername,
                TriggeredReason = hit.TriggeredReason,
                TriggeredReasonDescription = hit.TriggeredReasonDesc,
                LogId = hit.LogId,
            }
            : null;
}
