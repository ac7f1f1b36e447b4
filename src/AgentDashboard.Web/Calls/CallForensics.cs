using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Web.Calls;

/// <summary>One agent's ring for the call: when, for how long, and how it ended, in words.</summary>
public sealed record CallRing(string AgentId, string AgentName, long? Start, long RingingMs, bool Answered, string Outcome, string? OutcomeDetail);

/// <summary>An agent involved in the call: their statuses around it on the call's time axis, and their rings.</summary>
public sealed record CallAgent(string AgentId, string AgentName, TimelineDay Lane, string? StatusAtEntry, IReadOnlyList<CallRing> Rings);

/// <summary>A queue call explained: the queue's side, who rang in what order, and each agent's status around it.</summary>
public sealed record CallForensicsView(
    string LogId, string? QueueName, string? Strategy, long? Entry, long? Exit, long? SecondsInQueue,
    bool Answered, string? AnsweredBy, long AxisFrom, long AxisTo, IReadOnlyList<CallRing> RingingOrder, IReadOnlyList<CallAgent> Agents);

/// <summary>Reads <c>statusaudit/list/log</c> for one call and lays it out for the call page.</summary>
public sealed class CallForensicsLoader(IZohoVoiceClient zoho, TimeProvider clock)
{
    /// <summary>Status shown this long before the call entered the queue and after it left, for context.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>How far back the status audit is read for an agent the call log says nothing of (previousResult covers the rest).</summary>
    private const long LookBack = 86_400_000;

    /// <summary>The call in the window [from, to), or null when Zoho sent no call for that log id.</summary>
    public async Task<CallForensicsView?> LoadAsync(string logId, long from, long to, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        long now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var answer = await zoho.GetCallLogActivityAsync(new CallLogActivityQuery
        {
            LogId = logId, FromEpoch = from, ToEpoch = Math.Max(from + 1, Math.Min(to, now + 1)), TimeZone = zone.Id,
        }, cancellationToken);
        if (answer.Calls.FirstOrDefault() is not { } call)
        {
            return null;
        }
        var queue = call.QueueDetails;
        var names = (call.AgentStatus ?? []).Where(a => a.AgentId is not null)
            .ToDictionary(a => a.AgentId!, a => a.AgentName ?? a.AgentId!, StringComparer.Ordinal);
        var rings = (call.RingingOrder ?? []).SelectMany(agent => (agent.Rings ?? []).Select(ring => ToRing(agent, ring, names))).ToList();

        long entry = queue?.CustomerEntryTime ?? rings.Select(r => r.Start).Min() ?? from;
        long exit = Math.Max(queue?.CustomerExitTime ?? entry, rings.Select(r => (r.Start ?? entry) + r.RingingMs).DefaultIfEmpty(entry).Max());
        long axisFrom = Math.Max(from, entry - (long)Margin.TotalMilliseconds);
        long axisTo = Math.Min(Math.Min(to, now), exit + (long)Margin.TotalMilliseconds);
        if (axisTo <= axisFrom) axisTo = axisFrom + 1;

        var histories = (call.AgentStatus ?? []).Where(a => a.AgentId is not null)
            .ToDictionary(a => a.AgentId!, TimelineLoader.ToHistory, StringComparer.Ordinal);
        var order = rings.Select(r => r.AgentId).Concat(histories.Keys).Distinct(StringComparer.Ordinal).ToList();
        var agents = order.Select(id =>
            Agent(id, histories.GetValueOrDefault(id) ?? new AgentStatusHistory(id, names.GetValueOrDefault(id) ?? id, null, []))).ToList();

        // The call log holds only the changes inside its window: an agent who changed nothing there was in whatever
        // status they last changed into before it, which the status audit's newest hit (or previousResult) tells.
        var unknown = agents.Where(a => a.StatusAtEntry is null).Select(a => a.AgentId).ToList();
        if (unknown.Count > 0)
        {
            var before = await zoho.GetAllStatusAuditAsync(new StatusAuditQuery
            {
                AgentIds = unknown, FromEpoch = axisFrom - LookBack, ToEpoch = axisFrom, TimeZone = zone.Id,
            }, cancellationToken: cancellationToken);
            var lastChange = before.Where(a => a.AgentId is not null).ToDictionary(a => a.AgentId!,
                a => TimelineLoader.ToHistory(a) is var h && h.Changes.Count > 0 ? h.Changes[^1] : h.Before, StringComparer.Ordinal);
            agents = agents.Select(agent => lastChange.GetValueOrDefault(agent.AgentId) is { } change
                ? Agent(agent.AgentId, (histories.GetValueOrDefault(agent.AgentId) ?? new AgentStatusHistory(agent.AgentId, agent.AgentName, null, [])) with { Before = change })
                : agent).ToList();
        }

        CallAgent Agent(string id, AgentStatusHistory history)
        {
            var lane = TimelineBuilder.Window(history, axisFrom, axisTo, now);
            string? atEntry = lane.Segments.FirstOrDefault(s => s.Start <= entry && entry < s.End).Status;
            string name = rings.FirstOrDefault(r => r.AgentId == id)?.AgentName ?? history.AgentName;
            return new CallAgent(id, name, lane, atEntry, rings.Where(r => r.AgentId == id).ToList());
        }

        string? answeredBy = call.WasAnswered
            ? call.AnsweredAgent!.AgentName ?? rings.FirstOrDefault(r => r.Answered)?.AgentName ?? call.AnsweredAgent.AgentId
            : null;
        return new CallForensicsView(logId, queue?.QueueName, queue?.Strategy, queue?.CustomerEntryTime, queue?.CustomerExitTime,
            queue?.RingTimeInQueueSeconds, call.WasAnswered, answeredBy, axisFrom, axisTo, rings, agents);
    }

    private static CallRing ToRing(RingingAgent agent, AgentRing ring, IReadOnlyDictionary<string, string> names)
    {
        string id = agent.AgentId ?? ring.AgentNumber ?? "";
        var cause = ring.HangupCause;
        string outcome = ring.IsAnswered ? "Answered" : cause?.DisplayName ?? cause?.Code ?? "Not answered";
        return new CallRing(id, ring.AgentName ?? names.GetValueOrDefault(id) ?? id, ring.StartTime, ring.RingingTime ?? 0, ring.IsAnswered,
            outcome, ring.IsAnswered ? null : cause?.Description);
    }
}
