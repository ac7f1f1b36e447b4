using AgentDashboard.Core;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Zoho;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The organisation's schedules: import a schedule or weekly templates from CSV (every bad row listed, nothing of a
/// bad file stored), see what is stored, and edit which statuses keep to which activity.
/// </summary>
public partial class SchedulesPage : IDisposable
{
    private const int MaxProblemsShown = 50;

    [Inject] public required ScheduleImport Import { get; init; }
    [Inject] public required ScheduleStore Store { get; init; }
    [Inject] public required IZohoVoiceClient Zoho { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required ILogger<SchedulesPage> Logger { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The zone the page opened in (the browser's), the default for times without an offset.</summary>
    [SupplyParameterFromQuery] public string? Tz { get; set; }

    /// <summary>An activity and its statuses as the form edits them.</summary>
    private sealed class RuleRow
    {
        public string Activity { get; set; } = "";
        public string Statuses { get; set; } = "";
    }

    private readonly CancellationTokenSource closing = new();
    private string? zuid;
    private string ZoneId { get; set; } = "";
    private bool Busy => BusyWith is not null;
    private string? BusyWith { get; set; }
    private ScheduleImportOutcome? Outcome { get; set; }
    private string OutcomeFile { get; set; } = "";
    private bool OutcomeIsTemplates { get; set; }
    private (long Stretches, long Agents, long? From, long? To, long TemplateAgents)? Summary { get; set; }
    private List<RuleRow> Rules { get; set; } = [];
    private IReadOnlyList<string> RuleProblems { get; set; } = [];
    private bool RulesSaved { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is null || (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is not { } user) return;
        zuid = user;
        try
        {
            Edit(await Store.GetRulesAsync(closing.Token));
            Summary = await Store.SummaryAsync(closing.Token);
        }
        catch (System.Data.Common.DbException error)
        {
            Logger.LogWarning("The schedules page could not read the store: {Error}: {Message}", error.GetType().Name, error.Message);
            RuleProblems = ["The dashboard's database could not be read, so the rules and what is stored are not shown. Reload the page to try again."];
        }
    }

    protected override void OnParametersSet()
    {
        if (ZoneId.Length == 0 && !string.IsNullOrWhiteSpace(Tz)) ZoneId = Tz;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive) await BrowserTimeZone.EnsureInUrlAsync(JS, Navigation, Tz);
    }

    private Task ImportScheduleAsync(InputFileChangeEventArgs e) => ImportAsync(e.File, templates: false);

    private Task ImportTemplatesAsync(InputFileChangeEventArgs e) => ImportAsync(e.File, templates: true);

    private async Task ImportAsync(IBrowserFile file, bool templates)
    {
        (OutcomeFile, OutcomeIsTemplates, Outcome) = ($"“{file.Name}”", templates, null);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId.Trim(), out var zone))
        {
            Outcome = new(null, [$"The time zone “{ZoneId}” is not known: pick one from the list, e.g. America/New_York."]);
            return;
        }
        if (file.Size > ScheduleImport.MaxBytes)
        {
            Outcome = new(null, [$"The file is {file.Size / (1024 * 1024)} MB; the largest taken is {ScheduleImport.MaxBytes / (1024 * 1024)} MB. Split it by dates or agents."]);
            return;
        }
        BusyWith = OutcomeFile;
        try
        {
            // The browser's stream reads only asynchronously; the file is small enough to read whole first.
            using var reader = new StreamReader(file.OpenReadStream(ScheduleImport.MaxBytes, closing.Token));
            using var text = new StringReader(await reader.ReadToEndAsync(closing.Token));
            Outcome = templates
                ? await Import.ImportTemplatesAsync(text, zone, Zoho, zuid!, closing.Token)
                : await Import.ImportScheduleAsync(text, zone, Zoho, zuid!, closing.Token);
            Summary = await Store.SummaryAsync(closing.Token);
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            Logger.LogWarning("A schedule import failed: {Error}: {Message}", error.GetType().Name, error.Message);
            Outcome = new(null, ["The file could not be read or stored; try again. If it happens again, the dashboard's log says why."]);
        }
        finally
        {
            BusyWith = null;
        }
    }

    private string Done(ScheduleImported imported)
    {
        string agents = imported.Agents == 1 ? "1 agent" : $"{imported.Agents} agents";
        return OutcomeIsTemplates
            ? $"Imported {OutcomeFile}: {imported.Stretches:N0} weekly stretches for {agents}."
            : $"Imported {OutcomeFile}: {imported.Stretches:N0} stretches for {agents}, from {Local(imported.From)} to {Local(imported.To)}.";
    }

    private string Local(long epochMs) => TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId.Trim(), out var zone)
        ? BrowserTimeZone.Format(epochMs, zone, "d MMM yyyy HH:mm")
        : BrowserTimeZone.Format(epochMs, TimeZoneInfo.Utc, "d MMM yyyy HH:mm 'UTC'");

    private void Edit(ActivityRules rules)
    {
        Rules = [.. rules.KeptBy.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
            .Select(r => new RuleRow { Activity = r.Key, Statuses = string.Join(", ", r.Value.OrderBy(Order)) })];
        (RuleProblems, RulesSaved) = ([], false);
    }

    /// <summary>Known statuses in the catalogue's order, then custom ones by name.</summary>
    private static string Order(string status) =>
        StatusCatalogue.Known.ToList().IndexOf(status) is var known and >= 0 ? known.ToString("D2") : "99" + status;

    private void AddRule() => Rules.Add(new RuleRow());

    private async Task SaveRulesAsync()
    {
        var problems = new List<string>();
        var rules = new Dictionary<string, IReadOnlySet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, index) in Rules.Select((r, i) => (r, i + 1)))
        {
            string activity = row.Activity.Trim();
            var statuses = row.Statuses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => StatusCatalogue.Known.FirstOrDefault(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase)) ?? s)
                .ToHashSet(StringComparer.Ordinal);
            if (activity.Length == 0) problems.Add($"Row {index}: give the activity a name.");
            else if (!ActivityRules.IsScheduled(activity)) problems.Add($"Row {index}: Off is not scheduled time, so nothing keeps to it; remove the row.");
            else if (rules.ContainsKey(activity)) problems.Add($"Row {index}: {activity} is listed twice.");
            else if (statuses.Count == 0) problems.Add($"Row {index}: name at least one status that keeps to {activity}.");
            else rules[activity] = statuses;
        }
        if (Rules.Count == 0) problems.Add("Keep at least one activity. To start again from the defaults, use “Back to the defaults”.");
        RuleProblems = problems;
        RulesSaved = false;
        if (problems.Count > 0) return;
        try
        {
            await Store.SaveRulesAsync(rules, closing.Token);
            RulesSaved = true;
        }
        catch (System.Data.Common.DbException error)
        {
            Logger.LogWarning("The activity rules could not be saved: {Error}: {Message}", error.GetType().Name, error.Message);
            RuleProblems = ["The rules could not be saved: the dashboard's database did not answer. Try again."];
        }
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
