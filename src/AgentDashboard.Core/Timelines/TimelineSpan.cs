using System.Globalization;

namespace AgentDashboard.Core.Timelines;

/// <summary>
/// The stretch of the local day the timeline's lanes show, in seconds of local clock time from midnight: the whole
/// day (00:00-24:00) down to five minutes. Written in the URL as <c>09:00-09:30</c> (seconds only when not whole
/// minutes). Every change keeps it inside the day and at least <see cref="MinimumS"/> long.
/// </summary>
public readonly record struct TimelineSpan
{
    public const int DayS = 86_400;
    public const int MinimumS = 300;

    /// <summary>Tick steps the axis picks from, in seconds: 1, 2, 5, 10, 15 and 30 minutes, then 1, 2, 3 and 6 hours.</summary>
    private static readonly int[] TickSteps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600];

    /// <summary>The most intervals between ticks the axis shows, so labels never crowd.</summary>
    private const int MostIntervals = 8;

    private TimelineSpan(int startS, int endS) => (StartS, EndS) = (startS, endS);

    public static TimelineSpan WholeDay { get; } = new(0, DayS);

    public int StartS { get; }
    public int EndS { get; }
    public int LengthS => EndS - StartS;
    public bool IsWholeDay => StartS == 0 && EndS == DayS;

    /// <summary>
    /// The span from <paramref name="startS"/> to <paramref name="endS"/> (either order), cut at the day's edges, then
    /// widened about its middle to five minutes when shorter (moved back inside the day at an edge).
    /// </summary>
    public static TimelineSpan Clamp(double startS, double endS)
    {
        if (endS < startS) (startS, endS) = (endS, startS);
        (startS, endS) = (Math.Clamp(startS, 0, DayS), Math.Clamp(endS, 0, DayS));
        return Fit((startS + endS) / 2, endS - startS);
    }

    /// <summary>A span of a length (five minutes to the day) about a middle, moved back inside the day where it runs over.</summary>
    private static TimelineSpan Fit(double middle, double length)
    {
        length = Math.Clamp(length, MinimumS, DayS);
        double start = Math.Clamp(middle - length / 2, 0, DayS - length);
        return new TimelineSpan((int)Math.Round(start), Math.Min((int)Math.Round(start + length), DayS));
    }

    /// <summary>Half as long about the same middle (never under five minutes).</summary>
    public TimelineSpan ZoomIn() => Fit(Middle, LengthS / 2.0);

    /// <summary>Twice as long about the same middle, moved back inside the day at its edges.</summary>
    public TimelineSpan ZoomOut() => Fit(Middle, LengthS * 2.0);

    /// <summary>Moved by a share of its length (negative: earlier), stopping at the day's edges.</summary>
    public TimelineSpan Pan(double share) => Fit(Middle + share * LengthS, LengthS);

    private double Middle => (StartS + EndS) / 2.0;

    /// <summary>Seconds between the axis's ticks: the smallest step giving at most eight intervals.</summary>
    public int TickStepS
    {
        get
        {
            foreach (int step in TickSteps)
            {
                if (LengthS / step <= MostIntervals) return step;
            }
            return TickSteps[^1];
        }
    }

    /// <summary>The axis's ticks: each multiple of the step inside the span (ends included), where it stands as a
    /// percentage of the width, and whether it is a major tick (a multiple of twice the step).</summary>
    public IEnumerable<(int AtS, double Percent, bool Major)> Ticks()
    {
        int step = TickStepS;
        for (int at = (StartS + step - 1) / step * step; at <= EndS; at += step)
        {
            yield return (at, (at - StartS) * 100.0 / LengthS, at % (2 * step) == 0);
        }
    }

    /// <summary>A time of day as the axis and the URL write it: "09:05", "24:00", "09:05:30" when not on a minute.</summary>
    public static string Clock(int seconds) => seconds % 60 == 0
        ? $"{seconds / 3600:00}:{seconds / 60 % 60:00}"
        : $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}";

    public override string ToString() => Clock(StartS) + "-" + Clock(EndS);

    /// <summary>How long it is in words: "5 min", "1 h 30 min", "24 h".</summary>
    public string LengthText => (LengthS / 3600, LengthS / 60 % 60, LengthS % 60) switch
    {
        (0, var m, 0) => $"{m} min",
        (var h, 0, 0) => $"{h} h",
        (var h, var m, 0) => $"{h} h {m} min",
        (var h, var m, var s) => h > 0 ? $"{h} h {m} min {s} s" : $"{m} min {s} s",
    };

    /// <summary>
    /// Reads a span from the URL: "HH:mm-HH:mm" (seconds optional, "24:00" for midnight at the end). Null with the
    /// problem in words when it is not one; a span under five minutes is widened about its middle.
    /// </summary>
    public static TimelineSpan? Parse(string text, out string? problem)
    {
        problem = null;
        var parts = text.Split('-');
        if (parts.Length != 2 || ReadClock(parts[0]) is not { } start || ReadClock(parts[1]) is not { } end)
        {
            problem = $"span \"{text}\" is not a stretch of the day such as 09:00-09:30";
            return null;
        }
        if (end <= start)
        {
            problem = $"span \"{text}\" ends before it starts";
            return null;
        }
        return Clamp(start, end);
    }

    private static int? ReadClock(string text)
    {
        var fields = text.Trim().Split(':');
        if (fields.Length is < 2 or > 3 || fields.Any(f => f.Length != 2)) return null;
        var numbers = new int[3];
        for (int i = 0; i < fields.Length; i++)
        {
            if (!int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }
        var (h, m, s) = (numbers[0], numbers[1], numbers[2]);
        if (m > 59 || s > 59 || h > 24 || (h == 24 && (m > 0 || s > 0))) return null;
        return h * 3600 + m * 60 + s;
    }

    /// <summary>
    /// The instants (epoch ms) the span covers on one local day: its clock times that day, in the zone. A clock time
    /// the clocks skip counts from the first valid time after it; one they repeat, from its first time. The whole day
    /// is the day's own bounds (23 or 25 hours where the clocks change).
    /// </summary>
    public (long From, long To) On(DateOnly date, TimeZoneInfo zone, long dayStart, long dayEnd) =>
        (StartS == 0 ? dayStart : Instant(date, StartS, zone), EndS == DayS ? dayEnd : Instant(date, EndS, zone));

    private static long Instant(DateOnly date, int seconds, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified).AddSeconds(seconds);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }
}
