using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>The PostgreSQL server ./test.sh starts is there, and each test's database is its own and goes away.</summary>
public sealed class PostgresServerTests : IAsyncLifetime
{
    private TestDatabase first = null!;
    private TestDatabase second = null!;

    public async Task InitializeAsync()
    {
        first = await PostgresServer.CreateDatabaseAsync();
        second = await PostgresServer.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task Two_databases_are_independent_a_table_made_in_one_is_absent_from_the_other()
    {
        Assert.NotEqual(first.Name, second.Name);
        await using (var connection = new NpgsqlConnection(first.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE marker (id int PRIMARY KEY); INSERT INTO marker VALUES (1)", connection);
            await create.ExecuteNonQueryAsync();
        }

        Assert.Equal(1L, await ScalarAsync(first.ConnectionString, "SELECT count(*) FROM marker"));
        Assert.Equal(0L, await ScalarAsync(second.ConnectionString,
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'"));
        Assert.Equal(second.Name, await ScalarAsync(second.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task Disposing_a_database_drops_it_even_with_a_connection_open()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        Assert.True(await ExistsAsync(database.Name));
        await using var open = new NpgsqlConnection(database.ConnectionString);
        await open.OpenAsync();

        await database.DisposeAsync();

        Assert.False(await ExistsAsync(database.Name));
    }

    private static async Task<bool> ExistsAsync(string name)
    {
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        query.Parameters.AddWithValue("name", name);
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
