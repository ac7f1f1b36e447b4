using AgentDashboard.Core.Adherence;

namespace AgentDashboard.Core.Tests;

/// <summary>Weekly shift templates: reading them, every kind of bad row, and laying them out on dates.</summary>
public class ShiftTemplatesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static TemplateFile Parse(string text) => ShiftTemplates.Parse(new StringReader(text), NewYork);

    [Fact]
    public void A_week_is_read_with_full_and_short_day_names_and_a_night_shift()
    {
        var file = Parse("""
            agent_id,weekday,start,end,activity
            a1,Monday,09:00,12:00,Work
            a1,mon,12:00,12:30,Lunch
            a1,Sunday,22:00,06:00,Work
            """);

        Assert.True(file.IsGood, string.Join("\n", file.Problems));
        Assert.Equal(
        [
            new ShiftTemplate("a1", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), "Work", NewYork.Id),
            new ShiftTemplate("a1", DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(12, 30), "Lunch", NewYork.Id),
            new ShiftTemplate("a1", DayOfWeek.Sunday, new TimeOnly(22, 0), new TimeOnly(6, 0), "Work", NewYork.Id),
        ], file.Rows.Select(r => r.Template));
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_line_and_nothing_is_taken()
    {
        var file = Parse("""
            agent_id,weekday,start,end,activity
            a1,Monday,09:00,17:00,Work
            a1,Funday,09:00,17:00,Work
            a1,3,09:00,17:00,Work
            ,Tuesday,9am,,Work
            a2,Tuesday,09:00,09:00,
            a2,Wednesday,"09:00,Work
            a2,Thursday,09:00,17:00
            a1,Monday,16:00,18:00,Meeting
            a3,Sunday,22:00,06:00,Work
            a3,Monday,05:00,07:00,Training
            """);

        Assert.Empty(file.Rows);
        Assert.Equal(
        [
            "Line 3: weekday \"Funday\" is not a day of the week (Monday to Sunday).",
            "Line 4: weekday \"3\" is not a day of the week (Monday to Sunday).",
            "Line 5: no agent_id; start \"9am\" is not a time of day in hours and minutes (e.g. 09:00); no end.",
            "Line 6: no activity; start and end are the same time.",
            "Line 7: a quoted field is not closed.",
            "Line 8: 4 fields; a row has 5 (agent_id, weekday, start, end, activity).",
            "Line 9: overlaps line 2 for a1.",
            "Line 11: overlaps line 10 for a3.",
        ], file.Problems);
    }

    [Fact]
    public void Templates_expand_to_their_weekdays_in_their_zone_across_midnight_and_a_clock_change()
    {
        ShiftTemplate[] week =
        [
            new("a1", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
            new("a1", DayOfWeek.Saturday, new TimeOnly(22, 0), new TimeOnly(6, 0), "Work", NewYork.Id),
        ];

        // 2026-10-31 is a Saturday; New York's clocks go back at 02:00 on Sunday 1 November, so that night is 9 hours.
        var laidOut = ShiftTemplates.Expand(week, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 2), _ => NewYork).OrderBy(a => a.Start).ToList();

        Assert.Equal(
        [
            new ScheduledActivity("a1", At("2026-11-01T02:00:00Z"), At("2026-11-01T11:00:00Z"), "Work"),
            new ScheduledActivity("a1", At("2026-11-02T14:00:00Z"), At("2026-11-02T22:00:00Z"), "Work"),
        ], laidOut);
    }

    [Fact]
    public void A_start_the_clocks_skip_moves_past_the_gap()
    {
        // 2026-03-08 02:30 does not exist in New York: the shift starts at 03:00 EDT (07:00Z).
        var template = new ShiftTemplate("a1", DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(8, 0), "Work", NewYork.Id);

        Assert.Equal(new ScheduledActivity("a1", At("2026-03-08T07:00:00Z"), At("2026-03-08T12:00:00Z"), "Work"), template.On(new DateOnly(2026, 3, 8), NewYork));
    }
}
