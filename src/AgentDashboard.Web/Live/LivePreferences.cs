using System.Collections.Immutable;
using AgentDashboard.Core.Live;
using System.Text.Json;
using AgentDashboard.Web.Store;

namespace AgentDashboard.Web.Live;

/// <summary>A supervisor's own live-grid settings. Null means "the default": every queue, the configured thresholds.</summary>
public sealed record LivePreferences(IReadOnlyList<string>? QueueIds, IReadOnlyDictionary<string, ThresholdMinutes>? Thresholds)
{
    public static LivePreferences Default { get; } = new(null, null);

    /// <summary>The queues the supervisor watches: those they saved, else every queue of <paramref name="catalogue"/>.</summary>
    public IReadOnlyList<string> WatchedQueues(IReadOnlyList<AgentDashboard.Web.Agents.QueueInfo> catalogue) =>
        QueueIds is { Count: > 0 } saved ? saved : [.. catalogue.Select(q => q.Id)];

    /// <summary>
    /// The configured thresholds with the supervisor's own in place of them, status by status: a status they set
    /// (empty for never) is theirs, any other keeps the configured one (a custom status's, say).
    /// </summary>
    public Thresholds ThresholdsOver(Thresholds configured) => Thresholds is not { } own ? configured : new Thresholds(configured.ByStatus.SetItems(own.Select(t =>
        KeyValuePair.Create(t.Key, new StatusThreshold(t.Value.Warning is { } w ? TimeSpan.FromMinutes(w) : null, t.Value.Alert is { } a ? TimeSpan.FromMinutes(a) : null)))));
}

/// <summary>Minutes after which an agent in a status turns amber and red; null for never.</summary>
public sealed record ThresholdMinutes(double? Warning, double? Alert);

/// <summary>Each supervisor's live-grid settings, kept beside the token store (nothing secret: not sealed).</summary>
public sealed class LivePreferenceStore(DashboardDatabase database)
{
    public async Task<LivePreferences> GetAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM live_preferences WHERE zuid = @zuid";
        command.With("zuid", zuid);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<LivePreferences>(json) ?? LivePreferences.Default
            : LivePreferences.Default;
    }

    public async Task SaveAsync(string zuid, LivePreferences preferences, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO live_preferences (zuid, json) VALUES (@zuid, @json)
            ON CONFLICT (zuid) DO UPDATE SET json = excluded.json
            """;
        command.With("zuid", zuid);
        command.With("json", JsonSerializer.Serialize(preferences));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
