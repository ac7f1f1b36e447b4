using System.Data.Common;

namespace AgentDashboard.Web.Store;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in <c>schema_migrations</c>. A step is never edited
/// once shipped: a change is a new step. Steps only add, so an instance still on older code keeps working while
/// another has migrated. Two instances starting together take turns: SQLite's write lock, PostgreSQL's advisory lock.
/// </summary>
public static class StoreMigrations
{
    private sealed record Step(int Version, string Description, string Sqlite, string Postgres);

    private static readonly Step[] Steps =
    [
        // Step 1 is the schema the SQLite file had before steps were numbered: IF NOT EXISTS keeps such a file as it is.
        new(1, "tokens, settings, display links, sign-in sessions",
            """
            CREATE TABLE IF NOT EXISTS zoho_tokens (zuid TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS live_preferences (zuid TEXT PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS appearance (zuid TEXT PRIMARY KEY, theme TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS display_links (
                id TEXT PRIMARY KEY, zuid TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
                created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_seen_at INTEGER);
            CREATE TABLE IF NOT EXISTS sign_in_sessions (
                id_hash TEXT PRIMARY KEY, zuid TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL, ended_at INTEGER);
            CREATE INDEX IF NOT EXISTS sign_in_sessions_by_user ON sign_in_sessions (zuid);
            """,
            """
            CREATE TABLE zoho_tokens (zuid TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at BIGINT NOT NULL);
            CREATE TABLE live_preferences (zuid TEXT PRIMARY KEY, json TEXT NOT NULL);
            CREATE TABLE appearance (zuid TEXT PRIMARY KEY, theme TEXT NOT NULL);
            CREATE TABLE display_links (
                id TEXT PRIMARY KEY, zuid TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, json TEXT NOT NULL,
                created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT, last_seen_at BIGINT);
            CREATE TABLE sign_in_sessions (
                id_hash TEXT PRIMARY KEY, zuid TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL, ended_at BIGINT);
            CREATE INDEX sign_in_sessions_by_user ON sign_in_sessions (zuid);
            """),
        // What several instances share beyond the rows above; one SQLite file serves one instance, which keeps these in memory or on disk.
        new(2, "Data Protection keys, live feed leases and snapshots",
            "",
            """
            CREATE TABLE data_protection_keys (id BIGSERIAL PRIMARY KEY, friendly_name TEXT, xml TEXT NOT NULL);
            CREATE TABLE feed_leases (feed_key TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL);
            CREATE TABLE feed_snapshots (feed_key TEXT PRIMARY KEY, version BIGINT NOT NULL, holder TEXT NOT NULL, json TEXT NOT NULL, published_at TIMESTAMPTZ NOT NULL);
            """),
        new(3, "schedules, weekly shift templates, activity rules", Schedules, Schedules),
        new(4, "audit trail of status changes made in the dashboard, append-only", Audit + AuditSqliteGuard, Audit + AuditPostgresGuard),
    ];

    // The organisation's schedules: the same SQL on both engines.
    private const string Schedules = """
        CREATE TABLE schedule_entries (agent_id TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, activity TEXT NOT NULL);
        CREATE INDEX schedule_entries_by_agent ON schedule_entries (agent_id, start_ms);
        CREATE TABLE shift_templates (
            agent_id TEXT NOT NULL, weekday INTEGER NOT NULL, start_time TEXT NOT NULL, end_time TEXT NOT NULL, activity TEXT NOT NULL, zone TEXT NOT NULL);
        CREATE INDEX shift_templates_by_agent ON shift_templates (agent_id);
        CREATE TABLE activity_rules (activity TEXT PRIMARY KEY, statuses TEXT NOT NULL);
        """;

    // Status changes made through the dashboard: the same table on both engines; each engine's triggers refuse UPDATE and DELETE.
    private const string Audit = """
        CREATE TABLE audit_entries (
            id TEXT PRIMARY KEY, at_ms BIGINT NOT NULL, kind TEXT NOT NULL, by_zuid TEXT NOT NULL, by_name TEXT NOT NULL,
            agent_id TEXT NOT NULL, agent_name TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL,
            outcome TEXT NOT NULL, message TEXT, reason TEXT NOT NULL);
        CREATE INDEX audit_entries_by_time ON audit_entries (at_ms);
        CREATE INDEX audit_entries_by_person ON audit_entries (by_zuid, at_ms);
        CREATE INDEX audit_entries_by_agent ON audit_entries (agent_id, at_ms);

        """;

    private const string AuditSqliteGuard = """
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
        """;

    private const string AuditPostgresGuard = """
        CREATE FUNCTION audit_entries_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
        CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse();
        """;

    /// <summary>The newest step this code knows.</summary>
    public static int Latest => Steps[^1].Version;

    /// <summary>Applies the steps the database lacks, in one transaction; returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(DbConnection connection, StoreKind kind, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE (the transaction's default here) takes the file's write lock at once.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (kind == StoreKind.Postgres)
        {
            // Held to the end of the transaction: a second instance waits here, then finds the steps applied.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended('agentdashboard:migrations', 0))", cancellationToken);
        }
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken);
        await using var current = connection.CreateCommand();
        current.Transaction = transaction;
        current.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        int version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken));
        var applied = new List<int>();
        foreach (var step in Steps.Where(s => s.Version > version))
        {
            string sql = kind == StoreKind.Postgres ? step.Postgres : step.Sqlite;
            if (sql.Length > 0) await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@version, @description, @now)";
            record.With("version", step.Version).With("description", step.Description).With("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(step.Version);
        }
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
