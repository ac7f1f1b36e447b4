namespace AgentDashboard.Web.Components.Controls;

/// <summary>Lengths of time as the pages write them.</summary>
public static class DurationText
{
    /// <summary>1:05:09 for an hour and more, 5:09 below; a dash for no time.</summary>
    public static string HoursMinutesSeconds(TimeSpan? time) => time is not { } t ? "—"
        : t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";

    /// <summary>Hours and minutes of a total, e.g. 7:05; some time under a minute is "&lt;0:01", so it never reads as none.</summary>
    public static string HoursMinutes(long ms) => ms is > 0 and < 60_000 ? "<0:01" : $"{ms / 3_600_000}:{ms / 60_000 % 60:00}";
}
