using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

public sealed class ProductiveShareTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    private static LiveAgent Agent(string id, string? status, params string[] queues) =>
        new(id, id, status, T0.AddMinutes(-5), SinceKind.Exact, null, Queues: queues);

    // Signed in: a1, c1, b1, k1, t1, a2, c2, u2 (8); productive: a1, c1, a2, c2 (4). Not signed in: o1, o2 (Offline)
    // and x1 (no status).
    private static readonly LiveAgent[] Floor =
    [
        Agent("a1", "Available", "q1"),
        Agent("c1", "On Call", "q1"),
        Agent("b1", "Busy", "q1"),
        Agent("k1", "On Break", "q1"),
        Agent("t1", "Training", "q1"),
        Agent("o1", "Offline", "q1"),
        Agent("x1", null, "q1") with { Error = "Invalid agent." },
        Agent("a2", "Available", "q2"),
        Agent("c2", "On Call", "q2"),
        Agent("u2", "Lunch", "q2"),
        Agent("o2", "Offline", "q2"),
    ];

    [Fact]
    public void Available_and_on_call_out_of_everyone_signed_in()
    {
        var share = ProductiveShare.Of(Floor);

        Assert.Equal(new ProductiveShare(4, 8), share);
        Assert.Equal(50, share.Percent);
        Assert.Equal("50%", share.PercentText);
        Assert.Equal("4 of 8 signed in", share.OfText);
    }

    [Fact]
    public void Per_queue_only_that_queues_agents_count()
    {
        // q1: signed in a1, c1, b1, k1, t1 (5), productive a1, c1 (2): 40%. q2: a2, c2, u2 (3), productive 2: 66.7 → 67%.
        Assert.Equal(new ProductiveShare(2, 5), ProductiveShare.Of(Floor, "q1"));
        Assert.Equal("40%", ProductiveShare.Of(Floor, "q1").PercentText);
        Assert.Equal(new ProductiveShare(2, 3), ProductiveShare.Of(Floor, "q2"));
        Assert.Equal("67%", ProductiveShare.Of(Floor, "q2").PercentText);
        Assert.Equal(new ProductiveShare(4, 8), ProductiveShare.Of(Floor, null));
        Assert.Equal(new ProductiveShare(0, 0), ProductiveShare.Of(Floor, "q9"));
    }

    [Fact]
    public void Nobody_signed_in_is_no_share_not_zero()
    {
        var share = ProductiveShare.Of([Agent("o", "Offline"), Agent("x", null)]);

        Assert.Equal(new ProductiveShare(0, 0), share);
        Assert.Null(share.Percent);
        Assert.Equal("—", share.PercentText);
        Assert.Equal("nobody signed in", share.OfText);
        Assert.Equal("—", ProductiveShare.Of([]).PercentText);
    }

    [Theory]
    [InlineData(0, 3, 0)] // everyone busy: 0%, not "—"
    [InlineData(3, 3, 100)]
    [InlineData(1, 3, 33)] // 33.3
    [InlineData(1, 8, 13)] // 12.5: a half rounds up
    [InlineData(5, 8, 63)] // 62.5
    [InlineData(6, 8, 75)]
    public void Whole_percent_with_halves_rounded_up(int productive, int signedIn, int percent)
    {
        Assert.Equal(percent, new ProductiveShare(productive, signedIn).Percent);
    }
}
