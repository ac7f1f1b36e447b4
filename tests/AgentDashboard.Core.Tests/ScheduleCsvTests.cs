using AgentDashboard.Core.Adherence;

namespace AgentDashboard.Core.Tests;

/// <summary>Schedule files: the canonical form, local times in a chosen zone, and every kind of bad row, by line.</summary>
public class ScheduleCsvTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static ScheduleFile Parse(string text) => ScheduleCsv.Parse(new StringReader(text), NewYork);

    [Fact]
    public void The_canonical_form_local_times_e_mails_quoted_fields_and_a_shift_across_midnight_are_read()
    {
        var file = Parse("""
            agent_id,start,end,activity
            3029000000002015,2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00,Work
            ann@example.com,2026-11-17 22:00,2026-11-18 06:00,Work
            3029000000002015,2026-11-17T12:00:00-05:00,2026-11-17T12:30:00-05:00,"Lunch"
            3029000000002015,2026-11-17T18:00:00Z,2026-11-17T19:00:00Z,"Team ""huddle"", weekly"
            """);

        Assert.True(file.IsGood, string.Join("\n", file.Problems));
        Assert.Equal(
        [
            new ScheduleRow(2, "3029000000002015", At("2026-11-17T14:00:00Z"), At("2026-11-17T17:00:00Z"), "Work"),
            new ScheduleRow(3, "ann@example.com", At("2026-11-18T03:00:00Z"), At("2026-11-18T11:00:00Z"), "Work"),
            new ScheduleRow(4, "3029000000002015", At("2026-11-17T17:00:00Z"), At("2026-11-17T17:30:00Z"), "Lunch"),
            new ScheduleRow(5, "3029000000002015", At("2026-11-17T18:00:00Z"), At("2026-11-17T19:00:00Z"), "Team \"huddle\", weekly"),
        ], file.Rows);
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_line_and_nothing_of_the_file_is_taken()
    {
        var file = Parse("""
            agent_id,start,end,activity
            a1,2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00,Work
            a1,2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00
            ,2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00,Work
            a2,tomorrow,2026-11-17T12:00:00-05:00,Work
            a2,2026-11-17T12:00:00-05:00,2026-11-17T09:00:00-05:00,Work
            a2,2026-11-17T13:00:00-05:00,2026-11-17T14:00:00-05:00,
            a3,2026-03-08 02:30,2026-03-08 06:00,Work
            a1,2026-11-17T11:00:00-05:00,2026-11-17T13:00:00-05:00,Break
            a4,"2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00,Work
            a5,9999-12-31 23:00,2026-11-17T12:00:00-05:00,Work
            """);

        Assert.Empty(file.Rows);
        Assert.Equal(
        [
            "Line 3: 3 fields; a row has 4 (agent_id, start, end, activity).",
            "Line 4: no agent_id.",
            "Line 5: start \"tomorrow\" is not a date and time (e.g. 2026-11-17T09:00:00-05:00).",
            "Line 6: end is not after start.",
            "Line 7: no activity.",
            "Line 8: start 2026-03-08 02:30 does not exist in America/New_York (the clocks skip it).",
            "Line 9: overlaps line 2 for a1.",
            "Line 10: a quoted field is not closed.",
            "Line 11: start 9999-12-31 23:00 is not a date a schedule can be for.",
        ], file.Problems);
    }

    [Fact]
    public void A_file_without_the_header_is_refused_at_line_one()
    {
        var file = Parse("a1,2026-11-17T09:00:00-05:00,2026-11-17T12:00:00-05:00,Work");

        Assert.Empty(file.Rows);
        Assert.Equal(["Line 1: the first line must be the header \"agent_id,start,end,activity\"."], file.Problems);
    }

    [Fact]
    public void A_local_time_that_happens_twice_is_read_as_the_first()
    {
        var file = Parse("""
            agent_id,start,end,activity
            a1,2026-11-01 01:30,2026-11-01 03:00,Work
            """);

        // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST): the first. 03:00 is EST: 08:00 UTC.
        Assert.Equal([new ScheduleRow(2, "a1", At("2026-11-01T05:30:00Z"), At("2026-11-01T08:00:00Z"), "Work")], file.Rows);
    }

    [Fact]
    public void A_file_of_nothing_but_bad_rows_stops_after_a_thousand_problems()
    {
        var text = "agent_id,start,end,activity\n" + string.Concat(Enumerable.Repeat("a1,soon,later,Work\n", 5000));

        var file = Parse(text);

        Assert.Equal(1001, file.Problems.Count);
        Assert.Equal("Line 1002: more than 1000 problems; the rest of the file was not checked.", file.Problems[^1]);
    }
}
