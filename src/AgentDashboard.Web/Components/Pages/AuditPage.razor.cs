using System.Globalization;
using AgentDashboard.Web.Audit;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// The audit trail: status changes made in the dashboard, searched by who made them (administrators only: anyone
/// else sees only their own), agent and local days, newest first, a page at a time. The search is in the URL.
/// </summary>
public partial class AuditPage : IDisposable
{
    public const int PageSize = 50;

    [Inject] public required AuditStore Store { get; init; }
    [Inject] public required DisplayAdmins Admins { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required ILogger<AuditPage> Log { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? Person { get; set; }
    [SupplyParameterFromQuery] public string? Agent { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Tz { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }

    private readonly CancellationTokenSource closing = new();
    private AuditViewer? viewer;
    private bool IsAdmin => viewer?.IsAdmin == true;
    private AuditFilter? Filter { get; set; }
    private AuditResults? Found { get; set; }
    private IReadOnlyList<string> Problems { get; set; } = [];
    private bool StoreFailed { get; set; }
    private int PageNumber => Math.Max(1, PageParameter ?? 1);
    private int Skip => (PageNumber - 1) * PageSize;

    private string? EditPerson { get; set; }
    private string? EditAgent { get; set; }
    private DateTime? EditFrom { get; set; }
    private DateTime? EditTo { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (viewer is null && Authentication is not null)
        {
            var user = (await Authentication).User;
            viewer = AuditViewer.Of(user, Admins);
        }
        (Found, Problems, StoreFailed) = (null, [], false);
        (EditPerson, EditAgent, EditFrom, EditTo) = (Person, Agent, Date(From), Date(To));
        if (viewer is null || !RendererInfo.IsInteractive || string.IsNullOrWhiteSpace(Tz)) return;
        var (filter, problems) = AuditFilter.Parse(IsAdmin ? Person : null, Agent, From, To, Tz);
        (Filter, Problems) = (filter, problems);
        if (filter is null) return;
        try
        {
            Found = await Store.SearchAsync(filter.ToQuery(), viewer, Skip, PageSize, closing.Token);
        }
        catch (Exception error) when (!closing.IsCancellationRequested)
        {
            Log.LogError("The audit trail could not be read: {Error}: {Message}", error.GetType().Name, error.Message);
            StoreFailed = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive) await BrowserTimeZone.EnsureInUrlAsync(JS, Navigation, Tz);
    }

    private void Search() => Navigate(1);

    private void GoToPage(int page) => Navigate(page);

    private void Navigate(int page) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["person"] = IsAdmin ? Blank(EditPerson) : null,
            ["agent"] = Blank(EditAgent),
            ["from"] = EditFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = EditTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["page"] = page > 1 ? page : null,
        }));

    private string ExportHref => Filter is not { } f ? "/export/audit.csv"
        : "/export/audit.csv" + Microsoft.AspNetCore.Http.QueryString.Create(f.ToQueryString().Where(p => p.Value is not null));

    private string When(long at) => BrowserTimeZone.Format(at, Filter?.Zone ?? TimeZoneInfo.Utc, "d MMM yyyy HH:mm:ss");

    private static string OutcomeWord(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Succeeded => "Made",
        AuditOutcome.Failed => "Not made",
        _ => "Unknown (no answer)",
    };

    private static DateTime? Date(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
