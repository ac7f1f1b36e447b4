using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Core.Tests;

/// <summary>Out-of-adherence stretches, a day judged so far, and team totals, against figures worked out by hand in the comments.</summary>
public class AdherenceStretchesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static StatusChange Change(string iso, string to) => new(At(iso), to);

    private static ScheduledActivity Shift(string from, string to, string activity) => new("a1", At(from), At(to), activity);

    private static OutOfAdherence Out(string from, string to, string status, string activity) => new(At(from), At(to), status, activity);

    private static IReadOnlyList<TimelineDay> Days(DateOnly first, DateOnly last, string before, long now, params StatusChange[] changes) =>
        TimelineBuilder.Build([new AgentStatusHistory("a1", "Ann", new StatusChange(At("2026-01-01T00:00:00Z"), before), changes)],
            new LocalDays(first, last, NewYork), now).Single().Days;

    [Fact]
    public void Stretches_split_where_the_status_or_the_activity_changes_and_join_across_back_to_back_blocks()
    {
        var day = Days(new(2026, 11, 17), new(2026, 11, 17), "Offline", long.MaxValue,
            Change("2026-11-17T09:05:00-05:00", "Available"),
            Change("2026-11-17T11:50:00-05:00", "On Break"),  // 10 min early for lunch, and 10 min over it
            Change("2026-11-17T12:40:00-05:00", "Available"),
            Change("2026-11-17T14:00:00-05:00", "On Break"),  // a break not scheduled ...
            Change("2026-11-17T14:10:00-05:00", "Offline"),   // ... running on into being logged off
            Change("2026-11-17T14:30:00-05:00", "Available"),
            Change("2026-11-17T15:50:00-05:00", "Offline")).Single(); // gone 70 min early, over two Work blocks
        var schedule = new[]
        {
            Shift("2026-11-17T09:00:00-05:00", "2026-11-17T12:00:00-05:00", "Work"),
            Shift("2026-11-17T12:00:00-05:00", "2026-11-17T12:30:00-05:00", "Lunch"),
            Shift("2026-11-17T12:30:00-05:00", "2026-11-17T16:00:00-05:00", "Work"),
            Shift("2026-11-17T16:00:00-05:00", "2026-11-17T17:00:00-05:00", "Work"), // back to back with the block before
            Shift("2026-11-17T17:00:00-05:00", "2026-11-17T23:00:00-05:00", "Off"),
        };

        var stretches = AdherenceStretches.ForDay(day, schedule, ActivityRules.Default);

        Assert.Equal(
        [
            Out("2026-11-17T09:00:00-05:00", "2026-11-17T09:05:00-05:00", "Offline", "Work"),
            Out("2026-11-17T11:50:00-05:00", "2026-11-17T12:00:00-05:00", "On Break", "Work"), // lunch itself is kept
            Out("2026-11-17T12:30:00-05:00", "2026-11-17T12:40:00-05:00", "On Break", "Work"),
            Out("2026-11-17T14:00:00-05:00", "2026-11-17T14:10:00-05:00", "On Break", "Work"), // the status changes ...
            Out("2026-11-17T14:10:00-05:00", "2026-11-17T14:30:00-05:00", "Offline", "Work"),  // ... so does the stretch
            Out("2026-11-17T15:50:00-05:00", "2026-11-17T17:00:00-05:00", "Offline", "Work"),  // one stretch over both blocks; Off after 17:00 is not scheduled
        ], stretches);

        // The stretches are exactly the scheduled time not kept: 5 + 10 + 10 + 10 + 20 + 70 = 125 min = 7,500 s.
        var figures = AdherenceCalculator.ForDay(day, schedule, ActivityRules.Default);
        Assert.Equal(figures.ScheduledS - figures.AdherentS, stretches.Sum(s => s.DurationMs) / 1000);
        Assert.Equal(7_500, stretches.Sum(s => s.DurationMs) / 1000);
    }

    [Fact]
    public void A_stretch_across_midnight_is_cut_into_one_on_each_day()
    {
        var days = Days(new(2026, 11, 17), new(2026, 11, 18), "Offline", long.MaxValue,
            Change("2026-11-17T22:30:00-05:00", "Available"), // half an hour late
            Change("2026-11-17T23:45:00-05:00", "On Break"),  // a break over midnight, none scheduled
            Change("2026-11-18T00:15:00-05:00", "Available"),
            Change("2026-11-18T06:00:00-05:00", "Offline"));
        var schedule = new[] { Shift("2026-11-17T22:00:00-05:00", "2026-11-18T06:00:00-05:00", "Work") };

        Assert.Equal(
        [
            Out("2026-11-17T22:00:00-05:00", "2026-11-17T22:30:00-05:00", "Offline", "Work"),
            Out("2026-11-17T23:45:00-05:00", "2026-11-18T00:00:00-05:00", "On Break", "Work"),
        ], AdherenceStretches.ForDay(days[0], schedule, ActivityRules.Default));
        Assert.Equal(
            [Out("2026-11-18T00:00:00-05:00", "2026-11-18T00:15:00-05:00", "On Break", "Work")],
            AdherenceStretches.ForDay(days[1], schedule, ActivityRules.Default));

        // Each day's schedule is cut at its midnight too.
        Assert.Equal([Shift("2026-11-17T22:00:00-05:00", "2026-11-18T00:00:00-05:00", "Work")], AdherenceStretches.CutToDay(days[0], schedule));
        Assert.Equal([Shift("2026-11-18T00:00:00-05:00", "2026-11-18T06:00:00-05:00", "Work")], AdherenceStretches.CutToDay(days[1], schedule));
    }

    [Fact]
    public void A_day_not_over_is_judged_up_to_now_with_no_early_leave_while_work_is_still_ahead()
    {
        long now = At("2026-11-17T14:00:00-05:00");
        var day = Days(new(2026, 11, 17), new(2026, 11, 17), "Offline", now,
            Change("2026-11-17T09:10:00-05:00", "Available"),
            Change("2026-11-17T12:00:00-05:00", "On Break"),
            Change("2026-11-17T12:30:00-05:00", "Available")).Single();
        var schedule = new[] { Shift("2026-11-17T09:00:00-05:00", "2026-11-17T17:00:00-05:00", "Work") };

        var figures = AdherenceStretches.SoFar(day, schedule, ActivityRules.Default, now);

        // Judged 09:00-14:00 = 18,000 s. Kept 09:10-12:00 (10,200) and 12:30-14:00 (5,400) = 15,600 s; working the same.
        // 10 min late; not early (still scheduled to 17:00).
        Assert.Equal(new AdherenceDay(new(2026, 11, 17), 18_000, 15_600, 18_000, 15_600, 600, 0), figures);
        Assert.Equal(86.7, figures.AdherencePct!.Value, 1);

        var stretches = AdherenceStretches.SoFar(AdherenceStretches.ForDay(day, schedule, ActivityRules.Default), now);
        Assert.Equal(
        [
            Out("2026-11-17T09:00:00-05:00", "2026-11-17T09:10:00-05:00", "Offline", "Work"),
            Out("2026-11-17T12:00:00-05:00", "2026-11-17T12:30:00-05:00", "On Break", "Work"),
        ], stretches);

        // Once the day is over, it is ForDay's figures.
        Assert.Equal(AdherenceCalculator.ForDay(day, schedule, ActivityRules.Default),
            AdherenceStretches.SoFar(day, schedule, ActivityRules.Default, At("2026-11-18T00:00:00-05:00")));
    }

    [Fact]
    public void Team_totals_sum_the_scheduled_days_and_take_percentages_from_the_sums()
    {
        var days = new[]
        {
            new AdherenceDay(new(2026, 11, 16), 28_800, 25_500, 27_000, 23_700, 600, 1_800),
            new AdherenceDay(new(2026, 11, 17), 7_200, 7_200, 7_200, 7_200, 0, 0),
            new AdherenceDay(new(2026, 11, 18), 0, 0, 0, 3_600, 0, 0),     // nothing scheduled: left out
            new AdherenceDay(new(2026, 11, 19), 1_800, 0, 0, 5_000, 0, 0), // a meeting only: no Work, so its working time is not counted
        };

        var team = AdherenceTotals.Of(days);

        // 3 agent-days; scheduled 28,800 + 7,200 + 1,800 = 37,800; adherent 32,700 (86.5 %); Work 34,200; working
        // 23,700 + 7,200 = 30,900 (90.4 %); late 600 and early 1,800 summed.
        Assert.Equal(new AdherenceTotals(3, 37_800, 32_700, 34_200, 30_900, 600, 1_800), team);
        Assert.Equal(86.5, team.AdherencePct!.Value, 1);
        Assert.Equal(90.4, team.ConformancePct!.Value, 1);
        Assert.Null(AdherenceTotals.Of([days[2]]).AdherencePct);
        Assert.Equal(0, AdherenceTotals.Of([]).AgentDays);
    }
}
