using System.Globalization;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Web.Audit;

/// <summary>
/// The trail's search as the page's URL and the export's query string give it: <c>person</c>, <c>agent</c>,
/// <c>from</c> and <c>to</c> (local days, yyyy-MM-dd, both included) and <c>tz</c> (IANA; UTC when absent).
/// </summary>
public sealed record AuditFilter(string? Person, string? Agent, DateOnly? From, DateOnly? To, TimeZoneInfo Zone)
{
    public static (AuditFilter? Filter, IReadOnlyList<string> Problems) Parse(string? person, string? agent, string? from, string? to, string? tz)
    {
        var problems = new List<string>();
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(tz) && (!TimeZoneInfo.TryFindSystemTimeZoneById(tz.Trim(), out zone) || !zone.HasIanaId))
        {
            problems.Add($"tz \"{tz}\" is not a known time zone; use an IANA name such as Europe/London.");
            zone = TimeZoneInfo.Utc;
        }
        DateOnly? Day(string? text, string name)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            problems.Add($"{name} \"{text}\" is not a date; write it as yyyy-MM-dd.");
            return null;
        }
        var (first, last) = (Day(from, "from"), Day(to, "to"));
        if (first > last) problems.Add("from is after to: give the earlier day first.");
        return problems.Count > 0 ? (null, problems) : (new AuditFilter(Blank(person), Blank(agent), first, last, zone), []);
    }

    /// <summary>The store's query: from the start of <see cref="From"/> to the end of <see cref="To"/>, in <see cref="Zone"/>.</summary>
    public AuditQuery ToQuery() => new(Person, Agent,
        From is { } first ? LocalDays.StartOf(first, Zone) : null,
        To is { } last ? LocalDays.StartOf(last.AddDays(1), Zone) : null);

    /// <summary>The filter as query parameters (empty ones left out), for links and the export.</summary>
    public Dictionary<string, string?> ToQueryString() => new()
    {
        ["person"] = Person,
        ["agent"] = Agent,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["tz"] = Zone.Id,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
