using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AgentDashboard.Web.Store;

/// <summary>Where the dashboard keeps what it must not lose: a SQLite file for one instance, PostgreSQL for several.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The dashboard's database: tokens, sessions, settings, display links (and with PostgreSQL, the Data Protection keys
/// and the live feeds' leases). Every store writes SQL both engines read alike (<c>@name</c> parameters, epoch
/// milliseconds in BIGINT columns). The schema is migrated on the first connection (<see cref="StoreMigrations"/>).
/// </summary>
public abstract class DashboardDatabase
{
    private readonly SemaphoreSlim migrating = new(1, 1);
    private volatile bool migrated;

    public abstract StoreKind Kind { get; }

    /// <summary>Where it is, for messages: a file, or a host and database (never a password).</summary>
    public abstract string Describe();

    /// <summary>The SQLite file under the data folder: the embedded default.</summary>
    public static DashboardDatabase InDataFolder(string dataPath) => new SqliteDashboardDatabase(Path.Combine(dataPath, "agentdashboard.db"));

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!migrated)
        {
            await migrating.WaitAsync(cancellationToken);
            try
            {
                if (!migrated)
                {
                    await using var first = await OpenConnectionAsync(cancellationToken);
                    await StoreMigrations.ApplyAsync(first, Kind, cancellationToken);
                    migrated = true;
                }
            }
            finally
            {
                migrating.Release();
            }
        }
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>
    /// A lock on <paramref name="name"/> held by one caller at a time across every instance that shares this store
    /// (one process for a SQLite file); released when the returned value is disposed.
    /// </summary>
    public abstract Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken);

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}

public sealed class SqliteDashboardDatabase(string path) : DashboardDatabase
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    public override StoreKind Kind => StoreKind.Sqlite;

    public override string Describe() => Path;

    public override async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Held(gate);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// PostgreSQL, shared by every dashboard instance. Locks are advisory locks, each on a connection of its own that is
/// never pooled (a pooled connection would keep a lock it failed to release), taken one waiter per name per instance.
/// </summary>
public sealed class PostgresDashboardDatabase : DashboardDatabase, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> locks = new(StringComparer.Ordinal);

    public PostgresDashboardDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Unpooled = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Connections that end when closed: for a lock, or a LISTEN held for long.</summary>
    public NpgsqlDataSource Unpooled { get; }

    public override StoreKind Kind => StoreKind.Postgres;

    public override string Describe()
    {
        var settings = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString);
        return $"PostgreSQL database \"{settings.Database}\" on {settings.Host}:{settings.Port}";
    }

    public override async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        // Waiters of this instance queue here, not each on a connection of its own.
        var local = locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(cancellationToken);
        try
        {
            var connection = await Unpooled.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT pg_advisory_lock(hashtextextended(@name, 0))";
                command.With("name", name);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new Held(connection, local);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Unpooled.DisposeAsync();
    }

    /// <summary>Closing the connection ends its session, and the advisory lock with it.</summary>
    private sealed class Held(NpgsqlConnection connection, SemaphoreSlim local) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.DisposeAsync();
            }
            finally
            {
                local.Release();
            }
        }
    }
}

/// <summary>Typed parameters, so a null is sent as the column's type on either engine.</summary>
public static class DbCommandParameters
{
    public static DbCommand With(this DbCommand command, string name, string? value) => command.With(name, value, DbType.String);

    public static DbCommand With(this DbCommand command, string name, long? value) => command.With(name, value, DbType.Int64);

    private static DbCommand With(this DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
