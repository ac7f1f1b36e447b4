using System.Text;
using AgentDashboard.Web.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>A fresh, empty store on one engine, for the tests every store runs on both.</summary>
public interface IStoreEngine : IAsyncDisposable
{
    DashboardDatabase Database { get; }

    /// <summary>Every value of every row of <paramref name="table"/> as text (and, for SQLite, the file's bytes).</summary>
    Task<string> StoredTextAsync(string table);
}

public static class StoreEngines
{
    public static Task<IStoreEngine> SqliteAsync() => Task.FromResult<IStoreEngine>(new SqliteEngine());

    public static async Task<IStoreEngine> PostgresAsync() => new PostgresEngine(await PostgresServer.CreateDatabaseAsync());

    internal static async Task<string> RowsAsTextAsync(DashboardDatabase database, string table)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (int i = 0; i < reader.FieldCount; i++) text.Append(reader.GetValue(i)).Append('\n');
        }
        return text.ToString();
    }

    private sealed class SqliteEngine : IStoreEngine
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "agentdashboard-store-" + Guid.NewGuid().ToString("N"));

        public SqliteEngine() => Database = DashboardDatabase.InDataFolder(folder);

        public DashboardDatabase Database { get; }

        public async Task<string> StoredTextAsync(string table)
        {
            string rows = await RowsAsTextAsync(Database, table);
            SqliteConnection.ClearAllPools();
            return rows + Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(folder, "agentdashboard.db")));
        }

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresEngine(TestDatabase database) : IStoreEngine
    {
        private readonly PostgresDashboardDatabase store = new(NpgsqlDataSource.Create(database.ConnectionString));

        public DashboardDatabase Database => store;

        public Task<string> StoredTextAsync(string table) => RowsAsTextAsync(Database, table);

        public async ValueTask DisposeAsync()
        {
            await store.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
