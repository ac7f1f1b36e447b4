namespace AgentDashboard.Core.Timelines;

/// <summary>
/// A run of whole local days in one time zone, as instants: day <c>i</c> is [<see cref="Bounds"/>[i],
/// <see cref="Bounds"/>[i + 1]). Days are 23 or 25 hours long where the clocks change.
/// </summary>
public sealed class LocalDays
{
    public LocalDays(DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        First = first;
        Zone = zone;
        int count = last.DayNumber - first.DayNumber + 1;
        var bounds = new long[count + 1];
        for (int i = 0; i <= count; i++)
        {
            bounds[i] = StartOf(first.AddDays(i), zone);
        }
        Bounds = bounds;
    }

    public DateOnly First { get; }
    public DateOnly Last => First.AddDays(Count - 1);
    public TimeZoneInfo Zone { get; }
    public int Count => Bounds.Count - 1;

    /// <summary>Count + 1 instants (epoch ms): each day's first instant, then the end of the last day.</summary>
    public IReadOnlyList<long> Bounds { get; }

    public long Start => Bounds[0];
    public long End => Bounds[^1];

    public DateOnly DateAt(int index) => First.AddDays(index);

    /// <summary>The first instant (epoch ms) of a local date: midnight, or the first valid time after it where the clocks skip midnight.</summary>
    public static long StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        // An ambiguous midnight happens twice: the day starts at the first, which has the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }

    /// <summary>The local date of an instant in a zone.</summary>
    public static DateOnly DateOf(long instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(instant), zone).DateTime);
}
