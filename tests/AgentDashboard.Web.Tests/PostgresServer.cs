using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The throw-away PostgreSQL server that ./test.sh starts (tests/postgres.sh): each test makes its own empty
/// database on it and drops it afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "AGENTDASHBOARD_TEST_POSTGRES";

    /// <summary>The server's superuser, connected to its "postgres" database.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need the server that ./test.sh starts ({Variable} is not set).");

    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        string name = "agentdashboard_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, connection.ConnectionString);
    }
}

/// <summary>A fresh, empty database; disposing it drops it, even with connections still open.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
