using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using AgentDashboard.Web.Store;
using AgentDashboard.Web.Wall;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>The numbered schema steps: applied once however many instances start together, and an old SQLite file kept.</summary>
public sealed class StoreMigrationsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "agentdashboard-migrations-" + Guid.NewGuid().ToString("N"));
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Six_connections_migrating_one_PostgreSQL_database_at_once_apply_each_step_once()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var connections = new List<DbConnection>();
        for (int i = 0; i < 6; i++)
        {
            var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            connections.Add(connection);
        }
        try
        {
            await AssertEachStepAppliedOnceAsync(connections, StoreKind.Postgres);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Four_connections_migrating_one_SQLite_file_at_once_apply_each_step_once()
    {
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "agentdashboard.db");
        var connections = new List<DbConnection>();
        for (int i = 0; i < 4; i++)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            await connection.OpenAsync();
            connections.Add(connection);
        }
        try
        {
            await AssertEachStepAppliedOnceAsync(connections, StoreKind.Sqlite);
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private static async Task AssertEachStepAppliedOnceAsync(List<DbConnection> connections, StoreKind kind)
    {
        using var start = new ManualResetEventSlim();
        var applying = connections.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return await StoreMigrations.ApplyAsync(c, kind, Ct);
        })).ToList();
        start.Set();
        var applied = await Task.WhenAll(applying);

        Assert.Equal([1, 2, 3, 4], applied.SelectMany(a => a).Order().ToList());
        Assert.Equal([1, 2, 3, 4], await VersionsAsync(connections[0]));

        // A second round finds nothing to do.
        var again = await Task.WhenAll(connections.Select(c => StoreMigrations.ApplyAsync(c, kind, Ct)));
        Assert.All(again, Assert.Empty);
        Assert.Equal([1, 2, 3, 4], await VersionsAsync(connections[^1]));
    }

    [Fact]
    public async Task An_SQLite_file_made_before_steps_were_numbered_is_migrated_keeping_its_rows()
    {
        Directory.CreateDirectory(folder);
        string token = "an-old-display-link-token";
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(folder, "agentdashboard.db")};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS zoho_tokens (zuid TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS live_preferences (zuid TEXT PRIMARY KEY, json TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS appearance (zuid TEXT PRIMARY KEY, theme TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS display_links (
                    id TEXT PRIMARY KEY, zuid TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
                    created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_seen_at INTEGER);
                CREATE TABLE IF NOT EXISTS sign_in_sessions (
                    id_hash TEXT PRIMARY KEY, zuid TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, ended_at INTEGER);
                INSERT INTO display_links (id, zuid, token_hash, json, created_at)
                VALUES ('old-link', 'zuid-1', @hash, '{"Name":"Old wall","View":{"QueueIds":["q1"]}}', @created);
                """;
            command.With("hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
            command.With("created", SimulatedTime.TuesdayMorning.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync();
        }

        var database = DashboardDatabase.InDataFolder(folder);
        await using (var connection = await database.OpenAsync(Ct))
        {
            Assert.Equal([1, 2, 3, 4], await VersionsAsync(connection));
        }
        var found = await new DisplayLinkStore(database, new ShiftedClock(SimulatedTime.TuesdayMorning)).FindAsync(token, Ct);
        Assert.Equal(("old-link", "zuid-1", "Old wall", (DateTimeOffset?)SimulatedTime.TuesdayMorning), (found?.Id, found?.Zuid, found?.Name, found?.CreatedAt));
        Assert.Equal(["q1"], found!.View.QueueIds);
    }

    private static async Task<List<int>> VersionsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync()) versions.Add(Convert.ToInt32(reader.GetValue(0)));
        return versions;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
