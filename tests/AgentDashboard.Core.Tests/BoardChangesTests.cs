using System.Text.Json;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

/// <summary>Status changes made through the dashboard, shown before a poll sees them, then confirmed or corrected by the polls.</summary>
public sealed class BoardChangesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Click = T0.AddSeconds(3);

    private static readonly LiveAgent Jan = new("1", "Jan", "Available", T0.AddHours(-1), SinceKind.Exact, "Zoho Voice");
    private static readonly LiveAgent Omar = new("2", "Omar", "Busy", T0.AddMinutes(-3), SinceKind.Observed, null);

    private static BoardSnapshot Board(params LiveAgent[] agents) => new([.. agents], T0);

    [Fact]
    public void A_change_shows_exactly_since_the_click_by_the_supervisor_and_unconfirmed()
    {
        var (next, changed) = Board(Jan, Omar).WithChanges([new KnownChange("1", "On Break", Click, "Sam Supervisor")]);
        Assert.Equal(["1"], changed);
        Assert.Equal(new LiveAgent("1", "Jan", "On Break", Click, SinceKind.Exact, "Sam Supervisor", Unconfirmed: true), next.Agents[0]);
        Assert.Same(Omar, next.Agents[1]);
        Assert.Equal(T0, next.AsOf); // still the last poll's
        Assert.Equal(1, next.Counts["On Break"]);
        Assert.False(next.Counts.ContainsKey("Available"));
        Assert.Equal(1, next.Counts["Busy"]);
    }

    [Fact]
    public void An_agent_not_on_the_board_is_never_added_and_an_unchanged_status_keeps_its_start()
    {
        var board = Board(Jan, Omar);
        var (next, changed) = board.WithChanges([new KnownChange("3", "Offline", Click, "Sam"), new KnownChange("2", "Busy", Click, "Sam")]);
        Assert.Empty(changed);
        Assert.Same(board, next);
        Assert.Equal(["1", "2"], next.Agents.Select(a => a.AgentId));
    }

    [Fact]
    public void An_agent_with_an_error_takes_the_status_the_change_set()
    {
        var hidden = new LiveAgent("4", "Ines", null, null, SinceKind.Observed, null, "Invalid agent.");
        var (next, changed) = Board(hidden).WithChanges([new KnownChange("4", "Available", Click, "Sam")]);
        Assert.Equal(["4"], changed);
        Assert.Equal(new LiveAgent("4", "Ines", "Available", Click, SinceKind.Exact, "Sam", null, Unconfirmed: true), next.Agents[0]);
    }

    [Fact]
    public void A_poll_that_agrees_confirms_the_change_and_keeps_its_start()
    {
        var (shown, _) = Board(Jan).WithChanges([new KnownChange("1", "On Break", Click, "Sam")]);
        var (polled, changed) = shown.Apply([new PolledStatus("1", "On Break", null)], T0.AddSeconds(10));
        Assert.Empty(changed);
        Assert.Equal(new LiveAgent("1", "Jan", "On Break", Click, SinceKind.Exact, "Sam"), polled.Agents[0]);
        Assert.Equal(T0.AddSeconds(10), polled.AsOf);
    }

    [Fact]
    public void One_poll_that_disagrees_is_passed_over_and_the_second_corrects_the_change()
    {
        var (shown, _) = Board(Jan).WithChanges([new KnownChange("1", "On Break", Click, "Sam")]);
        // Asked before the click, or Zoho a moment behind: the tile does not flap back.
        var (first, firstChanged) = shown.Apply([new PolledStatus("1", "Available", null)], T0.AddSeconds(10));
        Assert.Empty(firstChanged);
        Assert.Equal(new LiveAgent("1", "Jan", "On Break", Click, SinceKind.Exact, "Sam"), first.Agents[0]);
        // Still Available a poll later: the poll wins, observed at that poll.
        var (second, secondChanged) = first.Apply([new PolledStatus("1", "Available", null)], T0.AddSeconds(20));
        Assert.Equal(["1"], secondChanged);
        Assert.Equal(new LiveAgent("1", "Jan", "Available", T0.AddSeconds(20), SinceKind.Observed, null), second.Agents[0]);
    }

    [Fact]
    public void A_poll_error_replaces_an_unconfirmed_change_at_once()
    {
        var (shown, _) = Board(Jan).WithChanges([new KnownChange("1", "On Break", Click, "Sam")]);
        var (polled, changed) = shown.Apply([new PolledStatus("1", null, "Invalid agent.")], T0.AddSeconds(10));
        Assert.Equal(["1"], changed);
        Assert.Equal(new LiveAgent("1", "Jan", null, null, SinceKind.Observed, null, "Invalid agent."), polled.Agents[0]);
    }

    [Fact]
    public void The_later_of_two_changes_to_one_agent_wins()
    {
        var (next, _) = Board(Jan).WithChanges([new KnownChange("1", "Busy", Click, "Sam"), new KnownChange("1", "Offline", Click.AddMilliseconds(5), "Ana")]);
        Assert.Equal(("Offline", "Ana"), (next.Agents[0].Status, next.Agents[0].TriggeredBy));
    }

    [Fact]
    public void Unconfirmed_travels_between_instances_and_is_left_out_when_false()
    {
        var (shown, _) = Board(Jan, Omar).WithChanges([new KnownChange("1", "On Break", Click, "Sam")]);
        string json = JsonSerializer.Serialize(shown);
        Assert.Equal(1, json.Split("\"Unconfirmed\"").Length - 1);
        var back = JsonSerializer.Deserialize<BoardSnapshot>(json)!;
        Assert.True(back.Agents[0].Unconfirmed);
        Assert.False(back.Agents[1].Unconfirmed);
    }
}
