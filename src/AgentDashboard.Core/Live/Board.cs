using System.Collections.Immutable;
using System.Text.Json.Serialization;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Live;

/// <summary>How much is known of when an agent's status began.</summary>
public enum SinceKind
{
    /// <summary>The moment of the status change, from the status audit.</summary>
    Exact,
    /// <summary>The poll that first saw the change (it happened since the poll before).</summary>
    Observed,
    /// <summary>Only that it began before this moment: the status audit holds no earlier change. Never shown as a duration of its own.</summary>
    Before,
}

/// <summary>
/// One agent on the live board. <see cref="Since"/> is when the current status began, as far as
/// <see cref="SinceKind"/> says. <see cref="Error"/> is Zoho's per-agent answer when it gave no status (an unknown
/// or hidden agent). <see cref="Queues"/> are the ids of the scope's queues the agent answers. <see cref="Unconfirmed"/>:
/// the status is a change made through the dashboard that no poll has confirmed yet (<see cref="BoardSnapshot.WithChanges"/>).
/// </summary>
public sealed record LiveAgent(
    string AgentId,
    string Name,
    string? Status,
    DateTimeOffset? Since,
    SinceKind SinceKind,
    string? TriggeredBy,
    string? Error = null,
    IReadOnlyList<string>? Queues = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Unconfirmed = false)
{
    public bool Answers(string queueId) => Queues?.Contains(queueId) == true;

    /// <summary>How long the agent has been in their status (at least this long when <see cref="SinceKind"/> is Before).</summary>
    public TimeSpan? TimeInStatus(DateTimeOffset now) => Since is { } since && now >= since ? now - since : null;

    /// <summary>
    /// An agent as their status changes over a look-back window show them: the status of the newest change (or of
    /// <see cref="AgentStatusHistory.Before"/>, the last change before the window), since the change into it.
    /// Check-ins into the status the agent is already in are passed over. With no change into it on record, the
    /// status began before the oldest record of it, or before the window when there is none.
    /// </summary>
    public static LiveAgent FromHistory(AgentStatusHistory history, long windowStart, IReadOnlyList<string>? queues = null)
    {
        IReadOnlyList<StatusChange> records = history.Before is { } before ? [before, .. history.Changes] : history.Changes;
        var unknown = new LiveAgent(history.AgentId, history.AgentName, null, DateTimeOffset.FromUnixTimeMilliseconds(windowStart), SinceKind.Before, null, Queues: queues);
        if (records.Count == 0)
        {
            return unknown; // no change on record: whatever the status is, it has held since before the window
        }
        string status = records[^1].Status;
        // Walk back through the records in this status to the one that changed into it.
        for (int i = records.Count - 1; i >= 0; i--)
        {
            var record = records[i];
            string? heldBefore = record.PreviousStatus ?? (i > 0 ? records[i - 1].Status : null);
            if (heldBefore != status || (i > 0 && records[i - 1].Status != status))
            {
                return unknown with
                {
                    Status = status, Since = DateTimeOffset.FromUnixTimeMilliseconds(record.At), SinceKind = SinceKind.Exact,
                    TriggeredBy = record.TriggeredByUsername ?? record.TriggeredBy,
                };
            }
        }
        // The oldest record is a check-in into the same status: it began before that, or before the window.
        return unknown with { Status = status, Since = DateTimeOffset.FromUnixTimeMilliseconds(history.Before?.At ?? windowStart) };
    }
}

/// <summary>A status change made through the dashboard that Zoho said it made: whose, to what, when, and by whom.</summary>
public readonly record struct KnownChange(string AgentId, string Status, DateTimeOffset At, string? TriggeredBy);

/// <summary>What one poll said about one agent: a status, or Zoho's per-agent error.</summary>
public readonly record struct PolledStatus(string AgentId, string? Status, string? Error);

/// <summary>
/// An immutable picture of a scope's agents, as of the last good poll. Failed polls keep the agents and count
/// themselves, so viewers keep the last good data and can see how old it is. <see cref="SessionEnded"/> says the
/// last poll failed because the Zoho session it acts with has ended (a good poll clears it).
/// </summary>
public sealed record BoardSnapshot(
    ImmutableArray<LiveAgent> Agents,
    DateTimeOffset? AsOf,
    int FailedPolls = 0,
    string? LastError = null,
    bool SessionEnded = false)
{
    public static BoardSnapshot Empty { get; } = new(ImmutableArray<LiveAgent>.Empty, null);

    /// <summary>Agents per status (agents without a status are not counted). Worked out from the agents, so never sent with them.</summary>
    [JsonIgnore]
    public ImmutableSortedDictionary<string, int> Counts { get; } =
        Agents.Where(a => a.Status is not null).GroupBy(a => a.Status!).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Stale once no poll has succeeded for more than two intervals.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan pollInterval) => AsOf is not { } asOf || now - asOf > 2 * pollInterval;

    /// <summary>
    /// Applies a good poll: an agent whose status did not change keeps its <c>Since</c> and trigger; one whose
    /// status changed starts now, observed rather than exact (unless it had no change on record: then its status is
    /// simply learnt, still "since before"). Returns the ids that changed. An <see cref="LiveAgent.Unconfirmed"/>
    /// change the poll agrees with is confirmed; one it disagrees with is kept this once (the poll may have been
    /// asked before the change, or Zoho may lag a moment), no longer unconfirmed, so the next poll that disagrees wins.
    /// </summary>
    public (BoardSnapshot Next, ImmutableHashSet<string> Changed) Apply(IEnumerable<PolledStatus> poll, DateTimeOffset now)
    {
        var polled = poll.ToDictionary(p => p.AgentId, StringComparer.Ordinal);
        var changed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var agents = Agents.Select(agent =>
        {
            if (!polled.TryGetValue(agent.AgentId, out var seen))
            {
                return agent;
            }
            if (seen.Error is not null)
            {
                if (agent.Error == seen.Error) return agent;
                changed.Add(agent.AgentId);
                return agent with { Status = null, Since = null, SinceKind = SinceKind.Observed, TriggeredBy = null, Error = seen.Error, Unconfirmed = false };
            }
            if (seen.Status == agent.Status && agent.Error is null)
            {
                return agent.Unconfirmed ? agent with { Unconfirmed = false } : agent;
            }
            if (agent.Unconfirmed)
            {
                return agent with { Unconfirmed = false };
            }
            changed.Add(agent.AgentId);
            if (agent is { Status: null, Error: null, SinceKind: SinceKind.Before })
            {
                return agent with { Status = seen.Status }; // the first status known of an agent with no change on record
            }
            return agent with { Status = seen.Status, Since = now, SinceKind = SinceKind.Observed, TriggeredBy = null, Error = null };
        }).ToImmutableArray();
        return (new BoardSnapshot(agents, now), changed.ToImmutable());
    }

    /// <summary>
    /// Applies status changes made through the dashboard, before any poll sees them: each agent on the board whose
    /// status differs takes the new one, exactly since the change, triggered by whoever made it, unconfirmed until a
    /// poll says so (<see cref="Apply"/>). Agents not on the board are never added; <see cref="AsOf"/> stays the
    /// last poll's. Returns the ids that changed (none: the same board).
    /// </summary>
    public (BoardSnapshot Next, ImmutableHashSet<string> Changed) WithChanges(IEnumerable<KnownChange> changes)
    {
        var latest = new Dictionary<string, KnownChange>(StringComparer.Ordinal);
        foreach (var change in changes) latest[change.AgentId] = change;
        var changed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var agents = Agents.Select(agent =>
        {
            if (!latest.TryGetValue(agent.AgentId, out var change) || (change.Status == agent.Status && agent.Error is null))
            {
                return agent;
            }
            changed.Add(agent.AgentId);
            return agent with { Status = change.Status, Since = change.At, SinceKind = SinceKind.Exact, TriggeredBy = change.TriggeredBy, Error = null, Unconfirmed = true };
        }).ToImmutableArray();
        // A new board, not a copy: the counts are worked out when it is made.
        return changed.Count == 0 ? (this, changed.ToImmutable()) : (new BoardSnapshot(agents, AsOf, FailedPolls, LastError, SessionEnded), changed.ToImmutable());
    }

    /// <summary>A failed poll: same agents, one more failure, the reason in words, and whether the Zoho session has ended.</summary>
    public BoardSnapshot Failed(string reason, bool sessionEnded = false) => this with { FailedPolls = FailedPolls + 1, LastError = reason, SessionEnded = sessionEnded };
}
