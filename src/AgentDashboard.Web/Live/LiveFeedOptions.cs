using System.Collections.Immutable;
using Microsoft.Extensions.Options;

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

/// <summary>Every problem of the <c>Dashboard:Live</c> section, each by its full key.</summary>
internal sealed class LiveFeedOptionsValidator : IValidateOptions<LiveFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveFeedOptions options)
    {
        const string section = LiveFeedOptions.SectionName;
        var problems = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero) problems.Add($"{section}:PollInterval must be longer than zero, e.g. 00:00:10.");
        if (options.IdleGrace < TimeSpan.Zero) problems.Add($"{section}:IdleGrace must not be negative.");
        if (options.MaxBackOff < options.PollInterval) problems.Add($"{section}:MaxBackOff must be at least {section}:PollInterval ({options.PollInterval}).");
        foreach (var (status, threshold) in options.Thresholds)
        {
            if (threshold.WarningAfter < TimeSpan.Zero || threshold.AlertAfter < TimeSpan.Zero)
            {
                problems.Add($"{section}:Thresholds:{status} must not be negative.");
            }
            else if (threshold is { WarningAfter: { } warning, AlertAfter: { } alert } && alert <= warning)
            {
                problems.Add($"{section}:Thresholds:{status}:AlertAfter must be longer than its WarningAfter ({warning}).");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
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
