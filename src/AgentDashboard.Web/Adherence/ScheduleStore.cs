using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Store;

namespace AgentDashboard.Web.Adherence;

/// <summary>What an import stored: how many stretches, for how many agents, over which instants.</summary>
public sealed record ScheduleImported(int Stretches, int Agents, long From, long To);

/// <summary>
/// The organisation's schedules in the dashboard's database: imported stretches, weekly templates and the activity
/// rules. An import replaces, for each agent in it, what was stored over the span its rows cover; a template import
/// replaces the weeks of the agents in it. Either is one transaction: all of a file or none of it.
/// </summary>
public sealed class ScheduleStore(DashboardDatabase database) : IScheduleSource
{
    /// <summary>Agents per query, well under either engine's limit on parameters.</summary>
    private const int AgentsPerQuery = 200;

    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
    private static readonly long EarliestInstant = DateTimeOffset.UnixEpoch.ToUnixTimeMilliseconds();
    private static readonly long LatestInstant = new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public async Task<ScheduleImported> ImportAsync(IReadOnlyList<ScheduledActivity> stretches, CancellationToken cancellationToken)
    {
        // One import at a time across every instance: two replacing the same agent's span would both keep their rows.
        await using var held = await database.LockAsync("agentdashboard:schedule-import", cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var agent in stretches.GroupBy(s => s.AgentId, StringComparer.Ordinal))
        {
            await ClearAsync(connection, transaction, agent.Key, agent.Min(s => s.Start), agent.Max(s => s.End), cancellationToken);
        }
        // One prepared statement for every row: a month of a large centre is tens of thousands.
        await using var insert = Command(connection, transaction,
            "INSERT INTO schedule_entries (agent_id, start_ms, end_ms, activity) VALUES (@agent, @start, @end, @activity)");
        insert.With("agent", "").With("start", 0).With("end", 0).With("activity", "");
        await insert.PrepareAsync(cancellationToken);
        foreach (var stretch in stretches)
        {
            (insert.Parameters[0].Value, insert.Parameters[1].Value, insert.Parameters[2].Value, insert.Parameters[3].Value) =
                (stretch.AgentId, stretch.Start, stretch.End, stretch.Activity);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return stretches.Count == 0 ? new(0, 0, 0, 0)
            : new(stretches.Count, stretches.Select(s => s.AgentId).Distinct(StringComparer.Ordinal).Count(), stretches.Min(s => s.Start), stretches.Max(s => s.End));
    }

    /// <summary>
    /// Empties [from, to) of the agent's stored stretches: those inside go, those crossing an end are cut at it, and one
    /// spanning the whole is split in two, so what lies outside the span stays as it was.
    /// </summary>
    private static async Task ClearAsync(DbConnection connection, DbTransaction transaction, string agent, long from, long to, CancellationToken cancellationToken)
    {
        string[] steps =
        [
            "INSERT INTO schedule_entries (agent_id, start_ms, end_ms, activity) SELECT agent_id, @to, end_ms, activity FROM schedule_entries WHERE agent_id = @agent AND start_ms < @from AND end_ms > @to",
            "UPDATE schedule_entries SET end_ms = @from WHERE agent_id = @agent AND start_ms < @from AND end_ms > @from",
            "UPDATE schedule_entries SET start_ms = @to WHERE agent_id = @agent AND start_ms >= @from AND start_ms < @to AND end_ms > @to",
            "DELETE FROM schedule_entries WHERE agent_id = @agent AND start_ms >= @from AND end_ms <= @to",
        ];
        foreach (string sql in steps)
        {
            await using var command = Command(connection, transaction, sql);
            command.With("agent", agent).With("from", from).With("to", to);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task ImportTemplatesAsync(IReadOnlyList<ShiftTemplate> templates, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (string agent in templates.Select(t => t.AgentId).Distinct(StringComparer.Ordinal))
        {
            await using var clear = Command(connection, transaction, "DELETE FROM shift_templates WHERE agent_id = @agent");
            clear.With("agent", agent);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var t in templates)
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO shift_templates (agent_id, weekday, start_time, end_time, activity, zone)
                VALUES (@agent, @weekday, @start, @end, @activity, @zone)
                """);
            insert.With("agent", t.AgentId).With("weekday", (long)t.Day).With("start", t.Start.ToString("HH:mm", CultureInfo.InvariantCulture))
                .With("end", t.End.ToString("HH:mm", CultureInfo.InvariantCulture)).With("activity", t.Activity).With("zone", t.ZoneId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ShiftTemplate>> GetTemplatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT agent_id, weekday, start_time, end_time, activity, zone FROM shift_templates ORDER BY agent_id, weekday, start_time");
        return await TemplatesAsync(command, cancellationToken);
    }

    /// <summary>How much is stored: stretches, agents with any, and the span they cover (null when none).</summary>
    public async Task<(long Stretches, long Agents, long? From, long? To, long TemplateAgents)> SummaryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT COUNT(*), COUNT(DISTINCT agent_id), MIN(start_ms), MAX(end_ms), (SELECT COUNT(DISTINCT agent_id) FROM shift_templates)
            FROM schedule_entries
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt64(4));
    }

    public async Task<IReadOnlyList<ScheduledActivity>> GetAsync(IReadOnlyCollection<string> agentIds, long from, long to, CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0 || to <= from) return [];
        // Within the years an instant can be written in, so the day either side and the local dates stay valid.
        (from, to) = (Math.Max(from, EarliestInstant), Math.Min(to, LatestInstant));
        var found = new List<ScheduledActivity>();
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var agents in agentIds.Distinct(StringComparer.Ordinal).Chunk(AgentsPerQuery))
        {
            // A day either side: whether a template day is covered by imported stretches is decided on whole local days.
            var imported = await ImportedAsync(connection, agents, from - 2 * Day, to + 2 * Day, cancellationToken);
            var templates = await TemplatesOfAsync(connection, agents, cancellationToken);
            found.AddRange(imported.Where(s => s.Start < to && s.End > from));
            found.AddRange(FromTemplates(templates, imported, from, to));
        }
        return [.. found.OrderBy(s => s.AgentId, StringComparer.Ordinal).ThenBy(s => s.Start)];
    }

    /// <summary>
    /// The templates laid out over [from, to), each on the local days (in its zone) for which its agent has no
    /// imported stretch starting that day: an import for a day overrides the template for that day.
    /// </summary>
    private static IEnumerable<ScheduledActivity> FromTemplates(IReadOnlyList<ShiftTemplate> templates, IReadOnlyList<ScheduledActivity> imported, long from, long to)
    {
        foreach (var agent in templates.GroupBy(t => t.AgentId, StringComparer.Ordinal))
        {
            foreach (var byZone in agent.GroupBy(t => t.ZoneId, StringComparer.Ordinal))
            {
                if (!TimeZoneInfo.TryFindSystemTimeZoneById(byZone.Key, out var zone)) continue;
                var mine = imported.Where(s => s.AgentId == agent.Key).ToList();
                // Every local day an imported stretch touches follows the import, not the template.
                var importedDays = mine.SelectMany(s => Days(s, zone)).ToHashSet();
                // From the day before: a night shift that started then reaches into the window.
                DateOnly first = LocalDate(from, zone).AddDays(-1), last = LocalDate(to, zone);
                foreach (var stretch in ShiftTemplates.Expand(byZone, first, last, _ => zone))
                {
                    if (stretch.Start < to && stretch.End > from && !importedDays.Contains(LocalDate(stretch.Start, zone))
                        && !mine.Any(s => s.Start < stretch.End && s.End > stretch.Start)) yield return stretch;
                }
            }
        }
    }

    private static IEnumerable<DateOnly> Days(ScheduledActivity stretch, TimeZoneInfo zone)
    {
        for (var day = LocalDate(stretch.Start, zone); day <= LocalDate(stretch.End - 1, zone); day = day.AddDays(1)) yield return day;
    }

    private static DateOnly LocalDate(long epochMs, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).DateTime);

    public async Task<ActivityRules> GetRulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT activity, statuses FROM activity_rules");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rules = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules[reader.GetString(0)] = (JsonSerializer.Deserialize<string[]>(reader.GetString(1)) ?? []).ToHashSet(StringComparer.Ordinal);
        }
        return rules.Count == 0 ? ActivityRules.Default : new ActivityRules(rules);
    }

    /// <summary>Replaces the organisation's rules; none given puts the defaults back.</summary>
    public async Task SaveRulesAsync(IReadOnlyDictionary<string, IReadOnlySet<string>> rules, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = Command(connection, transaction, "DELETE FROM activity_rules"))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (activity, statuses) in rules)
        {
            await using var insert = Command(connection, transaction, "INSERT INTO activity_rules (activity, statuses) VALUES (@activity, @statuses)");
            insert.With("activity", activity).With("statuses", JsonSerializer.Serialize(statuses.Order(StringComparer.Ordinal)));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<ScheduledActivity>> ImportedAsync(DbConnection connection, string[] agents, long from, long to, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null,
            $"SELECT agent_id, start_ms, end_ms, activity FROM schedule_entries WHERE agent_id IN ({In(agents)}) AND start_ms < @to AND end_ms > @from");
        WithAgents(command, agents).With("from", from).With("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<ScheduledActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ScheduledActivity(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }
        return found;
    }

    private static async Task<IReadOnlyList<ShiftTemplate>> TemplatesOfAsync(DbConnection connection, string[] agents, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null,
            $"SELECT agent_id, weekday, start_time, end_time, activity, zone FROM shift_templates WHERE agent_id IN ({In(agents)})");
        WithAgents(command, agents);
        return await TemplatesAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<ShiftTemplate>> TemplatesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<ShiftTemplate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ShiftTemplate(reader.GetString(0), (DayOfWeek)reader.GetInt64(1),
                TimeOnly.ParseExact(reader.GetString(2), "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(reader.GetString(3), "HH:mm", CultureInfo.InvariantCulture),
                reader.GetString(4), reader.GetString(5)));
        }
        return found;
    }

    private static string In(string[] agents) => string.Join(", ", agents.Select((_, i) => "@a" + i.ToString(CultureInfo.InvariantCulture)));

    private static DbCommand WithAgents(DbCommand command, string[] agents)
    {
        for (int i = 0; i < agents.Length; i++) command.With("a" + i.ToString(CultureInfo.InvariantCulture), agents[i]);
        return command;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
