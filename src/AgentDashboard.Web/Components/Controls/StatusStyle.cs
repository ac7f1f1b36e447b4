using AgentDashboard.Core;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>
/// The look of a status in the page (wwwroot/app.css): its class gives the colour and, through CSS, the icon; the
/// page always adds the words, so colour is never alone. What each status looks like is <see cref="StatusCatalogue"/>'s.
/// </summary>
public static class StatusStyle
{
    /// <summary>st-available and the like; a custom status "st-other st-h7" (its hue); no status "st-unknown".</summary>
    public static string CssClass(string? status)
    {
        if (status is null) return "st-unknown";
        var entry = StatusCatalogue.Of(status);
        return entry.Hue is { } hue ? $"st-{entry.StyleKey} st-h{hue}" : "st-" + entry.StyleKey;
    }

    public static string ThresholdClass(ThresholdLevel level) => level switch
    {
        ThresholdLevel.Warning => "over-warning",
        ThresholdLevel.Alert => "over-alert",
        _ => "",
    };

    /// <summary>Warning and alert (ms) per status name, for the browser's ticking script (wwwroot/js/clock.js).</summary>
    public static string ThresholdsJson(Thresholds thresholds) => System.Text.Json.JsonSerializer.Serialize(thresholds.ByStatus.ToDictionary(
        t => t.Key,
        t => new[] { (long?)t.Value.WarningAfter?.TotalMilliseconds ?? 0, (long?)t.Value.AlertAfter?.TotalMilliseconds ?? 0 }));
}
