using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

/// <summary>
/// Alerts at pinned instants, with the default thresholds (On Break red from 30 min, Busy from 20, On Call from 40)
/// and a repeat every 5 minutes. T0 is 14:00 UTC.
/// </summary>
public sealed class AlertTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    private static LiveAgent Agent(string id, string name, string? status, DateTimeOffset since, params string[] queues) =>
        new(id, name, status, since, SinceKind.Exact, null, Queues: queues);

    private static string QueueName(string id) => id == "q1" ? "Sales" : "Support";

    private static List<AlertCondition> At(BoardSnapshot board, DateTimeOffset now) => AlertConditions.Of(board, Thresholds.Default, now, QueueName);

    private static List<string> Texts(IEnumerable<AlertCondition> conditions) => [.. conditions.Select(c => c.Text)];

    [Fact]
    public void An_agent_alerts_from_the_red_threshold_on_and_a_queue_when_signed_in_but_nobody_is_available()
    {
        var board = new BoardSnapshot(
        [
            Agent("1", "Ann Lee", "On Break", T0.AddMinutes(-31), "q1"),      // 31 min: past 30, red
            Agent("2", "Bob Roe", "On Break", T0.AddMinutes(-29), "q1"),      // 29 min: amber only
            Agent("3", "Cat Day", "Busy", T0.AddMinutes(-20), "q2"),          // exactly 20 min: red
            Agent("4", "Dan Fox", "Available", T0.AddMinutes(-90), "q2"),     // Available has no threshold
            Agent("5", "Eve Ash", "Offline", T0.AddMinutes(-300), "q3"),      // q3: only Offline, closed
        ], T0);

        Assert.Equal(["Ann Lee: On Break for 31 min", "Cat Day: Busy for 20 min", "Sales: nobody Available"], Texts(At(board, T0)));
        Assert.Equal(["1", "3", "q1"], At(board, T0).Select(c => c.Subject));
    }

    [Fact]
    public void A_status_known_only_since_before_says_over_and_an_agent_with_no_status_counts_for_no_queue()
    {
        var board = new BoardSnapshot(
        [
            Agent("1", "Ann Lee", "On Call", T0.AddMinutes(-45), "q1") with { SinceKind = SinceKind.Before },
            Agent("2", "Bob Roe", null, T0.AddMinutes(-5), "q2") with { Error = "Invalid agent." },
        ], T0);

        // q1: Ann is signed in (On Call), nobody Available. q2: nobody with a known status, so no alert.
        Assert.Equal(["Ann Lee: On Call for over 45 min", "Sales: nobody Available"], Texts(At(board, T0)));
    }

    [Fact]
    public void A_condition_alerts_when_it_starts_then_every_five_minutes_while_it_holds()
    {
        var tracker = new AlertTracker(Five);
        var breakStart = T0.AddMinutes(-29);
        var board = new BoardSnapshot([Agent("1", "Ann Lee", "On Break", breakStart, "q1"), Agent("2", "Bob Roe", "Available", T0, "q1")], T0);

        Assert.Empty(tracker.Update(At(board, T0), T0));                              // 29 min: nothing yet
        Assert.Empty(tracker.Update(At(board, T0.AddSeconds(59)), T0.AddSeconds(59))); // 29:59
        var started = T0.AddMinutes(1);                                                 // 30:00, with no new board: time alone
        Assert.Equal(["Ann Lee: On Break for 30 min"], Texts(tracker.Update(At(board, started), started)));
        Assert.Empty(tracker.Update(At(board, started.AddSeconds(1)), started.AddSeconds(1))); // while it lasts: quiet
        Assert.Equal(["Ann Lee: On Break for 30 min"], Texts(tracker.Showing));        // but still shown
        var almost = started.AddMinutes(5).AddSeconds(-1);
        Assert.Empty(tracker.Update(At(board, almost), almost));
        var repeat = started.AddMinutes(5);                                             // 35:00
        Assert.Equal(["Ann Lee: On Break for 35 min"], Texts(tracker.Update(At(board, repeat), repeat)));
        var second = started.AddMinutes(10);                                            // 40:00
        Assert.Equal(["Ann Lee: On Break for 40 min"], Texts(tracker.Update(At(board, second), second)));
    }

    [Fact]
    public void Silencing_quietens_what_holds_and_a_new_condition_alerts_again()
    {
        var tracker = new AlertTracker(Five);
        var ann = Agent("1", "Ann Lee", "On Break", T0.AddMinutes(-31), "q1");
        var bob = Agent("2", "Bob Roe", "Available", T0.AddMinutes(-1), "q1");
        var board = new BoardSnapshot([ann, bob], T0);
        Assert.Equal(["Ann Lee: On Break for 31 min"], Texts(tracker.Update(At(board, T0), T0)));

        tracker.Silence();
        Assert.Empty(tracker.Showing);
        Assert.Equal(1, tracker.SilencedCount);
        var later = T0.AddMinutes(6);
        Assert.Empty(tracker.Update(At(board, later), later)); // no repeat once silenced

        // Bob goes on a call: Sales has nobody Available, which is new and alerts; Ann stays silenced.
        var busy = new BoardSnapshot([ann, bob with { Status = "On Call", Since = later }], later);
        var next = later.AddSeconds(1);
        Assert.Equal(["Sales: nobody Available"], Texts(tracker.Update(At(busy, next), next)));
        Assert.Equal(["Sales: nobody Available"], Texts(tracker.Showing));
    }

    [Fact]
    public void A_condition_that_ends_and_starts_again_is_new()
    {
        var tracker = new AlertTracker(Five);
        var onCall = new BoardSnapshot([Agent("1", "Ann Lee", "On Call", T0.AddMinutes(-2), "q1")], T0);
        var available = new BoardSnapshot([Agent("1", "Ann Lee", "Available", T0.AddMinutes(1), "q1")], T0.AddMinutes(1));

        Assert.Equal(["Sales: nobody Available"], Texts(tracker.Update(At(onCall, T0), T0)));
        tracker.Silence();
        Assert.Empty(tracker.Update(At(available, T0.AddMinutes(1)), T0.AddMinutes(1))); // ended: forgotten
        Assert.Equal(0, tracker.SilencedCount);
        var again = onCall with { AsOf = T0.AddMinutes(2) };
        Assert.Equal(["Sales: nobody Available"], Texts(tracker.Update(At(again, T0.AddMinutes(2)), T0.AddMinutes(2))));
    }

    [Fact]
    public void A_new_break_past_red_is_a_new_condition_even_in_the_same_status()
    {
        var tracker = new AlertTracker(Five);
        var first = new BoardSnapshot([Agent("1", "Ann Lee", "On Break", T0.AddMinutes(-30))], T0);
        Assert.Single(tracker.Update(At(first, T0), T0));
        tracker.Silence();
        // A later board says the break began at another moment (a second break, seen already past red): alerts again.
        var second = new BoardSnapshot([Agent("1", "Ann Lee", "On Break", T0.AddMinutes(-32).AddSeconds(30))], T0.AddMinutes(1));
        Assert.Equal(["Ann Lee: On Break for 32 min"], Texts(tracker.Update(At(second, T0.AddMinutes(1)), T0.AddMinutes(1))));
    }
}
