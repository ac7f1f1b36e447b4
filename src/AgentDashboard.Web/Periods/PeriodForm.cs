namespace AgentDashboard.Web.Periods;

/// <summary>
/// The editable copy of a period request behind the period pages' forms: filled from the URL, changed by the
/// controls, and put back into the URL by Show, so the URL stays the one source of what is on screen.
/// </summary>
public sealed class PeriodForm
{
    public static readonly string[] WeekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public HashSet<string> Agents { get; private set; } = new(StringComparer.Ordinal);
    public string Queue { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Tz { get; set; } = "";

    /// <summary>Zoho's weekday digits: 1 = Monday ... 7 = Sunday.</summary>
    public HashSet<int> ExcludeDays { get; private set; } = [];
    public HashSet<string> ExcludeStatus { get; private set; } = new(StringComparer.Ordinal);

    public void Load(string? agentIds, string? queue, string? from, string? to, string? tz, string? excludeDays, string? excludeStatus)
    {
        Agents = Split(agentIds).ToHashSet(StringComparer.Ordinal);
        Queue = queue ?? "";
        From = from ?? "";
        To = to ?? "";
        Tz = tz ?? "";
        ExcludeDays = (excludeDays ?? "").Where(char.IsAsciiDigit).Select(c => c - '0').ToHashSet();
        ExcludeStatus = Split(excludeStatus).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The URL's query for this form; agents in the order of their names.</summary>
    public Dictionary<string, object?> ToQuery(Func<string, string> nameOf) => new()
    {
        ["agentIds"] = Agents.Count > 0 ? string.Join(',', Agents.OrderBy(nameOf, StringComparer.CurrentCultureIgnoreCase)) : null,
        ["queue"] = NullIfEmpty(Queue),
        ["from"] = NullIfEmpty(From),
        ["to"] = NullIfEmpty(To),
        ["tz"] = NullIfEmpty(Tz),
        ["excludeDays"] = ExcludeDays.Count > 0 ? string.Concat(ExcludeDays.Order()) : null,
        ["excludeStatus"] = ExcludeStatus.Count > 0 ? string.Join(',', ExcludeStatus) : null,
    };

    public static void Toggle<T>(HashSet<T> set, T item)
    {
        if (!set.Remove(item)) set.Add(item);
    }

    public static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
