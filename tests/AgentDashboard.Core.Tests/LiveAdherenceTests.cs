using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

/// <summary>The live grid's out-of-adherence flag, against times worked out by hand in the comments (UTC throughout).</summary>
public class LiveAdherenceTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private static DateTimeOffset T(string time) => DateTimeOffset.Parse($"2026-11-17T{time}Z");

    private static ScheduledActivity Slot(string from, string to, string activity) => new("a1", T(from).ToUnixTimeMilliseconds(), T(to).ToUnixTimeMilliseconds(), activity);

    private static string? Flag(string status, string since, string now, params ScheduledActivity[] schedule) =>
        LiveAdherence.Check(status, T(since), schedule, ActivityRules.Default, T(now), Grace)?.Text;

    private static readonly ScheduledActivity[] Day = [Slot("09:00", "17:00", "Work")];

    [Fact]
    public void Out_of_adherence_is_flagged_only_once_it_is_longer_than_the_grace()
    {
        // On Break since 10:00 during Work: out 4:59, then exactly 5:00 (the grace, not longer), then a moment more.
        Assert.Null(Flag("On Break", "10:00:00", "10:04:59", Day));
        Assert.Null(Flag("On Break", "10:00:00", "10:05:00", Day));
        Assert.Equal("On Break, scheduled Work, 5 min", Flag("On Break", "10:00:00", "10:05:01", Day));
        // 7 min 59 s is floored to 7 min.
        Assert.Equal("On Break, scheduled Work, 7 min", Flag("On Break", "10:00:00", "10:07:59", Day));
        // A grace of zero flags at once.
        Assert.NotNull(LiveAdherence.Check("On Break", T("10:00:00"), Day, ActivityRules.Default, T("10:00:01"), TimeSpan.Zero));
    }

    [Fact]
    public void Working_statuses_keep_to_Work()
    {
        foreach (var status in new[] { "Available", "On Call", "Busy" })
        {
            Assert.Null(Flag(status, "08:00", "12:00", Day));
        }
        Assert.Equal("Offline, scheduled Work, 3 h", Flag("Offline", "09:30", "12:30", Day));
    }

    [Fact]
    public void A_status_that_began_before_the_activity_is_out_only_from_the_activitys_start()
    {
        // Offline since 07:00; before 09:00 nothing is scheduled.
        Assert.Null(Flag("Offline", "07:00", "08:59", Day));
        // At 09:04 the 4 minutes since 09:00 are within the grace, not the two hours since 07:00.
        Assert.Null(Flag("Offline", "07:00", "09:04", Day));
        Assert.Equal("Offline, scheduled Work, 12 min", Flag("Offline", "07:00", "09:12", Day));
    }

    [Fact]
    public void On_Break_keeps_a_scheduled_Break_so_the_run_out_begins_when_Work_comes_back()
    {
        ScheduledActivity[] schedule = [Slot("09:00", "10:00", "Work"), Slot("10:00", "10:15", "Break"), Slot("10:15", "12:00", "Work")];

        // On Break from 09:50: out during Work for 5 min at 09:55 (not longer than the grace), 8 at 09:58.
        Assert.Null(Flag("On Break", "09:50", "09:55", schedule));
        Assert.Equal("On Break, scheduled Work, 8 min", Flag("On Break", "09:50", "09:58", schedule));
        // During the Break they keep to it.
        Assert.Null(Flag("On Break", "09:50", "10:10", schedule));
        // Still on break after it: out from 10:15 (the kept Break ends the run), so 5 min at 10:20 and 7 at 10:22.
        Assert.Null(Flag("On Break", "09:50", "10:20", schedule));
        Assert.Equal("On Break, scheduled Work, 7 min", Flag("On Break", "09:50", "10:22", schedule));
    }

    [Fact]
    public void A_status_that_keeps_neither_of_two_back_to_back_activities_is_out_across_both()
    {
        ScheduledActivity[] schedule = [Slot("09:00", "10:00", "Work"), Slot("10:00", "10:15", "Break"), Slot("10:15", "12:00", "Work")];

        // Offline from 09:30: out since 09:30 through Work, Break and Work again: 40 min at 10:10, 1 h 12 min at 10:42.
        Assert.Equal("Offline, scheduled Break, 40 min", Flag("Offline", "09:30", "10:10", schedule));
        Assert.Equal("Offline, scheduled Work, 1 h 12 min", Flag("Offline", "09:30", "10:42", schedule));
        // Offline since 08:00 (before the day): out from 09:00, the run's start: 1 h 42 min.
        Assert.Equal("Offline, scheduled Work, 1 h 42 min", Flag("Offline", "08:00", "10:42", schedule));
    }

    [Fact]
    public void Unscheduled_time_ends_a_run_and_is_never_flagged()
    {
        ScheduledActivity[] gap = [Slot("09:00", "12:00", "Work"), Slot("13:00", "17:00", "Work")];
        ScheduledActivity[] off = [Slot("09:00", "12:00", "Work"), Slot("12:00", "13:00", "Off"), Slot("13:00", "17:00", "Work")];

        // Offline from 11:00: flagged before noon, not in the gap or the Off hour, and out only from 13:00 after it.
        Assert.Equal("Offline, scheduled Work, 30 min", Flag("Offline", "11:00", "11:30", gap));
        Assert.Null(Flag("Offline", "11:00", "12:30", gap));
        Assert.Null(Flag("Offline", "11:00", "12:30", off));
        Assert.Equal("Offline, scheduled Work, 10 min", Flag("Offline", "11:00", "13:10", gap));
        Assert.Equal("Offline, scheduled Work, 10 min", Flag("Offline", "11:00", "13:10", off));
        // After the day, and for an agent with no schedule at all.
        Assert.Null(Flag("Offline", "11:00", "17:30", gap));
        Assert.Null(Flag("Offline", "11:00", "13:10"));
    }

    [Fact]
    public void A_custom_status_of_the_activitys_name_keeps_to_a_Meeting_and_to_an_activity_with_no_rule()
    {
        ScheduledActivity[] schedule = [Slot("13:00", "14:00", "Work"), Slot("14:00", "15:00", "Meeting"), Slot("15:00", "16:00", "Coaching")];

        // The custom status Meeting (and Busy) keeps to a Meeting; Available does not: out from 14:00, 30 min at 14:30.
        Assert.Null(Flag("Meeting", "13:55", "14:30", schedule));
        Assert.Null(Flag("Busy", "13:55", "14:30", schedule));
        Assert.Equal("Available, scheduled Meeting, 30 min", Flag("Available", "13:00", "14:30", schedule));
        // Still in Meeting into Coaching, which has no rule: only a custom status named Coaching keeps to it.
        Assert.Equal("Meeting, scheduled Coaching, 10 min", Flag("Meeting", "13:55", "15:10", schedule));
        Assert.Null(Flag("coaching", "14:58", "15:30", schedule));
    }

    [Fact]
    public void An_agent_with_no_known_status_or_start_is_never_flagged()
    {
        Assert.Null(LiveAdherence.Check(null, T("08:00"), Day, ActivityRules.Default, T("12:00"), Grace));
        Assert.Null(LiveAdherence.Check("Offline", null, Day, ActivityRules.Default, T("12:00"), Grace));
        var unknown = new LiveAgent("a1", "Ann", null, null, SinceKind.Observed, null, Error: "Agent not found");
        Assert.Null(LiveAdherence.Check(unknown, Day, ActivityRules.Default, T("12:00"), Grace));
        var offline = new LiveAgent("a1", "Ann", "Offline", T("08:00"), SinceKind.Exact, null);
        Assert.Equal("Offline, scheduled Work, 3 h", LiveAdherence.Check(offline, Day, ActivityRules.Default, T("12:00"), Grace)?.Text);
    }

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(59_999, "0 min")]
    [InlineData(7 * 60_000 + 59_000, "7 min")]
    [InlineData(60 * 60_000, "1 h")]
    [InlineData(72 * 60_000 + 30_000, "1 h 12 min")]
    [InlineData(26 * 60 * 60_000 + 60_000, "26 h 1 min")]
    public void Minutes_are_floored_and_hours_written_out(long ms, string words) =>
        Assert.Equal(words, LiveAdherence.Minutes(TimeSpan.FromMilliseconds(ms)));
}
