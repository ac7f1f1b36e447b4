using System.Collections.Immutable;
using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

public sealed class BoardSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    private static BoardSnapshot Board(params LiveAgent[] agents) => new([.. agents], T0);

    [Fact]
    public void An_unchanged_status_keeps_its_exact_start_and_trigger()
    {
        var jan = new LiveAgent("1", "Jan", "On Break", T0.AddMinutes(-20), SinceKind.Exact, TriggeredBy: "User");
        var (next, changed) = Board(jan).Apply([new PolledStatus("1", "On Break", null)], T0.AddSeconds(10));
        Assert.Empty(changed);
        Assert.Same(jan, next.Agents[0]);
        Assert.Equal(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(10), next.Agents[0].TimeInStatus(T0.AddSeconds(10)));
        Assert.Equal(T0.AddSeconds(10), next.AsOf);
    }

    [Fact]
    public void A_changed_status_starts_at_the_poll_that_saw_it()
    {
        var jan = new LiveAgent("1", "Jan", "Available", T0.AddHours(-1), SinceKind.Exact, "Zoho Voice");
        var omar = new LiveAgent("2", "Omar", "Busy", T0.AddMinutes(-3), SinceKind.Exact, "User");
        var (next, changed) = Board(jan, omar).Apply([new PolledStatus("1", "On Call", null), new PolledStatus("2", "Busy", null)], T0.AddSeconds(10));
        Assert.Equal(["1"], changed);
        Assert.Equal(new LiveAgent("1", "Jan", "On Call", T0.AddSeconds(10), SinceKind.Observed, null), next.Agents[0]);
        Assert.Same(omar, next.Agents[1]);
    }

    [Fact]
    public void A_per_agent_error_replaces_the_status_and_an_agent_not_in_the_poll_is_kept()
    {
        var jan = new LiveAgent("1", "Jan", "Available", T0, SinceKind.Exact, null);
        var omar = new LiveAgent("2", "Omar", "Busy", T0, SinceKind.Exact, null);
        var (next, changed) = Board(jan, omar).Apply([new PolledStatus("1", null, "Invalid agent.")], T0.AddSeconds(10));
        Assert.Equal(["1"], changed);
        Assert.Null(next.Agents[0].Status);
        Assert.Equal("Invalid agent.", next.Agents[0].Error);
        Assert.Same(omar, next.Agents[1]);
    }

    [Fact]
    public void Counts_tally_agents_per_status_custom_ones_included()
    {
        var board = Board(
            new LiveAgent("1", "A", "Available", T0, SinceKind.Exact, null),
            new LiveAgent("2", "B", "Available", T0, SinceKind.Exact, null),
            new LiveAgent("3", "C", "Training", T0, SinceKind.Exact, null),
            new LiveAgent("4", "D", null, null, SinceKind.Observed, null, "Invalid agent."));
        Assert.Equal(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, int>("Available", 2), new("Training", 1)]), board.Counts);
    }

    [Fact]
    public void A_board_is_stale_after_two_intervals_without_a_good_poll_and_keeps_its_agents()
    {
        var board = Board(new LiveAgent("1", "A", "Available", T0, SinceKind.Exact, null));
        var interval = TimeSpan.FromSeconds(10);
        Assert.False(board.IsStale(T0.AddSeconds(20), interval));
        var failed = board.Failed("Zoho Voice failed (HTTP 503).").Failed("Zoho Voice failed (HTTP 503).");
        Assert.True(failed.IsStale(T0.AddSeconds(21), interval));
        Assert.Equal(2, failed.FailedPolls);
        Assert.Equal(board.Agents, failed.Agents);
        var (recovered, _) = failed.Apply([new PolledStatus("1", "Available", null)], T0.AddSeconds(30));
        Assert.False(recovered.IsStale(T0.AddSeconds(30), interval));
        Assert.Equal(0, recovered.FailedPolls);
        Assert.Null(recovered.LastError);
        Assert.True(BoardSnapshot.Empty.IsStale(T0, interval));
    }
}
