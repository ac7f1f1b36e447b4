using System.Collections.Immutable;

namespace AgentDashboard.Core.Live;

/// <summary>
/// One agent on the live board. <see cref="Since"/> is when the current status began: exact when it comes from
/// the agent's newest status-audit hit, otherwise the poll that first saw it (<see cref="SinceIsExact"/> false).
/// <see cref="Error"/> is Zoho's per-agent answer when it gave no status (an unknown or hidden agent).
/// <see cref="Queues"/> are the ids of the scope's queues the agent answers.
/// </summary>
public sealed record LiveAgent(
    string AgentId,
    string Name,
    string? Status,
    DateTimeOffset? Since,
    bool SinceIsExact,
    string? TriggeredBy,
    string? Error = null,
    IReadOnlyList<string>? Queues = null)
{
    public bool Answers(string queueId) => Queues?.Contains(queueId) == true;

    public TimeSpan? TimeInStatus(DateTimeOffset now) => Since is { } since && now >= since ? now - since : null;
}

/// <summary>What one poll said about one agent: a status, or Zoho's per-agent error.</summary>
public readonly record struct PolledStatus(string AgentId, string? Status, string? Error);

/// <summary>
/// An immutable picture of a scope's agents, as of the last good poll. Failed polls keep the agents and count
/// themselves, so viewers keep the last good data and can see how old it is.
/// </summary>
public sealed record BoardSnapshot(
    ImmutableArray<LiveAgent> Agents,
    DateTimeOffset? AsOf,
    int FailedPolls = 0,
    string? LastError = null)
{
    public static BoardSnapshot Empty { get; } = new(ImmutableArray<LiveAgent>.Empty, null);

    /// <summary>Agents per status (agents without a status are not counted).</summary>
    public ImmutableSortedDictionary<string, int> Counts { get; } =
        Agents.Where(a => a.Status is not null).GroupBy(a => a.Status!).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Stale once no poll has succeeded for more than two intervals.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan pollInterval) => AsOf is not { } asOf || now - asOf > 2 * pollInterval;

    /// <summary>
    /// Applies a good poll: an agent whose status did not change keeps its <c>Since</c> and trigger; one whose
    /// status changed starts now, observed rather than exact. Returns the ids that changed.
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
                return agent with { Status = null, Since = null, SinceIsExact = false, TriggeredBy = null, Error = seen.Error };
            }
            if (seen.Status == agent.Status && agent.Error is null)
            {
                return agent;
            }
            changed.Add(agent.AgentId);
            return agent with { Status = seen.Status, Since = now, SinceIsExact = false, TriggeredBy = null, Error = null };
        }).ToImmutableArray();
        return (new BoardSnapshot(agents, now), changed.ToImmutable());
    }

    /// <summary>A failed poll: same agents, one more failure, the reason in words.</summary>
    public BoardSnapshot Failed(string reason) => this with { FailedPolls = FailedPolls + 1, LastError = reason };
}
