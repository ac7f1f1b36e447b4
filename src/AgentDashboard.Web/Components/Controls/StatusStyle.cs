using AgentDashboard.Core.Live;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>
/// The look of a status: its class gives the colour and, through CSS, the icon; the page always adds the words,
/// so colour is never alone. Any other status gets a neutral look.
/// </summary>
public static class StatusStyle
{
    /// <summary>The statuses Zoho documents, in the order the pages list them.</summary>
    public static readonly string[] KnownStatuses = ["Available", "On Call", "Busy", "On Break", "Offline"];

    /// <summary>A status's place in lists: the documented ones in their order, then any other, then none.</summary>
    public static int Order(string? status) => status is null ? KnownStatuses.Length + 1
        : Array.IndexOf(KnownStatuses, status) is var i and >= 0 ? i : KnownStatuses.Length;

    /// <summary>Custom statuses share a neutral look in one of this many hues, chosen by name, so two of them differ.</summary>
    private const int CustomHues = 12;

    public static string CssClass(string? status) => status switch
    {
        "Available" => "st-available",
        "On Call" => "st-oncall",
        "Busy" => "st-busy",
        "On Break" => "st-break",
        "Offline" => "st-offline",
        null => "st-unknown",
        _ => "st-other st-h" + Fnv1a(status) % CustomHues,
    };

    /// <summary>
    /// A status's colour where CSS cannot reach (a chart's SVG attributes): mid tones that read on light and dark.
    /// Custom statuses get their hue as in wwwroot/app.css.
    /// </summary>
    public static string Colour(string status) => status switch
    {
        "Available" => "#3a9a5b",
        "On Call" => "#3b82c4",
        "Busy" => "#9b6bc4",
        "On Break" => "#d39a2c",
        "Offline" => "#8a96a6",
        _ => $"hsl({Fnv1a(status) % CustomHues * 30}, 32%, 50%)",
    };

    /// <summary>A hash that is the same in every process (string.GetHashCode is not), so a status keeps its hue.</summary>
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash;
    }

    public static string ThresholdClass(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Warning => "over-warning",
        ThresholdLevel.Alert => "over-alert",
        _ => "",
    };

    /// <summary>Warning and alert (ms) per status name, for the browser's ticking script (wwwroot/js/live.js).</summary>
    public static string ThresholdsJson(Thresholds thresholds) => System.Text.Json.JsonSerializer.Serialize(thresholds.ByStatus.ToDictionary(
        t => t.Key,
        t => new[] { (long?)t.Value.WarningAfter?.TotalMilliseconds ?? 0, (long?)t.Value.AlertAfter?.TotalMilliseconds ?? 0 }));

    /// <summary>1:05:09 for an hour and more, 5:09 below.</summary>
    public static string Duration(TimeSpan? time) => time is not { } t ? "—"
        : t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";

    /// <summary>Hours and minutes of a total, e.g. 7:05; some time under a minute is "&lt;0:01", so it never reads as none.</summary>
    public static string HoursMinutes(long ms) => ms is > 0 and < 60_000 ? "<0:01" : $"{ms / 3_600_000}:{ms / 60_000 % 60:00}";

    /// <summary>A short name for tight columns: Avail, Call, Break; other statuses as they are.</summary>
    public static string ShortName(string status) => status switch
    {
        "Available" => "Avail",
        "On Call" => "Call",
        "On Break" => "Break",
        _ => status,
    };
}
