using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AgentDashboard.Web.Live;

/// <summary>A supervisor's own live-grid settings. Null means "the default": every queue, the configured thresholds.</summary>
public sealed record LivePreferences(IReadOnlyList<string>? QueueIds, IReadOnlyDictionary<string, ThresholdMinutes>? Thresholds)
{
    public static LivePreferences Default { get; } = new(null, null);
}

/// <summary>Minutes after which an agent in a status turns amber and red; null for never.</summary>
public sealed record ThresholdMinutes(double? Warning, double? Alert);

/// <summary>Each supervisor's live-grid settings, kept beside the token store (nothing secret: not sealed).</summary>
public sealed class LivePreferenceStore(string databasePath)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
    private readonly SemaphoreSlim created = new(1, 1);
    private bool ready;

    public async Task<LivePreferences> GetAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM live_preferences WHERE zuid = $zuid";
        command.Parameters.AddWithValue("$zuid", zuid);
        return await command.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<LivePreferences>(json) ?? LivePreferences.Default
            : LivePreferences.Default;
    }

    public async Task SaveAsync(string zuid, LivePreferences preferences, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO live_preferences (zuid, json) VALUES ($zuid, $json)
            ON CONFLICT (zuid) DO UPDATE SET json = excluded.json
            """;
        command.Parameters.AddWithValue("$zuid", zuid);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(preferences));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!ready)
        {
            await created.WaitAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE IF NOT EXISTS live_preferences (zuid TEXT PRIMARY KEY, json TEXT NOT NULL)";
                await command.ExecuteNonQueryAsync(cancellationToken);
                ready = true;
            }
            finally
            {
                created.Release();
            }
        }
        return connection;
    }
}
