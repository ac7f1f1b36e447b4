using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Security;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// What the period pages (timelines, heatmap, overview) share: the request in the URL and its form, the signed-in
/// supervisor, their queues and the agents of them for the picker, and the browser's time zone when the URL has none.
/// </summary>
public abstract class PeriodPageBase : ComponentBase, IDisposable
{
    [Inject] public required PeriodScope Scope { get; init; }
    [Inject] public required AgentDirectory Directory { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required AgentDashboard.Zoho.IZohoVoiceClient Zoho { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required LongLoads LongLoads { get; init; }
    [Inject] public required IOptions<WorkLimits> Limits { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [SupplyParameterFromQuery] public string? AgentIds { get; set; }
    [SupplyParameterFromQuery] public string? Queue { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Tz { get; set; }
    [SupplyParameterFromQuery] public string? ExcludeDays { get; set; }
    [SupplyParameterFromQuery] public string? ExcludeStatus { get; set; }

    protected readonly CancellationTokenSource Closing = new();
    private CancellationTokenSource? loading;
    private IDisposable? slot;

    protected string? Zuid { get; private set; }

    /// <summary>What the page reads, for its size limit: figures per agent and day, unless it reads every status change.</summary>
    protected virtual WorkKind Reads => WorkKind.PeriodFigures;

    /// <summary>The form's copy of the request, applied by Show.</summary>
    protected PeriodForm Form { get; } = new();

    /// <summary>The agents the picker offers: those of the chosen queue, or of the supervisor's queues.</summary>
    protected IReadOnlyList<DirectoryAgent> Agents { get; set; } = [];
    protected IReadOnlyList<string> Problems { get; set; } = [];
    protected ZohoApiException? LoadError { get; set; }
    protected bool Loading => loading is not null;

    /// <summary>True when the person cancelled the last load (not when a newer load replaced it).</summary>
    protected bool Cancelled { get; private set; }

    protected IReadOnlyList<QueueInfo> QueueList { get; private set; } = [];

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null && (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is { } user)
        {
            Zuid = user;
            QueueList = await Catalogue.AllAsync(Closing.Token);
        }
    }

    /// <summary>Fills the form from the URL and says whether to read Zoho: not in the pre-render, and not before the zone is known.</summary>
    protected bool ReadyToLoad()
    {
        Form.Load(AgentIds, Queue, From, To, Tz, ExcludeDays, ExcludeStatus);
        return Zuid is not null && RendererInfo.IsInteractive && !string.IsNullOrWhiteSpace(Tz);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            await BrowserTimeZone.EnsureInUrlAsync(JS, Navigation, Tz);
        }
    }

    /// <summary>
    /// The scope's queues and agents, then the URL's request checked; null (with <see cref="Problems"/> set) when it
    /// is not valid. Without a start date, the range is <paramref name="defaultDays"/> days up to its end.
    /// </summary>
    protected async Task<(PeriodRequest? Request, IReadOnlyList<string> Queues)> PrepareAsync(int defaultDays, CancellationToken cancellationToken)
    {
        var queues = await Scope.QueuesAsync(Zuid!, Queue, cancellationToken);
        Agents = await Directory.GetAsync(Zoho, Zuid!, queues, cancellationToken);
        var (request, problems) = PeriodRequest.Parse(AgentIds, From, To, Tz, ExcludeDays, ExcludeStatus, Clock.GetUtcNow());
        if (request is null)
        {
            Problems = problems;
            return (null, queues);
        }
        if (string.IsNullOrWhiteSpace(From))
        {
            request = request with { From = request.To.AddDays(1 - defaultDays) };
        }
        // No agents picked means every agent of the queues.
        if (Limits.Value.SizeProblem(Reads, request.AgentIds.Count > 0 ? request.AgentIds.Count : Agents.Count, request.DayCount) is { } tooLarge)
        {
            Problems = [tooLarge];
            return (null, queues);
        }
        (Form.From, Form.To) = (request.From.ToString("yyyy-MM-dd"), request.To.ToString("yyyy-MM-dd"));
        return (request, queues);
    }

    /// <summary>
    /// Runs one load of the page: it cancels the load before it, and is cancelled by <see cref="CancelLoad"/>, a newer
    /// load or leaving the page. A bad request becomes <see cref="Problems"/>, a Zoho failure <see cref="LoadError"/>.
    /// It takes one of the supervisor's long-load slots (<see cref="Security.LongLoads"/>); with none free, it says so in Problems.
    /// The token tells a progress report whether its load is still the current one.
    /// </summary>
    protected async Task RunLoadAsync(Func<CancellationToken, Task> load)
    {
        loading?.Cancel();
        var mine = loading = CancellationTokenSource.CreateLinkedTokenSource(Closing.Token);
        (Problems, LoadError, Cancelled) = ([], null, false);
        try
        {
            // The page keeps one slot over its loads: a newer load takes over the slot a cancelled one still holds.
            slot ??= LongLoads.Enter(Zuid ?? "");
            await load(mine.Token);
        }
        catch (TooManyLoadsException e)
        {
            Problems = [e.Message];
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            Cancelled = loading == mine;
        }
        catch (ZohoQueryException e)
        {
            Problems = e.Problems;
        }
        catch (ZohoApiException e)
        {
            LoadError = e;
        }
        finally
        {
            if (loading == mine)
            {
                loading = null;
                slot?.Dispose();
                slot = null;
            }
            mine.Dispose();
        }
    }

    protected void CancelLoad() => loading?.Cancel();

    /// <summary>Puts the form into the URL; <paramref name="extra"/> sets or clears the page's own parameters.</summary>
    protected void Show(IReadOnlyDictionary<string, object?>? extra = null)
    {
        var query = Form.ToQuery(NameOf);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) query[key] = value;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query));
    }

    protected async Task ChangeQueueAsync(string queue)
    {
        Form.Queue = queue;
        Form.Agents.Clear();
        try
        {
            Agents = await Directory.GetAsync(Zoho, Zuid!, await Scope.QueuesAsync(Zuid!, queue, Closing.Token), Closing.Token);
        }
        catch (OperationCanceledException) when (Closing.IsCancellationRequested)
        {
            // the page was left while the queue's agents were read
        }
        catch (ZohoQueryException e)
        {
            Problems = e.Problems;
        }
        catch (ZohoApiException e)
        {
            LoadError = e;
        }
    }

    protected string NameOf(string id) => Agents.FirstOrDefault(a => a.Id == id)?.Name ?? id;

    public virtual void Dispose()
    {
        Closing.Cancel();
        Closing.Dispose();
        slot?.Dispose();
        GC.SuppressFinalize(this);
    }
}
