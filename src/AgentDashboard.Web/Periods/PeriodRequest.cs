using System.Globalization;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Web.Periods;

/// <summary>
/// A period request as the timeline, heatmap and overview pages and their exports take it, checked: agents, local dates <see cref="From"/> to <see cref="To"/>
/// inclusive in <see cref="Zone"/>, weekdays and statuses to leave out. <see cref="Parse"/> reports every problem at once.
/// </summary>
public sealed record PeriodRequest(IReadOnlyList<string> AgentIds, DateOnly From, DateOnly To, TimeZoneInfo Zone, string? ExcludeDays, IReadOnlyList<string> ExcludeStatus)
{
    public const int MaxDays = 93;
    public const int MaxAgents = 1000;

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public LocalDays Days() => new(From, To, Zone);

    /// <summary>The request as query parameters (for the exports' links), without the ones it does not set.</summary>
    public Dictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["agentIds"] = AgentIds.Count > 0 ? string.Join(',', AgentIds) : null,
        ["from"] = From.ToString("yyyy-MM-dd"),
        ["to"] = To.ToString("yyyy-MM-dd"),
        ["tz"] = Zone.Id,
        ["excludeDays"] = ExcludeDays,
        ["excludeStatus"] = ExcludeStatus.Count > 0 ? string.Join(',', ExcludeStatus) : null,
    }.Where(p => p.Value is not null).ToDictionary();

    public TimelineFilter Filter() => new(
        (ExcludeDays ?? "").Select(d => (DayOfWeek)((d - '0') % 7)).ToHashSet(), // Zoho's 1 = Monday ... 7 = Sunday
        ExcludeStatus.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Reads the parameters as the URL gives them. A missing <paramref name="to"/> means today in the zone and a missing
    /// <paramref name="from"/> the same day as <paramref name="to"/>: no dates is today, only a start is from then until today. The problems come back in words, one per bad parameter.
    /// </summary>
    public static (PeriodRequest? Request, IReadOnlyList<string> Problems) Parse(
        string? agentIds, string? from, string? to, string? tz, string? excludeDays, string? excludeStatus, DateTimeOffset now)
    {
        var problems = new List<string>();
        var ids = Split(agentIds);
        if (ids.Count > MaxAgents)
        {
            problems.Add($"agentIds names {ids.Count} agents; at most {MaxAgents} can be asked for at once.");
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            problems.Add("agentIds names the same agent more than once.");
        }

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(tz))
        {
            problems.Add("tz is required: an IANA time-zone name such as Europe/London or America/New_York.");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz.Trim(), out zone) || !zone.HasIanaId)
        {
            problems.Add($"tz \"{tz}\" is not a known time zone; use an IANA name such as Europe/London or America/New_York.");
            zone = null;
        }

        var today = LocalDays.DateOf(now.ToUnixTimeMilliseconds(), zone ?? TimeZoneInfo.Utc);
        var last = ParseDate("to", to, today, problems);
        var first = ParseDate("from", from, last ?? today, problems);
        if (first is { } f && last is { } l)
        {
            if (l < f)
            {
                problems.Add($"The end date ({l:yyyy-MM-dd}) is before the start date ({f:yyyy-MM-dd}).");
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                problems.Add($"The range is {l.DayNumber - f.DayNumber + 1} days; at most {MaxDays} days can be read at once.");
            }
            if (zone is not null && f > today)
            {
                problems.Add($"The start date ({f:yyyy-MM-dd}) is in the future in {zone.Id}; there is nothing to show yet.");
            }
        }

        string? days = string.IsNullOrWhiteSpace(excludeDays) ? null : excludeDays.Trim();
        if (days is not null)
        {
            if (days.Any(c => c is < '1' or > '7'))
            {
                problems.Add($"excludeDays \"{excludeDays}\" may hold only the digits 1-7 (1 = Monday, 7 = Sunday), e.g. 67 to leave out weekends.");
            }
            else if (days.Distinct().Count() == 7)
            {
                problems.Add("excludeDays leaves out every day of the week, so there would be nothing to show.");
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new PeriodRequest(ids, first!.Value, last!.Value, zone!, days, Split(excludeStatus)), problems);
    }

    private static DateOnly? ParseDate(string name, string? text, DateOnly fallback, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add($"{name} \"{text}\" is not a date; write it as yyyy-MM-dd, e.g. 2024-11-03.");
        return null;
    }

    private static List<string> Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
