using System.Data.Common;
using AgentDashboard.Web.Store;

namespace AgentDashboard.Web.Audit;

/// <summary>
/// The audit trail in the dashboard's database. Append-only: this class only inserts and reads, and the database's
/// triggers refuse UPDATE and DELETE on <c>audit_entries</c> (migration step 4).
/// </summary>
public sealed class AuditStore(DashboardDatabase database)
{
    private const string Columns = "id, at_ms, kind, by_zuid, by_name, agent_id, agent_name, from_status, to_status, outcome, message, reason";

    /// <summary>Adds the entries of one change, all or none.</summary>
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in entries)
        {
            await using var insert = Command(connection, transaction, $"""
                INSERT INTO audit_entries ({Columns})
                VALUES (@id, @at, @kind, @by_zuid, @by_name, @agent_id, @agent_name, @from, @to, @outcome, @message, @reason)
                """);
            insert.With("id", e.Id).With("at", e.At).With("kind", e.Kind).With("by_zuid", e.ByZuid).With("by_name", e.ByName)
                .With("agent_id", e.AgentId).With("agent_name", e.AgentName).With("from", e.From).With("to", e.To)
                .With("outcome", e.Outcome.ToString()).With("message", e.Message).With("reason", e.Reason);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The entries matching <paramref name="query"/> that <paramref name="viewer"/> may see, newest first, <paramref name="take"/> from <paramref name="skip"/>.</summary>
    public async Task<AuditResults> SearchAsync(AuditQuery query, AuditViewer viewer, int skip, int take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var (where, bind) = Where(query, viewer);
        await using var count = Command(connection, null, "SELECT COUNT(*) FROM audit_entries" + where);
        bind(count);
        long total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
        await using var select = Command(connection, null, $"SELECT {Columns} FROM audit_entries{where} ORDER BY at_ms DESC, id DESC LIMIT @take OFFSET @skip");
        bind(select);
        select.With("take", (long)take).With("skip", (long)skip);
        var entries = await ReadAsync(select, cancellationToken);
        return new AuditResults(entries, total);
    }

    /// <summary>The changes Zoho made (outcome succeeded) to <paramref name="agentIds"/> within [from, to) that <paramref name="viewer"/> may see, oldest first, for the timeline.</summary>
    public async Task<IReadOnlyList<AuditEntry>> MadeAsync(IReadOnlyCollection<string> agentIds, long from, long to, AuditViewer viewer, CancellationToken cancellationToken)
    {
        var made = new List<AuditEntry>();
        await using var connection = await database.OpenAsync(cancellationToken);
        // 200 agents a query: well under either engine's limit on parameters.
        foreach (var agents in agentIds.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            var (where, bind) = Where(new AuditQuery(From: from, To: to), viewer);
            string named = string.Join(", ", agents.Select((_, i) => "@a" + i));
            await using var select = Command(connection, null,
                $"SELECT {Columns} FROM audit_entries{where} AND outcome = 'Succeeded' AND agent_id IN ({named}) ORDER BY at_ms");
            bind(select);
            for (int i = 0; i < agents.Length; i++) select.With("a" + i, agents[i]);
            made.AddRange(await ReadAsync(select, cancellationToken));
        }
        return [.. made.OrderBy(e => e.At)];
    }

    private static async Task<List<AuditEntry>> ReadAsync(DbCommand select, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                Enum.Parse<AuditOutcome>(reader.GetString(9)), reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetString(11)));
        }
        return entries;
    }

    private static (string Sql, Action<DbCommand> Bind) Where(AuditQuery query, AuditViewer viewer)
    {
        var parts = new List<string>();
        var binds = new List<Action<DbCommand>>();
        if (!viewer.IsAdmin)
        {
            parts.Add("by_zuid = @viewer");
            binds.Add(c => c.With("viewer", viewer.Zuid));
        }
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            string person = query.Person.Trim();
            parts.Add("(by_zuid = @person OR LOWER(by_name) LIKE @person_like ESCAPE '\\')");
            binds.Add(c => c.With("person", person).With("person_like", Like(person)));
        }
        if (!string.IsNullOrWhiteSpace(query.Agent))
        {
            string agent = query.Agent.Trim();
            parts.Add("(agent_id = @agent OR LOWER(agent_name) LIKE @agent_like ESCAPE '\\')");
            binds.Add(c => c.With("agent", agent).With("agent_like", Like(agent)));
        }
        if (query.From is { } from)
        {
            parts.Add("at_ms >= @from_ms");
            binds.Add(c => c.With("from_ms", from));
        }
        if (query.To is { } to)
        {
            parts.Add("at_ms < @to_ms");
            binds.Add(c => c.With("to_ms", to));
        }
        return (parts.Count == 0 ? "" : " WHERE " + string.Join(" AND ", parts), command => binds.ForEach(b => b(command)));
    }

    /// <summary>A case-blind "contains" pattern, with LIKE's own characters taken literally.</summary>
    private static string Like(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
