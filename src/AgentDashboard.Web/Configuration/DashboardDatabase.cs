using Microsoft.Data.Sqlite;

namespace AgentDashboard.Web.Configuration;

/// <summary>
/// The dashboard's SQLite file under the data folder, and its schema: the one home for both. Tables are created
/// on the first connection.
/// </summary>
public sealed class DashboardDatabase(string path)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS zoho_tokens (zuid TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS live_preferences (zuid TEXT PRIMARY KEY, json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS appearance (zuid TEXT PRIMARY KEY, theme TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS display_links (
            id TEXT PRIMARY KEY, zuid TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
            created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_seen_at INTEGER);
        CREATE TABLE IF NOT EXISTS sign_in_sessions (
            id_hash TEXT PRIMARY KEY, zuid TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, ended_at INTEGER);
        CREATE INDEX IF NOT EXISTS sign_in_sessions_by_user ON sign_in_sessions (zuid);
        """;

    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private readonly SemaphoreSlim creating = new(1, 1);
    private bool created;

    public string Path { get; } = path;

    public static DashboardDatabase InDataFolder(string dataPath) => new(System.IO.Path.Combine(dataPath, "agentdashboard.db"));

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await creating.WaitAsync(cancellationToken);
            try
            {
                if (!created)
                {
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
                    await using var first = new SqliteConnection(connectionString);
                    await first.OpenAsync(cancellationToken);
                    await using var command = first.CreateCommand();
                    command.CommandText = Schema;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    created = true;
                }
            }
            finally
            {
                creating.Release();
            }
        }
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
