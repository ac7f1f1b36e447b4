using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Agents;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Web.Adherence;

/// <summary>What an import did: what it stored, or every problem (and then nothing was stored).</summary>
public sealed record ScheduleImportOutcome(ScheduleImported? Imported, IReadOnlyList<string> Problems);

/// <summary>
/// Schedule and template files into the store: read and checked whole (<see cref="ScheduleCsv"/>,
/// <see cref="ShiftTemplates"/>), agents named by id or e-mail found among the agents the supervisor can see, then
/// stored in one transaction. A file with any problem stores nothing.
/// </summary>
public sealed class ScheduleImport(ScheduleStore store, QueueCatalogue catalogue, AgentDirectory directory)
{
    /// <summary>The largest file taken: a month of 30-minute stretches for a thousand agents is well under it.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<ScheduleImportOutcome> ImportScheduleAsync(TextReader csv, TimeZoneInfo zone, IZohoVoiceClient zoho, string zuid, CancellationToken cancellationToken)
    {
        var file = ScheduleCsv.Parse(csv, zone);
        if (!file.IsGood) return new(null, file.Problems);
        if (file.Rows.Count == 0) return new(null, ["The file has a header but no rows: nothing to import."]);
        var (ids, problems) = await ResolveAsync(file.Rows.Select(r => (r.Line, r.Agent)), zoho, zuid, cancellationToken);
        if (problems.Count > 0) return new(null, problems);
        var stretches = file.Rows.Select(r => new ScheduledActivity(ids[r.Line], r.Start, r.End, r.Activity)).ToList();
        // An agent named once by id and once by e-mail is one agent: their rows must not overlap either.
        var overlaps = file.Rows.GroupBy(r => ids[r.Line], StringComparer.Ordinal)
            .SelectMany(agent => agent.OrderBy(r => r.Start).Zip(agent.OrderBy(r => r.Start).Skip(1)))
            .Where(pair => pair.Second.Start < pair.First.End)
            .Select(pair => $"Line {pair.Second.Line}: overlaps line {pair.First.Line} (the same agent by id and by e-mail).").ToList();
        if (overlaps.Count > 0) return new(null, overlaps);
        return new(await store.ImportAsync(stretches, cancellationToken), []);
    }

    public async Task<ScheduleImportOutcome> ImportTemplatesAsync(TextReader csv, TimeZoneInfo zone, IZohoVoiceClient zoho, string zuid, CancellationToken cancellationToken)
    {
        var file = ShiftTemplates.Parse(csv, zone);
        if (!file.IsGood) return new(null, file.Problems);
        if (file.Rows.Count == 0) return new(null, ["The file has a header but no rows: nothing to import."]);
        var (ids, problems) = await ResolveAsync(file.Rows.Select(r => (r.Line, r.Template.AgentId)), zoho, zuid, cancellationToken);
        if (problems.Count > 0) return new(null, problems);
        var resolved = file.Rows.Select(r => (r.Line, Template: r.Template with { AgentId = ids[r.Line] })).ToList();
        // An agent named once by id and once by e-mail is one agent: their weeks must not overlap either.
        var overlaps = ShiftTemplates.Overlaps(resolved).Select(p => p.TrimEnd('.') + " (the same agent by id and by e-mail).").ToList();
        if (overlaps.Count > 0) return new(null, overlaps);
        var templates = resolved.Select(r => r.Template).ToList();
        await store.ImportTemplatesAsync(templates, cancellationToken);
        return new(new ScheduleImported(templates.Count, templates.Select(t => t.AgentId).Distinct(StringComparer.Ordinal).Count(), 0, 0), []);
    }

    /// <summary>
    /// Each line's agent id: an id, or the id of the agent with that e-mail, among the agents the supervisor can see
    /// (so nobody changes the schedule of an agent Zoho does not show them).
    /// </summary>
    private async Task<(Dictionary<int, string> Ids, List<string> Problems)> ResolveAsync(
        IEnumerable<(int Line, string Agent)> rows, IZohoVoiceClient zoho, string zuid, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<int, string>();
        IReadOnlyList<DirectoryAgent> visible;
        try
        {
            visible = await directory.VisibleAsync(zoho, zuid, catalogue, cancellationToken);
        }
        catch (ZohoApiException e)
        {
            return (ids, [$"Zoho Voice could not say which agents you can see: {e.Message} Nothing was imported."]);
        }
        var byId = visible.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var byEmail = visible.Where(a => !string.IsNullOrEmpty(a.Email)).GroupBy(a => a.Email!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (line, agent) in rows)
        {
            if (agent.Contains('@'))
            {
                if (byEmail.TryGetValue(agent, out var id)) ids[line] = id;
                else problems.Add($"Line {line}: no agent you can see has the e-mail {agent}.");
            }
            else if (byId.Contains(agent)) ids[line] = agent;
            else problems.Add($"Line {line}: no agent you can see has the id {agent}.");
        }
        return (ids, problems);
    }
}
