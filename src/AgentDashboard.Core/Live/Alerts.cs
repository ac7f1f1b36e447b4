namespace AgentDashboard.Core.Live;

/// <summary>
/// Something on the board worth an alert, while it holds. <see cref="Key"/> stays the same for as long as it holds
/// (an agent's one spell in a status, a queue), so the same condition is recognised from one board to the next;
/// <see cref="Subject"/> is the agent's or queue's id, <see cref="Text"/> what it is in words.
/// </summary>
public sealed record AlertCondition(string Key, string Subject, string Text);

/// <summary>The conditions a board shows: agents in the red, and queues where calls may come and nobody is Available.</summary>
public static class AlertConditions
{
    /// <summary>
    /// Agents whose time in status is past their status's red (alert) threshold, by name; then queues with at least
    /// one agent signed in (any status but Offline) and none Available: Zoho may route a call there and nobody can
    /// take it. Agents with no known status count for neither. A queue with everyone Offline is closed, not alerted.
    /// </summary>
    public static List<AlertCondition> Of(BoardSnapshot board, Thresholds thresholds, DateTimeOffset now, Func<string, string> queueName)
    {
        var conditions = new List<AlertCondition>();
        foreach (var agent in board.Agents.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            if (thresholds.LevelOf(agent, now) == ThresholdLevel.Alert && agent.TimeInStatus(now) is { } time)
            {
                string over = agent.SinceKind == SinceKind.Before ? "over " : "";
                conditions.Add(new($"agent:{agent.AgentId}:{agent.Status}:{agent.Since?.ToUnixTimeMilliseconds()}", agent.AgentId,
                    $"{agent.Name}: {agent.Status} for {over}{(int)time.TotalMinutes} min"));
            }
        }
        var queues = new SortedDictionary<string, (bool SignedIn, bool Available)>(StringComparer.Ordinal);
        foreach (var agent in board.Agents)
        {
            if (agent.Status is not { } status) continue;
            foreach (var queue in agent.Queues ?? [])
            {
                var (signedIn, available) = queues.GetValueOrDefault(queue);
                queues[queue] = (signedIn || status != StatusCatalogue.Offline, available || status == StatusCatalogue.Available);
            }
        }
        conditions.AddRange(queues
            .Where(q => q.Value is { SignedIn: true, Available: false })
            .Select(q => new AlertCondition("queue:" + q.Key, q.Key, $"{queueName(q.Key)}: nobody Available"))
            .OrderBy(c => c.Text, StringComparer.CurrentCultureIgnoreCase));
        return conditions;
    }
}

/// <summary>
/// One page's alerts over time: a condition alerts when it starts (not while it lasts) and again every
/// <c>repeatEvery</c> while it holds, until it is silenced. Silencing quietens what holds now; a condition that
/// starts afterwards (or ends and starts again) alerts again. Pure logic: boards and instants go in.
/// </summary>
public sealed class AlertTracker(TimeSpan repeatEvery)
{
    private sealed class Held(AlertCondition condition, DateTimeOffset soundedAt)
    {
        public AlertCondition Condition { get; set; } = condition;
        public DateTimeOffset SoundedAt { get; set; } = soundedAt;
        public bool Silenced { get; set; }
    }

    private readonly Dictionary<string, Held> held = new(StringComparer.Ordinal);
    private List<AlertCondition> order = [];

    public TimeSpan RepeatEvery => repeatEvery;

    /// <summary>The conditions that hold and are not silenced, in the order given to the last <see cref="Update"/>.</summary>
    public IReadOnlyList<AlertCondition> Showing => [.. order.Where(c => !held[c.Key].Silenced)];

    /// <summary>How many conditions hold but were silenced.</summary>
    public int SilencedCount => held.Values.Count(h => h.Silenced);

    /// <summary>
    /// Takes what holds at <paramref name="now"/> and returns the conditions that call for an alert now: those that
    /// started since the last update, and those not silenced whose last alert was <c>repeatEvery</c> ago or more.
    /// A condition no longer given has ended and is forgotten.
    /// </summary>
    public IReadOnlyList<AlertCondition> Update(IReadOnlyList<AlertCondition> conditions, DateTimeOffset now)
    {
        var sounding = new List<AlertCondition>();
        var holding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            if (!holding.Add(condition.Key)) continue;
            if (!held.TryGetValue(condition.Key, out var known))
            {
                held[condition.Key] = new(condition, now);
                sounding.Add(condition);
                continue;
            }
            known.Condition = condition; // the words move on ("for 32 min")
            if (!known.Silenced && now - known.SoundedAt >= repeatEvery)
            {
                known.SoundedAt = now;
                sounding.Add(condition);
            }
        }
        foreach (var ended in held.Keys.Where(k => !holding.Contains(k)).ToList()) held.Remove(ended);
        order = [.. conditions.Where(c => held.TryGetValue(c.Key, out var h) && h.Condition == c)];
        return sounding;
    }

    /// <summary>Quietens every condition that holds now, for as long as it holds.</summary>
    public void Silence()
    {
        foreach (var known in held.Values) known.Silenced = true;
    }
}
