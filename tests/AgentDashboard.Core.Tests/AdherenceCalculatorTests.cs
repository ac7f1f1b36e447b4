using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Tests;

/// <summary>Adherence and conformance of one agent-day, against figures worked out by hand in the comments.</summary>
public class AdherenceCalculatorTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static StatusChange Change(string iso, string to) => new(At(iso), to);

    private static ScheduledActivity Shift(string from, string to, string activity) => new("a1", At(from), At(to), activity);

    /// <summary>The agent's local days in New York, built from their changes by the timeline builder.</summary>
    private static IReadOnlyList<TimelineDay> Days(DateOnly first, DateOnly last, string before, params StatusChange[] changes) =>
        TimelineBuilder.Build([new AgentStatusHistory("a1", "Ann", new StatusChange(At("2026-01-01T00:00:00Z"), before), changes)],
            new LocalDays(first, last, NewYork), long.MaxValue).Single().Days;

    [Fact]
    public void An_ordinary_day_late_in_long_at_lunch_and_gone_early()
    {
        var day = Days(new(2026, 11, 17), new(2026, 11, 17), "Offline",
            Change("2026-11-17T09:10:00-05:00", "Available"), // 10 min late
            Change("2026-11-17T12:00:00-05:00", "On Break"),  // lunch 12:00-12:30 scheduled; back at 12:45
            Change("2026-11-17T12:45:00-05:00", "On Call"),
            Change("2026-11-17T16:30:00-05:00", "Offline")).Single(); // 30 min early
        var schedule = new[]
        {
            Shift("2026-11-17T09:00:00-05:00", "2026-11-17T12:00:00-05:00", "Work"),
            Shift("2026-11-17T12:00:00-05:00", "2026-11-17T12:30:00-05:00", "Lunch"),
            Shift("2026-11-17T12:30:00-05:00", "2026-11-17T17:00:00-05:00", "Work"),
            Shift("2026-11-17T17:00:00-05:00", "2026-11-17T23:00:00-05:00", "Off"),
        };

        var figures = AdherenceCalculator.ForDay(day, schedule, ActivityRules.Default);

        // Scheduled 09:00-17:00 = 28,800 s (Off is not). Adherent: Work 09:10-12:00 (10,200) + Lunch 12:00-12:30 (1,800)
        // + Work 12:45-16:30 (13,500) = 25,500 s: 88.5 %. Work scheduled 7.5 h = 27,000 s; working 09:10-12:00 and
        // 12:45-16:30 = 23,700 s: 87.8 %. Late 600 s, early 1,800 s.
        Assert.Equal(new AdherenceDay(new(2026, 11, 17), 28_800, 25_500, 27_000, 23_700, 600, 1_800), figures);
        Assert.Equal(88.5, figures.AdherencePct!.Value, 1);
        Assert.Equal(87.8, figures.ConformancePct!.Value, 1);
    }

    [Fact]
    public void A_shift_across_midnight_counts_on_each_day_up_to_and_from_midnight()
    {
        var days = Days(new(2026, 11, 17), new(2026, 11, 18), "Offline",
            Change("2026-11-17T22:00:00-05:00", "Available"),
            Change("2026-11-18T05:00:00-05:00", "Offline")); // an hour early
        var schedule = new[] { Shift("2026-11-17T22:00:00-05:00", "2026-11-18T06:00:00-05:00", "Work") };

        var first = AdherenceCalculator.ForDay(days[0], schedule, ActivityRules.Default);
        var second = AdherenceCalculator.ForDay(days[1], schedule, ActivityRules.Default);

        // 22:00-24:00 on the first day, all kept, on time, still working at its end.
        Assert.Equal(new AdherenceDay(new(2026, 11, 17), 7_200, 7_200, 7_200, 7_200, 0, 0), first);
        // 00:00-06:00 on the second: kept to 05:00, left an hour early; already working at midnight, so not late.
        Assert.Equal(new AdherenceDay(new(2026, 11, 18), 21_600, 18_000, 21_600, 18_000, 0, 3_600), second);
    }

    [Fact]
    public void On_the_23_hour_day_a_night_shift_over_the_spring_gap_is_an_hour_shorter()
    {
        // 8 March 2026: New York's clocks go from 02:00 to 03:00. A shift 00:00-06:00 local lasts 5 hours.
        var day = Days(new(2026, 3, 8), new(2026, 3, 8), "Available",
            Change("2026-03-08T04:00:00-04:00", "On Break"),
            Change("2026-03-08T04:30:00-04:00", "Available")).Single();
        var schedule = new[] { Shift("2026-03-08T00:00:00-05:00", "2026-03-08T06:00:00-04:00", "Work") };

        var figures = AdherenceCalculator.ForDay(day, schedule, ActivityRules.Default);

        Assert.Equal(23 * 3_600_000L, day.LengthMs);
        // 5 h scheduled = 18,000 s; half an hour On Break in Work time: 16,200 s adherent (90 %); working likewise
        // within the shift, and all day long before and after it: 23 h - 0.5 h = 81,000 s.
        Assert.Equal(new AdherenceDay(new(2026, 3, 8), 18_000, 16_200, 18_000, 81_000, 0, 0), figures);
        Assert.Equal(90.0, figures.AdherencePct!.Value, 1);
    }

    [Fact]
    public void On_the_25_hour_day_a_night_shift_over_the_repeated_hour_is_an_hour_longer()
    {
        // 1 November 2026: 02:00 becomes 01:00 again. A shift 00:00-04:00 local lasts 5 hours; the agent works it all.
        var day = Days(new(2026, 11, 1), new(2026, 11, 1), "Offline",
            Change("2026-11-01T00:00:00-04:00", "On Call"),
            Change("2026-11-01T04:00:00-05:00", "Offline")).Single();
        var schedule = new[] { Shift("2026-11-01T00:00:00-04:00", "2026-11-01T04:00:00-05:00", "Work") };

        var figures = AdherenceCalculator.ForDay(day, schedule, ActivityRules.Default);

        Assert.Equal(25 * 3_600_000L, day.LengthMs);
        Assert.Equal(new AdherenceDay(new(2026, 11, 1), 18_000, 18_000, 18_000, 18_000, 0, 0), figures);
        Assert.Equal(100.0, figures.ConformancePct!.Value, 1);
    }

    [Fact]
    public void A_meeting_is_kept_by_busy_or_a_custom_status_of_its_name_and_a_day_with_nothing_scheduled_has_no_percentages()
    {
        var day = Days(new(2026, 11, 17), new(2026, 11, 17), "Available",
            Change("2026-11-17T10:00:00-05:00", "Meeting"),
            Change("2026-11-17T10:30:00-05:00", "Busy"),
            Change("2026-11-17T11:00:00-05:00", "Available")).Single();
        var meeting = new[] { Shift("2026-11-17T10:00:00-05:00", "2026-11-17T11:00:00-05:00", "Meeting") };

        var figures = AdherenceCalculator.ForDay(day, meeting, ActivityRules.Default);

        // The whole hour kept (30 min in the custom status "Meeting", 30 Busy); no Work scheduled: no conformance,
        // no late start or early leave.
        Assert.Equal(3_600, figures.ScheduledS);
        Assert.Equal(3_600, figures.AdherentS);
        Assert.Null(figures.ConformancePct);
        Assert.Equal((0, 0), (figures.LateStartS, figures.EarlyLeaveS));

        var off = AdherenceCalculator.ForDay(day, [Shift("2026-11-17T00:00:00-05:00", "2026-11-18T00:00:00-05:00", "Off")], ActivityRules.Default);
        Assert.Null(off.AdherencePct);
        Assert.Null(off.ConformancePct);
    }

    [Fact]
    public void An_agent_who_never_works_a_scheduled_shift_is_late_and_early_by_all_of_it()
    {
        var day = Days(new(2026, 11, 17), new(2026, 11, 17), "Offline").Single();
        var figures = AdherenceCalculator.ForDay(day, [Shift("2026-11-17T09:00:00-05:00", "2026-11-17T17:00:00-05:00", "Work")], ActivityRules.Default);

        Assert.Equal(new AdherenceDay(new(2026, 11, 17), 28_800, 0, 28_800, 0, 28_800, 28_800), figures);
        Assert.Equal(0.0, figures.AdherencePct!.Value, 1);
    }

    [Fact]
    public void Rules_read_afresh_are_the_same_rules_and_a_changed_status_is_not()
    {
        static ActivityRules Rules(params string[] workStatuses) => new(new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Work"] = workStatuses.ToHashSet(StringComparer.Ordinal),
            ["Lunch"] = new HashSet<string>(StringComparer.Ordinal) { "On Break" },
        });

        Assert.True(Rules("Available", "On Call").SameAs(Rules("On Call", "Available")));
        Assert.False(Rules("Available", "On Call").SameAs(Rules("Available")));
        Assert.False(Rules("Available").SameAs(ActivityRules.Default));
    }
}
