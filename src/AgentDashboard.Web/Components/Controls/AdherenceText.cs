using System.Globalization;
using AgentDashboard.Core;
using AgentDashboard.Core.Adherence;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>Adherence figures and schedule blocks as the timeline writes them.</summary>
public static class AdherenceText
{
    /// <summary>92.4%, or a dash for no figure.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Whole minutes to the nearest ("7 min"); from an hour, "1 h 05 min".</summary>
    public static string Minutes(long seconds)
    {
        long minutes = (seconds + 30) / 60;
        return minutes >= 60 ? $"{minutes / 60} h {minutes % 60:00} min" : $"{minutes} min";
    }

    /// <summary>
    /// "Adherence 92.4% · Conformance 101.2% · Late 7 min · Left early 0 min", in parts a page keeps each on one line;
    /// "No schedule" when nothing is scheduled, "Not started yet" when the day's schedule is all still to come.
    /// </summary>
    public static IReadOnlyList<string> DayParts(AdherenceDay day, bool hasSchedule)
    {
        if (day.ScheduledS == 0) return [hasSchedule ? "Not started yet" : "No schedule"];
        string adherence = "Adherence " + Percent(day.AdherencePct);
        return day.WorkScheduledS == 0
            ? [adherence, "No Work scheduled"]
            : [adherence, "Conformance " + Percent(day.ConformancePct), "Late " + Minutes(day.LateStartS), "Left early " + Minutes(day.EarlyLeaveS)];
    }

    /// <summary>The colour of an activity: that of the status that keeps it (Work as Available, Break and Lunch as On Break, Meeting and Training as Busy).</summary>
    public static string ActivityClass(string activity) => "sched " + StatusStyle.CssClass(activity.ToLowerInvariant() switch
    {
        "work" => StatusCatalogue.Available,
        "break" or "lunch" => StatusCatalogue.OnBreak,
        "meeting" or "training" => StatusCatalogue.Busy,
        _ => activity,
    });

    /// <summary>12:30–13:00 in the zone; a day's end is 24:00.</summary>
    public static string Span(long start, long end, long dayEnd, TimeZoneInfo zone) =>
        $"{Clock(start, zone)}–{(end >= dayEnd ? "24:00" : Clock(end, zone))}";

    private static string Clock(long ms, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(ms), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
