using System.Collections.Immutable;

namespace AgentDashboard.Web.Live;

/// <summary>The <c>Dashboard:Live</c> section: how often feeds poll Zoho, and how long an unwatched feed lives on.</summary>
public sealed class LiveFeedOptions
{
    public const string SectionName = "Dashboard:Live";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A feed nobody watches stops after this long (a page reload comes back to a running feed).</summary>
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait between polls while Zoho is failing or limiting requests.</summary>
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The queues a first-time viewer watches, against Zoho (the API cannot list them). Demo mode uses the simulator's.</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>Names for the configured queue ids (the API gives none).</summary>
    public Dictionary<string, string> QueueNames { get; set; } = [];

    /// <summary>Per status, after how long an agent turns amber and red. Unset: <see cref="Core.Live.Thresholds.Default"/>.</summary>
    public Dictionary<string, ThresholdSetting> Thresholds { get; set; } = [];

    public Core.Live.Thresholds ResolveThresholds() => Thresholds.Count == 0
        ? Core.Live.Thresholds.Default
        : new(Thresholds.ToImmutableDictionary(t => t.Key, t => new Core.Live.StatusThreshold(t.Value.WarningAfter, t.Value.AlertAfter), StringComparer.Ordinal));
}

public sealed class ThresholdSetting
{
    public TimeSpan? WarningAfter { get; set; }
    public TimeSpan? AlertAfter { get; set; }
}

/// <summary>What a feed watches: the agents of some queues, and some agents by id.</summary>
public sealed record LiveScope(ImmutableArray<string> QueueIds, ImmutableArray<string> AgentIds)
{
    public static LiveScope Queues(params string[] ids) => new([.. ids], []);
    public static LiveScope Agents(params string[] ids) => new([], [.. ids]);

    /// <summary>Equal for equal scopes whatever the order, so the same scope always finds the same feed.</summary>
    public string Key => "q:" + string.Join(',', QueueIds.Order(StringComparer.Ordinal)) + "|a:" + string.Join(',', AgentIds.Order(StringComparer.Ordinal));
}
