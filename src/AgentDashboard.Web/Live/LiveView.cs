using AgentDashboard.Core;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Web.Live;

/// <summary>
/// What a viewer of the live grid chose to see, as the URL holds it: statuses (the counters double as filters), a
/// queue, a name to search for, the order, and tiles or a table. One home for filtering and sorting a board.
/// </summary>
public sealed record LiveView(IReadOnlySet<string> Statuses, string? Queue, string? Search, string Sort, bool Tiles)
{
    public static LiveView Everyone { get; } = new(new HashSet<string>(), null, null, "name", Tiles: true);

    /// <summary>From the page's query parameters; anything unknown falls back to the default.</summary>
    public static LiveView FromQuery(string? status, string? queue, string? search, string? sort, string? view) => new(
        (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        string.IsNullOrWhiteSpace(queue) ? null : queue,
        string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        sort is "status" or "time" ? sort : "name",
        view != "table");

    /// <summary>The board's agents this view shows, in its order: by name, by status (documented ones first), or longest in status first.</summary>
    public List<LiveAgent> Apply(BoardSnapshot board, DateTimeOffset now)
    {
        var agents = board.Agents.Where(a => (Statuses.Count == 0 || (a.Status is { } s && Statuses.Contains(s)))
            && (Queue is null || a.Answers(Queue))
            && (Search is null || a.Name.Contains(Search, StringComparison.CurrentCultureIgnoreCase)));
        return (Sort switch
        {
            "status" => agents.OrderBy(a => StatusCatalogue.Order(a.Status)).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
            "time" => agents.OrderByDescending(a => a.TimeInStatus(now) ?? TimeSpan.Zero).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
            _ => agents.OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase),
        }).ToList();
    }

    /// <summary>The statuses filter with <paramref name="status"/> switched, as the URL writes it (documented statuses first).</summary>
    public string? Toggled(string status)
    {
        var next = Statuses.ToHashSet(StringComparer.Ordinal);
        if (!next.Remove(status)) next.Add(status);
        return next.Count == 0 ? null : string.Join(',', next.OrderBy(StatusCatalogue.Order).ThenBy(s => s, StringComparer.Ordinal));
    }

    /// <summary>
    /// One counter per documented status (zero included), then any other status on the board or in this view's
    /// filter (so a filter on a status nobody is in now can still be switched off).
    /// </summary>
    public IEnumerable<(string Status, int Count)> Counters(BoardSnapshot board) => Counters(board.Counts, Statuses);

    /// <summary>The counters for agents counted per status (the wall's: one queue's, say), the documented statuses first.</summary>
    public static IEnumerable<(string Status, int Count)> Counters(IReadOnlyDictionary<string, int> counts, IEnumerable<string> alsoShown) =>
        StatusCatalogue.Known.Concat(counts.Keys.Concat(alsoShown).Except(StatusCatalogue.Known).Distinct().Order(StringComparer.Ordinal))
            .Select(s => (s, counts.GetValueOrDefault(s)));
}
