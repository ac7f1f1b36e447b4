using System.Collections.Immutable;

namespace AgentDashboard.Core.Live;

/// <summary>The orders a board's agents can be shown in; ties go by name.</summary>
public enum BoardSort
{
    Name,

    /// <summary>In the statuses' order (<see cref="StatusCatalogue.Order"/>): documented ones, then custom ones, then none.</summary>
    Status,

    /// <summary>Longest in their status first; an unknown time counts as none.</summary>
    TimeInStatus,
}

/// <summary>
/// Which of a board's agents to show, and in what order: the agents in any of <see cref="Statuses"/> (none: every
/// agent), answering <see cref="Queue"/>, whose name holds <see cref="Search"/>. One home for filtering and sorting a
/// board: the live grid's and the wall's. Names compare ignoring case, in the current culture.
/// </summary>
public sealed record BoardQuery(IReadOnlySet<string> Statuses, string? Queue = null, string? Search = null, BoardSort Sort = BoardSort.Name)
{
    public static BoardQuery Everyone { get; } = new(ImmutableHashSet<string>.Empty);

    /// <summary>The board's agents this query shows, in its order.</summary>
    public List<LiveAgent> Apply(BoardSnapshot board, DateTimeOffset now)
    {
        var agents = board.Agents.Where(a => (Statuses.Count == 0 || (a.Status is { } s && Statuses.Contains(s)))
            && (Queue is null || a.Answers(Queue))
            && (Search is null || a.Name.Contains(Search, StringComparison.CurrentCultureIgnoreCase)));
        return (Sort switch
        {
            BoardSort.Status => agents.OrderBy(a => StatusCatalogue.Order(a.Status)).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
            BoardSort.TimeInStatus => agents.OrderByDescending(a => a.TimeInStatus(now) ?? TimeSpan.Zero).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
            _ => agents.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
        }).ToList();
    }

    /// <summary>
    /// The statuses filter with <paramref name="status"/> switched on or off, in one order however it was built:
    /// the documented statuses in theirs, then any other by name. Empty when none is left.
    /// </summary>
    public IReadOnlyList<string> Toggled(string status)
    {
        var next = Statuses.ToHashSet(StringComparer.Ordinal);
        if (!next.Remove(status)) next.Add(status);
        return [.. next.OrderBy(StatusCatalogue.Order).ThenBy(s => s, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The counters of the whole board (they double as the statuses filter, so they count past the other filters).
    /// See <see cref="Counters(IEnumerable{LiveAgent})"/>.
    /// </summary>
    public IReadOnlyList<(string Status, int Count)> Counters(BoardSnapshot board) => Counters(board.Counts);

    /// <summary>
    /// One counter per documented status (zero included), then any other status among <paramref name="agents"/> or in
    /// this query's filter (so a filter on a status nobody is in now can still be switched off), by name. Agents
    /// without a status are not counted.
    /// </summary>
    public IReadOnlyList<(string Status, int Count)> Counters(IEnumerable<LiveAgent> agents) =>
        Counters(agents.Where(a => a.Status is not null).CountBy(a => a.Status!).ToDictionary());

    private IReadOnlyList<(string Status, int Count)> Counters(IReadOnlyDictionary<string, int> counts) =>
    [
        .. StatusCatalogue.Known.Concat(counts.Keys.Concat(Statuses).Except(StatusCatalogue.Known).Order(StringComparer.Ordinal))
            .Select(s => (s, counts.GetValueOrDefault(s))),
    ];
}
