using AgentDashboard.Core.Live;

namespace AgentDashboard.Core.Tests;

public sealed class ThresholdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);

    private static LiveAgent On(string status, double minutes) => new("1", "A", status, Now.AddMinutes(-minutes), SinceKind.Exact, null);

    [Theory]
    [InlineData("On Break", 14.9, ThresholdLevel.None)]
    [InlineData("On Break", 15, ThresholdLevel.Warning)]
    [InlineData("On Break", 29.9, ThresholdLevel.Warning)]
    [InlineData("On Break", 30, ThresholdLevel.Alert)]
    [InlineData("Available", 600, ThresholdLevel.None)]
    [InlineData("Training", 600, ThresholdLevel.None)]
    public void The_default_thresholds_colour_long_breaks(string status, double minutes, ThresholdLevel expected) =>
        Assert.Equal(expected, Thresholds.Default.LevelOf(On(status, minutes), Now));

    [Fact]
    public void An_agent_with_no_known_start_is_never_over_a_threshold() =>
        Assert.Equal(ThresholdLevel.None, Thresholds.Default.LevelOf(new LiveAgent("1", "A", "On Break", null, SinceKind.Observed, null), Now));
}
