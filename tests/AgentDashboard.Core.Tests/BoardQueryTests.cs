using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

public sealed class BoardQueryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    /// <summary>An agent <paramref name="minutesIn"/> minutes into their status (null: not known since when).</summary>
    private static LiveAgent Agent(string id, string name, string? status, int? minutesIn, params string[] queues) =>
        new(id, name, status, minutesIn is { } m ? T0.AddMinutes(-m) : null, SinceKind.Exact, null, Queues: queues);

    // Names in mixed case, so an order that did not ignore case ("Bea" < "Jan" < "anna" < "ben") would show.
    private static readonly BoardSnapshot Board = new(
    [
        Agent("1", "Jan", "Available", 5, "q1"),
        Agent("2", "Omar", "On Call", 20, "q1", "q2"),
        Agent("3", "anna", "Busy", 2, "q2"),
        Agent("4", "Bea", "Training", 30, "q1"),
        Agent("5", "Carl", null, null, "q2") with { Error = "Invalid agent." },
        Agent("6", "Dana", "On Break", 20, "q1"),
        Agent("7", "Eve", "Lunch", 1),
        Agent("8", "Zed", "Offline", null, "q2"),
        Agent("9", "ben", "Available", 40, "q1"),
    ], T0);

    private static BoardQuery Filtered(params string[] statuses) => BoardQuery.Everyone with { Statuses = statuses.ToHashSet(StringComparer.Ordinal) };

    private static string[] Names(BoardQuery query) => [.. query.Apply(Board, T0).Select(a => a.Name)];

    [Fact]
    public void Everyone_by_name_ignoring_case()
    {
        Assert.Equal(["anna", "Bea", "ben", "Carl", "Dana", "Eve", "Jan", "Omar", "Zed"], Names(BoardQuery.Everyone));
    }

    [Fact]
    public void A_statuses_filter_keeps_the_agents_in_any_of_them_and_never_one_without_a_status()
    {
        Assert.Equal(["anna", "Omar"], Names(Filtered("Busy", "On Call")));
        Assert.Equal(["ben", "Jan"], Names(Filtered("Available")));
        Assert.Equal(["Bea"], Names(Filtered("Training")));
        Assert.Empty(Names(Filtered("Meeting")));
    }

    [Fact]
    public void A_queue_keeps_the_agents_who_answer_it()
    {
        Assert.Equal(["anna", "Carl", "Omar", "Zed"], Names(BoardQuery.Everyone with { Queue = "q2" }));
        Assert.Empty(Names(BoardQuery.Everyone with { Queue = "q3" }));
    }

    [Fact]
    public void A_search_keeps_the_names_that_hold_it_ignoring_case()
    {
        Assert.Equal(["anna", "Dana", "Jan"], Names(BoardQuery.Everyone with { Search = "AN" }));
        Assert.Equal(["Zed"], Names(BoardQuery.Everyone with { Search = "zed" }));
        Assert.Empty(Names(BoardQuery.Everyone with { Search = "Xavier" }));
    }

    [Fact]
    public void Filters_combine_each_leaving_out_its_own()
    {
        // Omar is in q1 but On Call, anna Busy but in q2, ben Available in q1 but without an "a".
        var query = new BoardQuery(new HashSet<string> { "Available", "On Break", "Busy" }, "q1", "a", BoardSort.Status);
        Assert.Equal(["Jan", "Dana"], Names(query));
    }

    [Fact]
    public void By_status_the_documented_ones_in_order_then_custom_ones_then_none_ties_by_name()
    {
        // Bea (Training) before Eve (Lunch): custom statuses share one place, so their agents go by name.
        Assert.Equal(["ben", "Jan", "Omar", "anna", "Dana", "Zed", "Bea", "Eve", "Carl"], Names(BoardQuery.Everyone with { Sort = BoardSort.Status }));
    }

    [Fact]
    public void By_time_in_status_longest_first_ties_by_name_and_unknown_times_last()
    {
        // Dana and Omar both 20 minutes; Carl and Zed not known since when.
        Assert.Equal(["ben", "Bea", "Dana", "Omar", "Jan", "anna", "Eve", "Carl", "Zed"], Names(BoardQuery.Everyone with { Sort = BoardSort.TimeInStatus }));
    }

    [Fact]
    public void A_start_after_now_counts_as_an_unknown_time()
    {
        var board = new BoardSnapshot(
        [
            Agent("1", "Early", "Busy", 3),
            new LiveAgent("2", "Ahead", "Busy", T0.AddMinutes(1), SinceKind.Observed, null),
            Agent("3", "Adam", "Busy", null),
        ], T0);
        Assert.Equal(["Early", "Adam", "Ahead"], (BoardQuery.Everyone with { Sort = BoardSort.TimeInStatus }).Apply(board, T0).Select(a => a.Name));
    }

    [Fact]
    public void Toggled_adds_a_status_in_one_order_however_the_filter_was_built()
    {
        Assert.Equal(["Busy"], BoardQuery.Everyone.Toggled("Busy"));
        Assert.Equal(["Available", "Busy"], Filtered("Busy").Toggled("Available"));
        Assert.Equal(["Available", "On Call", "Busy", "On Break", "Offline", "Training"],
            Filtered("Training", "Offline", "Busy", "Available", "On Break").Toggled("On Call"));
        Assert.Equal(["Busy", "Lunch", "Training"], Filtered("Training", "Busy").Toggled("Lunch"));
    }

    [Fact]
    public void Toggled_removes_a_status_already_in_the_filter_and_leaves_the_query_as_it_was()
    {
        var query = Filtered("Busy", "Available", "Training");
        Assert.Equal(["Available", "Training"], query.Toggled("Busy"));
        Assert.Empty(Filtered("Busy").Toggled("Busy"));
        Assert.Equal(["Available", "Busy", "Training"], query.Statuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Counters_list_every_documented_status_then_others_by_name()
    {
        var board = new BoardSnapshot(
        [
            Agent("1", "Jan", "Available", 5),
            Agent("2", "ben", "Available", 40),
            Agent("3", "Bea", "Training", 30),
            Agent("4", "Eve", "Lunch", 1),
            Agent("5", "Carl", null, null) with { Error = "Invalid agent." },
        ], T0);
        Assert.Equal(
            [("Available", 2), ("On Call", 0), ("Busy", 0), ("On Break", 0), ("Offline", 0), ("Lunch", 1), ("Training", 1)],
            BoardQuery.Everyone.Counters(board));
    }

    [Fact]
    public void Counters_keep_a_filtered_status_nobody_is_in_so_it_can_be_switched_off()
    {
        Assert.Equal(
            [("Available", 2), ("On Call", 1), ("Busy", 1), ("On Break", 1), ("Offline", 1), ("Lunch", 1), ("Meeting", 0), ("Training", 1)],
            Filtered("Meeting", "Busy").Counters(Board));
    }

    [Fact]
    public void Counters_of_the_board_count_past_the_other_filters()
    {
        var query = new BoardQuery(new HashSet<string> { "Busy" }, "q1", "Jan", BoardSort.Name);
        Assert.Equal(
            [("Available", 2), ("On Call", 1), ("Busy", 1), ("On Break", 1), ("Offline", 1), ("Lunch", 1), ("Training", 1)],
            query.Counters(Board));
    }

    [Fact]
    public void Counters_of_some_agents_count_only_them_as_the_wall_shows_one_queue()
    {
        var wall = BoardQuery.Everyone with { Queue = "q2", Sort = BoardSort.Status };
        var agents = wall.Apply(Board, T0);
        Assert.Equal(["Omar", "anna", "Zed", "Carl"], agents.Select(a => a.Name));
        Assert.Equal(
            [("Available", 0), ("On Call", 1), ("Busy", 1), ("On Break", 0), ("Offline", 1)],
            wall.Counters(agents));
    }
}
