using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Tests;

/// <summary>The timeline's zoomed stretch of the day: read and written as the URL holds it, kept inside the day and at
/// least five minutes long, zoomed and moved, and its axis ticks. Seconds are worked out by hand (09:00 = 32,400).</summary>
public class TimelineSpanTests
{
    private static TimelineSpan Span(string text) => TimelineSpan.Parse(text, out _) ?? throw new ArgumentException(text);

    private static (int, int) Seconds(TimelineSpan span) => (span.StartS, span.EndS);

    [Theory]
    [InlineData("09:00-09:30", 32_400, 34_200, "09:00-09:30")]
    [InlineData("00:00-24:00", 0, 86_400, "00:00-24:00")]
    [InlineData("09:00:15-09:10:45", 32_415, 33_045, "09:00:15-09:10:45")]
    [InlineData(" 23:55 - 24:00 ", 86_100, 86_400, "23:55-24:00")]
    public void Reads_and_writes_the_urls_form(string text, int start, int end, string written)
    {
        var span = Span(text);
        Assert.Equal((start, end), Seconds(span));
        Assert.Equal(written, span.ToString());
    }

    [Theory]
    [InlineData("9-10", "is not a stretch of the day")]
    [InlineData("09:00", "is not a stretch of the day")]
    [InlineData("25:00-26:00", "is not a stretch of the day")]
    [InlineData("24:30-24:40", "is not a stretch of the day")]
    [InlineData("09:60-10:00", "is not a stretch of the day")]
    [InlineData("+9:00-10:00", "is not a stretch of the day")]
    [InlineData("10:00-09:00", "ends before it starts")]
    [InlineData("10:00-10:00", "ends before it starts")]
    public void A_bad_span_is_refused_in_words(string text, string problem)
    {
        Assert.Null(TimelineSpan.Parse(text, out var said));
        Assert.Contains($"span \"{text}\"", said);
        Assert.Contains(problem, said);
    }

    [Fact]
    public void A_span_under_five_minutes_is_widened_about_its_middle_and_kept_inside_the_day()
    {
        // 09:00-09:01: middle 09:00:30, so 08:58:00-09:03:00.
        Assert.Equal((32_280, 32_580), Seconds(Span("09:00-09:01")));
        // At the day's edges the five minutes are moved back inside it.
        Assert.Equal((0, 300), Seconds(Span("00:00-00:01")));
        Assert.Equal((86_100, 86_400), Seconds(Span("23:59-24:00")));
        // A drag's ends may come in either order and run past the day's edges: they are cut there.
        Assert.Equal((0, 3_600), Seconds(TimelineSpan.Clamp(3_600, -50)));
        Assert.Equal((82_800, 86_400), Seconds(TimelineSpan.Clamp(82_800, 90_000)));
        Assert.True(TimelineSpan.Clamp(-10, 99_999).IsWholeDay);
    }

    [Fact]
    public void Zooming_in_halves_about_the_middle_down_to_five_minutes()
    {
        // 24 h -> 12 h about 12:00 -> 6 h about 12:00.
        var span = TimelineSpan.WholeDay.ZoomIn();
        Assert.Equal((21_600, 64_800), Seconds(span));
        Assert.Equal((32_400, 54_000), Seconds(span.ZoomIn()));
        // 09:00-09:08 (8 min) -> 5 min, not 4, about 09:04: 09:01:30-09:06:30.
        Assert.Equal((32_490, 32_790), Seconds(Span("09:00-09:08").ZoomIn()));
        Assert.Equal((32_490, 32_790), Seconds(Span("09:01:30-09:06:30").ZoomIn()));
    }

    [Fact]
    public void Zooming_out_doubles_about_the_middle_and_stops_at_the_days_edges()
    {
        // 09:00-09:30 -> 08:45-09:45.
        Assert.Equal((31_500, 35_100), Seconds(Span("09:00-09:30").ZoomOut()));
        // 00:00-01:00 -> 2 h about 00:30 would start at 23:30 the day before: moved to 00:00-02:00.
        Assert.Equal((0, 7_200), Seconds(Span("00:00-01:00").ZoomOut()));
        Assert.Equal((79_200, 86_400), Seconds(Span("23:00-24:00").ZoomOut()));
        Assert.True(Span("02:00-20:00").ZoomOut().IsWholeDay);
        Assert.True(TimelineSpan.WholeDay.ZoomOut().IsWholeDay);
    }

    [Fact]
    public void Panning_moves_by_a_share_of_the_length_and_stops_at_the_edges()
    {
        // A quarter of 30 minutes is 7:30.
        Assert.Equal((32_850, 34_650), Seconds(Span("09:00-09:30").Pan(0.25)));
        Assert.Equal((31_950, 33_750), Seconds(Span("09:00-09:30").Pan(-0.25)));
        Assert.Equal((0, 1_800), Seconds(Span("00:10-00:40").Pan(-0.5)));
        Assert.Equal((84_600, 86_400), Seconds(Span("23:20-23:50").Pan(0.5)));
        Assert.True(TimelineSpan.WholeDay.Pan(0.25).IsWholeDay);
    }

    [Theory]
    [InlineData("00:00-24:00", 10_800)] // 8 intervals of 3 h, as the whole-day axis always had
    [InlineData("08:00-20:00", 7_200)] // 12 h: 2 h gives 6
    [InlineData("09:00-10:00", 600)] // 1 h: 5 min would be 12, 10 min gives 6
    [InlineData("09:00-09:30", 300)] // 30 min: 2 min would be 15, 5 min gives 6
    [InlineData("09:00-09:10", 120)] // 10 min: 1 min would be 10
    [InlineData("09:00-09:05", 60)] // 5 min: every minute
    public void The_axis_step_gives_at_most_eight_intervals(string span, int step) =>
        Assert.Equal(step, Span(span).TickStepS);

    [Fact]
    public void Ticks_stand_on_whole_steps_inside_the_span()
    {
        Assert.Equal([(0, 0.0, true), (10_800, 12.5, false), (21_600, 25.0, true), (32_400, 37.5, false), (43_200, 50.0, true),
            (54_000, 62.5, false), (64_800, 75.0, true), (75_600, 87.5, false), (86_400, 100.0, true)], TimelineSpan.WholeDay.Ticks());
        // 09:00:30-09:05:30, every minute from 09:01: 30 s in is 10% of 300 s.
        Assert.Equal([(32_460, 10.0, false), (32_520, 30.0, true), (32_580, 50.0, false), (32_640, 70.0, true), (32_700, 90.0, false)],
            Span("09:00:30-09:05:30").Ticks());
        Assert.Equal("09:01", TimelineSpan.Clock(32_460));
    }

    [Theory]
    [InlineData("09:00-09:05", "5 min")]
    [InlineData("09:00-10:30", "1 h 30 min")]
    [InlineData("00:00-24:00", "24 h")]
    [InlineData("09:00:00-09:05:30", "5 min 30 s")]
    public void Its_length_in_words(string span, string words) => Assert.Equal(words, Span(span).LengthText);

    [Fact]
    public void On_a_day_it_is_that_days_clock_times_in_the_zone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // Tue 17 Nov 2026, EST (UTC-5): 09:00-09:30 is 14:00-14:30 UTC.
        var tuesday = new DateOnly(2026, 11, 17);
        long midnight = new DateTimeOffset(2026, 11, 17, 5, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal((midnight + 32_400_000, midnight + 34_200_000), Span("09:00-09:30").On(tuesday, newYork, midnight, midnight + 86_400_000));
        // Sun 1 Nov 2026, 25 hours: 03:00 EST is 08:00 UTC, four hours after the 04:00 UTC midnight (EDT), and
        // 24:00 is the day's own end.
        var sunday = new DateOnly(2026, 11, 1);
        long start = new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        long end = new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal((start + 4 * 3_600_000, end), Span("03:00-24:00").On(sunday, newYork, start, end));
        Assert.Equal((start, end), TimelineSpan.WholeDay.On(sunday, newYork, start, end));
    }
}
