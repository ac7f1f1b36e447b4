using System.Collections.Immutable;

namespace AgentDashboard.Core.Live;

public enum ThresholdLevel { None, Warning, Alert }

/// <summary>How long in one status is worth a warning (amber), and how long an alert (red).</summary>
public sealed record StatusThreshold(TimeSpan? WarningAfter, TimeSpan? AlertAfter)
{
    public ThresholdLevel LevelFor(TimeSpan timeInStatus) =>
        AlertAfter is { } alert && timeInStatus >= alert ? ThresholdLevel.Alert
        : WarningAfter is { } warning && timeInStatus >= warning ? ThresholdLevel.Warning
        : ThresholdLevel.None;
}

/// <summary>Thresholds per status name; a status without one never turns amber or red.</summary>
public sealed record Thresholds(ImmutableDictionary<string, StatusThreshold> ByStatus)
{
    /// <summary>Breaks over 15 min amber, over 30 red; long calls and long Busy spells likewise.</summary>
    public static Thresholds Default { get; } = new(ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, StatusThreshold>
    {
        [StatusCatalogue.OnBreak] = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)),
        [StatusCatalogue.Busy] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)),
        [StatusCatalogue.OnCall] = new(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)),
    }));

    public ThresholdLevel LevelOf(LiveAgent agent, DateTimeOffset now) =>
        agent.Status is { } status && ByStatus.TryGetValue(status, out var threshold) && agent.TimeInStatus(now) is { } time
            ? threshold.LevelFor(time)
            : ThresholdLevel.None;
}
