using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Tests;

public class TimelineBuilderTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private const long Hour = 3_600_000;

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static StatusChange Change(string iso, string from, string to, string? by = "User") =>
        new(At(iso), to) { PreviousStatus = from, TriggeredBy = by };

    private static AgentTimeline BuildOne(AgentStatusHistory agent, DateOnly first, DateOnly last, TimeZoneInfo zone, long? now = null, TimelineFilter? filter = null) =>
        TimelineBuilder.Build([agent], new LocalDays(first, last, zone), now ?? long.MaxValue, filter).Single();

    [Fact]
    public void Seed_example_opens_in_the_previous_status_and_keeps_the_check_in_as_an_event()
    {
        // The vendor's example: Available since 1728977814592 (before the window), an automatic check-in 78,485,517 ms
        // later, then Offline. The window is 2024-10-16 in UTC, the day of the example's first bucket (1729036800000).
        var before = new StatusChange(1728977814592, "Available") { PreviousStatus = "Offline", PreviousAt = 1728976200110, TriggeredBy = "User" };
        var checkIn = new StatusChange(1729056300109, "Available")
        {
            PreviousStatus = "Available", PreviousAt = 1728977814592, TriggeredBy = "Zoho Voice",
            TriggeredReason = "Agent Schedule", TriggeredReasonDescription = "Automatic Check In",
        };
        var offline = new StatusChange(1729061808945, "Offline") { PreviousStatus = "Available", PreviousAt = 1729056300109, TriggeredBy = "User" };
        var agent = new AgentStatusHistory("3029000000002015", "Jan", before, [checkIn, offline]);

        var timeline = BuildOne(agent, new DateOnly(2024, 10, 16), new DateOnly(2024, 10, 16), Utc);

        var day = Assert.Single(timeline.Days);
        Assert.Equal(1729036800000, day.Start);
        Assert.Equal(
            [new TimelineSegment("Available", 1729036800000, 1729061808945, before), new TimelineSegment("Offline", 1729061808945, 1729123200000, offline)],
            day.Segments);
        Assert.Equal([checkIn], day.CheckIns);
        Assert.Equal(1729061808945 - 1729036800000, day.Totals["Available"]);
        Assert.Equal(day.Totals["Available"], day.Totals.WorkingTimeMs);
        Assert.Equal(24 * Hour, day.Totals["Available"] + day.Totals["Offline"]);
    }

    [Fact]
    public void Segments_are_clipped_to_the_window_and_the_last_runs_to_now()
    {
        var agent = new AgentStatusHistory("1", "Ana", Change("2024-05-01T20:00Z", "Offline", "Available"), [
            Change("2024-05-02T10:00Z", "Available", "On Call"),
            Change("2024-05-02T10:30Z", "On Call", "Busy"),
        ]);
        long now = At("2024-05-02T11:00Z");

        var day = BuildOne(agent, new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 2), Utc, now).Days.Single();

        Assert.Equal(["Available", "On Call", "Busy"], day.Segments.Select(s => s.Status));
        Assert.Equal(At("2024-05-02T00:00Z"), day.Segments[0].Start); // not 20:00 the day before
        Assert.Equal(now, day.Segments[^1].End); // open: runs to now, not to midnight
        Assert.Equal(30 * 60_000, day.Totals["Busy"]);
        Assert.Equal(11 * Hour, day.Totals.WorkingTimeMs);
    }

    [Fact]
    public void A_segment_spanning_midnight_is_split_into_both_days()
    {
        var agent = new AgentStatusHistory("1", "Ana", null, [
            Change("2024-05-01T22:00Z", "Offline", "Available"),
            Change("2024-05-02T02:00Z", "Available", "Offline"),
        ]);

        var days = BuildOne(agent, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2), Utc).Days;

        Assert.Equal(2 * Hour, days[0].Totals["Available"]);
        Assert.Equal(2 * Hour, days[1].Totals["Available"]);
        Assert.Equal(days[0].End, days[1].Segments[0].Start);
        Assert.Same(days[0].Segments[^1].Cause, days[1].Segments[0].Cause);
        // Before the first hit the agent was in the status the hit says it left.
        Assert.Equal(new TimelineSegment("Offline", days[0].Start, At("2024-05-01T22:00Z"), null), days[0].Segments[0]);
    }

    [Fact]
    public void A_check_in_the_next_morning_leaves_the_overnight_stretch_in_both_days()
    {
        // Available from 20:00, still Available at an automatic check-in at 08:00 the next day, Offline at 10:00.
        var agent = new AgentStatusHistory("1", "Ana", null, [
            Change("2024-05-01T20:00Z", "Offline", "Available"),
            Change("2024-05-02T08:00Z", "Available", "Available", by: "Zoho Voice"),
            Change("2024-05-02T10:00Z", "Available", "Offline"),
        ]);

        var days = BuildOne(agent, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2), Utc).Days;

        Assert.Equal(new TimelineSegment("Available", At("2024-05-01T20:00Z"), days[0].End, agent.Changes[0]), days[0].Segments[^1]);
        Assert.Equal(new TimelineSegment("Available", days[1].Start, At("2024-05-02T10:00Z"), agent.Changes[0]), days[1].Segments[0]);
        Assert.Equal([agent.Changes[1]], days[1].CheckIns);
        Assert.All(days, d => Assert.All(d.Segments, s => Assert.True(s.Start >= d.Start && s.End <= d.End)));
    }

    [Theory]
    [InlineData(2024, 11, 3, 25)] // clocks go back: a 25-hour day
    [InlineData(2024, 3, 10, 23)] // clocks go forward: a 23-hour day
    public void Days_follow_the_clock_changes_of_the_zone(int year, int month, int date, int hours)
    {
        var day = new DateOnly(year, month, date);
        var agent = new AgentStatusHistory("1", "Ana", new StatusChange(At($"{year}-{month:00}-{date - 1:00}T12:00Z"), "Available"), []);

        var days = BuildOne(agent, day.AddDays(-1), day.AddDays(1), NewYork).Days;

        Assert.Equal([24 * Hour, hours * Hour, 24 * Hour], days.Select(d => d.LengthMs));
        Assert.Equal(hours * Hour, days[1].Totals["Available"]);
        Assert.Equal(new DateTimeOffset(year, month, date, 0, 0, 0, NewYork.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds(), days[1].Start);
    }

    [Fact]
    public void A_stretch_across_the_fall_back_night_splits_at_the_local_midnights()
    {
        // Available from 22:00 on 2 Nov to 02:00 on 4 Nov, New York: 2 h, then the whole 25 h day, then 2 h.
        var agent = new AgentStatusHistory("1", "Ana", null, [
            Change("2024-11-02T22:00-04:00", "Offline", "Available"),
            Change("2024-11-04T02:00-05:00", "Available", "Offline"),
        ]);

        var days = BuildOne(agent, new DateOnly(2024, 11, 2), new DateOnly(2024, 11, 4), NewYork).Days;

        Assert.Equal([2 * Hour, 25 * Hour, 2 * Hour], days.Select(d => d.Totals["Available"]));
    }

    [Fact]
    public void An_agent_with_no_hits_stays_in_the_status_from_before_the_window_or_has_no_data()
    {
        var idle = new AgentStatusHistory("1", "Ana", Change("2024-04-20T17:00Z", "Available", "Offline"), []);
        var unknown = new AgentStatusHistory("2", "Bo", null, []);

        var timelines = TimelineBuilder.Build([idle, unknown], new LocalDays(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), Utc), long.MaxValue);

        Assert.Equal([24 * Hour, 24 * Hour, 24 * Hour], timelines[0].Days.Select(d => d.Totals["Offline"]));
        Assert.Equal(0, timelines[0].Totals().WorkingTimeMs);
        Assert.True(timelines[1].HasNoData);
        Assert.Equal(3, timelines[1].Days.Count); // the lanes are there, empty
    }

    [Fact]
    public void An_unknown_status_is_kept_as_a_status_and_counts_as_working_time()
    {
        var agent = new AgentStatusHistory("1", "Ana", Change("2024-05-01T08:00Z", "Offline", "Available"), [
            Change("2024-05-02T09:00Z", "Available", "Training"),
            Change("2024-05-02T10:00Z", "Training", "Offline"),
        ]);

        var day = BuildOne(agent, new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 2), Utc).Days.Single();

        Assert.Equal(["Available", "Training", "Offline"], day.Segments.Select(s => s.Status));
        Assert.Equal(Hour, day.Totals["Training"]);
        Assert.Equal(10 * Hour, day.Totals.WorkingTimeMs);
    }

    [Fact]
    public void Excluded_days_lose_their_lanes_and_excluded_statuses_become_gaps()
    {
        // 2024-05-04 and 05 are a Saturday and a Sunday.
        var agent = new AgentStatusHistory("1", "Ana", Change("2024-05-01T08:00Z", "Offline", "Available"), [
            Change("2024-05-03T12:00Z", "Available", "On Break"),
            Change("2024-05-03T13:00Z", "On Break", "Available"),
            Change("2024-05-03T13:30Z", "Available", "On Break"),
            Change("2024-05-03T14:00Z", "On Break", "On Break"),
        ]);
        var filter = new TimelineFilter(new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday }, new HashSet<string> { "On Break" });

        var days = BuildOne(agent, new DateOnly(2024, 5, 3), new DateOnly(2024, 5, 6), Utc, filter: filter).Days;

        Assert.Equal([new DateOnly(2024, 5, 3), new DateOnly(2024, 5, 6)], days.Select(d => d.Date));
        Assert.DoesNotContain(days[0].Segments, s => s.Status == "On Break");
        Assert.Equal(0, days[0].Totals["On Break"]);
        Assert.Equal(12.5 * Hour, days[0].Totals["Available"]);
        Assert.Empty(days[0].CheckIns); // the check-in was into a left-out status
    }

    [Fact]
    public void Hits_out_of_order_are_put_in_order()
    {
        var agent = new AgentStatusHistory("1", "Ana", null, [
            Change("2024-05-02T10:00Z", "Available", "Busy"),
            Change("2024-05-02T09:00Z", "Offline", "Available"),
        ]);

        var day = BuildOne(agent, new DateOnly(2024, 5, 2), new DateOnly(2024, 5, 2), Utc).Days.Single();

        Assert.Equal(["Offline", "Available", "Busy"], day.Segments.Select(s => s.Status));
    }

    [Fact]
    public void A_midnight_the_clocks_skip_starts_the_day_at_the_first_valid_time()
    {
        // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08: the day begins at 01:00 local.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var days = new LocalDays(new DateOnly(2024, 9, 8), new DateOnly(2024, 9, 8), santiago);

        Assert.Equal(At("2024-09-08T01:00-03:00"), days.Start);
        Assert.Equal(23 * Hour, days.End - days.Start);
    }

    [Fact]
    public void A_window_around_a_call_is_one_lane_across_midnight()
    {
        var agent = new AgentStatusHistory("1", "Ana", null, [
            Change("2024-05-01T23:50Z", "Offline", "Available"),
            Change("2024-05-02T00:05Z", "Available", "On Call", by: "Zoho Voice"),
        ]);

        var lane = TimelineBuilder.Window(agent, At("2024-05-01T23:55Z"), At("2024-05-02T00:10Z"), long.MaxValue);

        Assert.Equal(["Available", "On Call"], lane.Segments.Select(s => s.Status));
        Assert.Equal(At("2024-05-01T23:55Z"), lane.Segments[0].Start);
        Assert.Equal(At("2024-05-02T00:10Z"), lane.Segments[^1].End);
    }
}
