using System.Globalization;
using System.Text;

namespace AgentDashboard.Core.Adherence;

/// <summary>One row of an imported schedule: an agent by id or e-mail (resolved by the importer), a stretch, an activity.</summary>
public sealed record ScheduleRow(int Line, string Agent, long Start, long End, string Activity);

/// <summary>What a schedule file holds: its rows when every one is good, else every problem by line (and no rows).</summary>
public sealed record ScheduleFile(IReadOnlyList<ScheduleRow> Rows, IReadOnlyList<string> Problems)
{
    public bool IsGood => Problems.Count == 0;
}

/// <summary>
/// The canonical schedule CSV: <c>agent_id,start,end,activity</c>, start and end in ISO 8601 with the zone's offset
/// (as the timeline export writes them), or local times without one, read in the zone chosen on import. A shift may
/// cross midnight. Every bad row is reported; a file with any is not taken at all.
/// </summary>
public static class ScheduleCsv
{
    public const string Header = "agent_id,start,end,activity";

    /// <summary>A file this bad is not read on: its first problems say enough.</summary>
    public const int MaxProblems = 1000;

    public static ScheduleFile Parse(TextReader reader, TimeZoneInfo zoneForLocalTimes)
    {
        var rows = new List<ScheduleRow>();
        var problems = new List<string>();
        foreach (var (line, fields) in Records(reader, Header, problems))
        {
            var said = new List<string>();
            string agent = fields[0].Trim(), activity = fields[3].Trim();
            if (agent.Length == 0) said.Add("no agent_id");
            long? start = Instant(fields[1], zoneForLocalTimes, "start", said), end = Instant(fields[2], zoneForLocalTimes, "end", said);
            if (activity.Length == 0) said.Add("no activity");
            if (start is { } s && end is { } e && e <= s) said.Add("end is not after start");
            if (said.Count > 0)
            {
                problems.Add($"Line {line}: {string.Join("; ", said)}.");
                continue;
            }
            rows.Add(new ScheduleRow(line, agent, start!.Value, end!.Value, activity));
        }
        foreach (var agentRows in rows.GroupBy(r => r.Agent, StringComparer.OrdinalIgnoreCase))
        {
            ScheduleRow? previous = null;
            foreach (var row in agentRows.OrderBy(r => r.Start))
            {
                if (previous is not null && row.Start < previous.End)
                {
                    problems.Add($"Line {row.Line}: overlaps line {previous.Line} for {row.Agent}.");
                }
                if (previous is null || row.End > previous.End) previous = row;
            }
        }
        problems.Sort(ByLine);
        return problems.Count == 0 ? new(rows, []) : new([], problems);
    }

    /// <summary>An instant from ISO 8601 with an offset, or a local time in <paramref name="zone"/>; null (and a problem) when neither.</summary>
    private static long? Instant(string field, TimeZoneInfo zone, string name, List<string> said)
    {
        string text = field.Trim();
        if (text.Length == 0)
        {
            said.Add($"no {name}");
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && HasOffset(text))
        {
            return withOffset.ToUnixTimeMilliseconds();
        }
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (zone.IsInvalidTime(local))
            {
                said.Add($"{name} {text} does not exist in {zone.Id} (the clocks skip it)");
                return null;
            }
            // A local time that happens twice (clocks going back) is read as the first.
            var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
            if (local.Year is < 1971 or > 9998)
            {
                said.Add($"{name} {text} is not a date a schedule can be for");
                return null;
            }
            return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
        }
        said.Add($"{name} \"{text}\" is not a date and time (e.g. 2026-11-17T09:00:00-05:00)");
        return null;
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':';

    /// <summary>
    /// The records of a CSV file with <paramref name="header"/>, each with its line number and as many fields as the
    /// header names; a missing header, an open quote or a wrong count of fields goes to <paramref name="problems"/>
    /// instead. Blank lines are skipped; after <see cref="MaxProblems"/> problems the rest is not read.
    /// </summary>
    internal static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader, string header, List<string> problems)
    {
        string? first = reader.ReadLine();
        if (first is null || !string.Equals(first.Trim().TrimStart('\uFEFF'), header, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Line 1: the first line must be the header \"{header}\".");
            yield break;
        }
        var names = header.Split(',');
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0) continue;
            if (problems.Count >= MaxProblems)
            {
                problems.Add($"Line {line}: more than {MaxProblems} problems; the rest of the file was not checked.");
                yield break;
            }
            var fields = Fields(text);
            if (fields is null) problems.Add($"Line {line}: a quoted field is not closed.");
            else if (fields.Count != names.Length) problems.Add($"Line {line}: {fields.Count} fields; a row has {names.Length} ({string.Join(", ", names)}).");
            else yield return (line, fields);
        }
    }

    /// <summary>RFC 4180 fields of one line; null when a quote is left open.</summary>
    internal static List<string>? Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"'); // a doubled quote inside quotes
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted) return null;
        fields.Add(field.ToString());
        return fields;
    }

    internal static int ByLine(string a, string b) => LineOf(a).CompareTo(LineOf(b));

    private static int LineOf(string problem) => int.Parse(problem.AsSpan(5, problem.IndexOf(':') - 5), CultureInfo.InvariantCulture);
}
