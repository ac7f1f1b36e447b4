using AgentDashboard.Core.Live;

namespace AgentDashboard.Web.Live;

/// <summary>
/// What a viewer of the live grid chose to see, as the URL holds it: the board's query (statuses, which the counters
/// switch; a queue; a name to search for; the order) and tiles or a table.
/// </summary>
public sealed record LiveView(BoardQuery Query, bool Tiles)
{
    public static LiveView Everyone { get; } = new(BoardQuery.Everyone, Tiles: true);

    /// <summary>From the page's query parameters; anything unknown falls back to the default.</summary>
    public static LiveView FromQuery(string? status, string? queue, string? search, string? sort, string? view) => new(
        new BoardQuery(
            (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            string.IsNullOrWhiteSpace(queue) ? null : queue,
            string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            sort switch { "status" => BoardSort.Status, "time" => BoardSort.TimeInStatus, _ => BoardSort.Name }),
        view != "table");

    /// <summary>The order as the URL writes it: name, status or time.</summary>
    public string Sort => Query.Sort switch { BoardSort.Status => "status", BoardSort.TimeInStatus => "time", _ => "name" };

    /// <summary>The statuses filter with <paramref name="status"/> switched, as the URL writes it; null when none is left.</summary>
    public string? Toggled(string status) => Query.Toggled(status) is { Count: > 0 } next ? string.Join(',', next) : null;
}
