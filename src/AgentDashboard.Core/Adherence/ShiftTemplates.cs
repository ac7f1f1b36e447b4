using System.Globalization;

namespace AgentDashboard.Core.Adherence;

/// <summary>
/// One stretch of an agent's week: on <see cref="Day"/>, from <see cref="Start"/> to <see cref="End"/> local time in
/// <see cref="ZoneId"/>. An end at or before the start is on the next day (a shift across midnight).
/// </summary>
public sealed record ShiftTemplate(string AgentId, DayOfWeek Day, TimeOnly Start, TimeOnly End, string Activity, string ZoneId)
{
    /// <summary>This stretch on <paramref name="date"/>, when it is that weekday.</summary>
    public ScheduledActivity? On(DateOnly date, TimeZoneInfo zone)
    {
        if (date.DayOfWeek != Day) return null;
        long start = ShiftTemplates.Instant(date, Start, zone);
        long end = ShiftTemplates.Instant(End <= Start ? date.AddDays(1) : date, End, zone);
        return end > start ? new ScheduledActivity(AgentId, start, end, Activity) : null;
    }
}

/// <summary>What a weekly template file holds: its rows when every one is good, else every problem by line.</summary>
public sealed record TemplateFile(IReadOnlyList<(int Line, ShiftTemplate Template)> Rows, IReadOnlyList<string> Problems)
{
    public bool IsGood => Problems.Count == 0;
}

/// <summary>
/// Weekly shift templates as CSV: <c>agent_id,weekday,start,end,activity</c>, e.g. <c>1001,Monday,09:00,17:30,Work</c>,
/// local times of the zone chosen on import. Every bad row is reported; a file with any is not taken at all.
/// </summary>
public static class ShiftTemplates
{
    public const string Header = "agent_id,weekday,start,end,activity";

    public static TemplateFile Parse(TextReader reader, TimeZoneInfo zone)
    {
        var rows = new List<(int, ShiftTemplate)>();
        var problems = new List<string>();
        foreach (var (line, fields) in ScheduleCsv.Records(reader, Header, problems))
        {
            var said = new List<string>();
            string agent = fields[0].Trim(), activity = fields[4].Trim();
            if (agent.Length == 0) said.Add("no agent_id");
            DayOfWeek? day = Weekday(fields[1].Trim());
            if (day is null) said.Add($"weekday \"{fields[1].Trim()}\" is not a day of the week (Monday to Sunday)");
            TimeOnly? start = Time(fields[2], "start", said), end = Time(fields[3], "end", said);
            if (activity.Length == 0) said.Add("no activity");
            if (start is { } s && end is { } e && s == e) said.Add("start and end are the same time");
            if (said.Count > 0)
            {
                problems.Add($"Line {line}: {string.Join("; ", said)}.");
                continue;
            }
            rows.Add((line, new ShiftTemplate(agent, day!.Value, start!.Value, end!.Value, activity, zone.Id)));
        }
        problems.AddRange(Overlaps(rows));
        problems.Sort(ScheduleCsv.ByLine);
        return problems.Count == 0 ? new(rows, []) : new([], problems);
    }

    /// <summary>
    /// Each row that overlaps an earlier one of the same agent within the week, across midnight included (the week laid
    /// out Monday to Sunday, and Sunday night running into Monday), as a problem by line.
    /// </summary>
    public static IEnumerable<string> Overlaps(IEnumerable<(int Line, ShiftTemplate Template)> rows)
    {
        foreach (var agentRows in rows.GroupBy(r => r.Template.AgentId, StringComparer.OrdinalIgnoreCase))
        {
            var laidOut = agentRows.Select(r => (r.Line, Start: Minute(r.Template.Day, r.Template.Start), Length: LengthMinutes(r.Template))).OrderBy(r => r.Start).ToList();
            for (int i = 0; laidOut.Count > 1 && i < laidOut.Count; i++)
            {
                var (a, b) = (laidOut[i], laidOut[(i + 1) % laidOut.Count]);
                int gap = (b.Start - a.Start + 7 * 1440) % (7 * 1440);
                if (gap < a.Length) yield return $"Line {b.Line}: overlaps line {a.Line} for {agentRows.Key}.";
            }
        }
    }

    /// <summary>The templates laid out on the local dates <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static IEnumerable<ScheduledActivity> Expand(IEnumerable<ShiftTemplate> templates, DateOnly from, DateOnly to, Func<string, TimeZoneInfo> zones)
    {
        foreach (var template in templates)
        {
            var zone = zones(template.ZoneId);
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (template.On(date, zone) is { } activity) yield return activity;
            }
        }
    }

    /// <summary>A local time as an instant: a skipped time moves on past the gap, a repeated one is the first.</summary>
    public static long Instant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUnixTimeMilliseconds();
    }

    /// <summary>A day by its English name or first three letters (Monday, mon).</summary>
    private static DayOfWeek? Weekday(string text) =>
        Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => text.Length >= 3
            && d.ToString()!.StartsWith(text, StringComparison.OrdinalIgnoreCase) && (text.Length == 3 || text.Length == d.ToString()!.Length));

    private static int Minute(DayOfWeek day, TimeOnly time) => ((int)day + 6) % 7 * 1440 + time.Hour * 60 + time.Minute;

    private static int LengthMinutes(ShiftTemplate t) => ((t.End.Hour * 60 + t.End.Minute) - (t.Start.Hour * 60 + t.Start.Minute) + 1440) % 1440 is var m && m == 0 ? 1440 : m;

    private static TimeOnly? Time(string field, string name, List<string> said)
    {
        string text = field.Trim();
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        said.Add(text.Length == 0 ? $"no {name}" : $"{name} \"{text}\" is not a time of day in hours and minutes (e.g. 09:00)");
        return null;
    }
}
