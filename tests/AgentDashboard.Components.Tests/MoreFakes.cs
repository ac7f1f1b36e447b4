using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Appearance;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Wall;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// A Zoho Voice client that answers as <see cref="Inner"/> (a <see cref="FakeZoho"/>) does, and also lets a test
/// answer a change of the signed-in person's own status, which FakeZoho refuses.
/// </summary>
public sealed class OwnStatusZoho(FakeZoho inner) : IZohoVoiceClient
{
    public FakeZoho Inner { get; } = inner;

    /// <summary>Answers a change of one's own status (throw a ZohoApiException to refuse it); unset fails the test.</summary>
    public Func<string, UpdateOnlineStatusResponse>? SetOwn { get; set; }

    /// <summary>Every own-status change asked for, in order.</summary>
    public List<string> OwnChanges { get; } = [];

    public Task<UpdateOnlineStatusResponse> SetOwnOnlineStatusAsync(string status, CancellationToken cancellationToken)
    {
        lock (OwnChanges) OwnChanges.Add(status);
        return SetOwn is null ? throw new Xunit.Sdk.XunitException("unexpected own status change") : Task.FromResult(SetOwn(status));
    }

    public Task<StatusAuditResponse> GetStatusAuditAsync(StatusAuditQuery query, CancellationToken cancellationToken) => Inner.GetStatusAuditAsync(query, cancellationToken);
    public Task<CallLogActivityResponse> GetCallLogActivityAsync(CallLogActivityQuery query, CancellationToken cancellationToken) => Inner.GetCallLogActivityAsync(query, cancellationToken);
    public Task<OverviewResponse> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken) => Inner.GetOverviewAsync(query, cancellationToken);
    public Task<CalendarSummaryResponse> GetCalendarSummaryAsync(CalendarSummaryQuery query, CancellationToken cancellationToken) => Inner.GetCalendarSummaryAsync(query, cancellationToken);
    public Task<OwnOnlineStatusResponse> GetOwnOnlineStatusAsync(CancellationToken cancellationToken) => Inner.GetOwnOnlineStatusAsync(cancellationToken);
    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusAsync(IReadOnlyList<string> agentIds, CancellationToken cancellationToken) => Inner.GetAgentsOnlineStatusAsync(agentIds, cancellationToken);
    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusByZuidAsync(IReadOnlyList<string> zuids, CancellationToken cancellationToken) => Inner.GetAgentsOnlineStatusByZuidAsync(zuids, cancellationToken);
    public Task<OverrideOnlineStatusResponse> OverrideOnlineStatusAsync(IReadOnlyList<string> agentIds, string status, CancellationToken cancellationToken) =>
        Inner.OverrideOnlineStatusAsync(agentIds, status, cancellationToken);
}

/// <summary>
/// Like <see cref="PageContext"/> (the same fakes, the same signed-in supervisor "700100"), but on a
/// <see cref="ManualClock"/>, so the live board's once-a-second ticker moves only when a test moves the clock, and
/// with every service the live, overview and displays pages and the app bar use. Pages render inside MudBlazor's
/// popover, dialog and snackbar providers (<see cref="Render{TPage}"/>), as MainLayout puts them, so a select's list,
/// a dialog, a message box and a snackbar can be found in the rendered markup.
/// </summary>
public sealed class MudPageContext : IAsyncDisposable
{
    public const string Zuid = PageContext.Zuid;

    /// <summary>A generous wait: the pages read SQLite and the fakes before they show data (bUnit's default is 1 s).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly DashboardTestHost host;

    public MudPageContext(LiveFeedOptions? live = null)
    {
        Zoho = new OwnStatusZoho(Fake);
        host = new DashboardTestHost(Feeds, Clock, live ?? DashboardTestHost.TwoQueues(), services =>
        {
            services.AddSingleton<IZohoVoiceClient>(Zoho);
            services.AddSingleton<DisplayLinkStore>(); // as Wall/WallExtensions.cs registers it
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(LinkOptions)); // read when a page first asks: a test may change it before
            services.AddSingleton<DisplayAdmins>();
            services.AddSingleton<WallScreens>();
            services.AddSingleton<AppearanceStore>();
            services.AddSingleton<PeriodScope>(); // as Periods/PeriodsExtensions.cs registers them
            services.AddSingleton<PeriodLoader>();
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new AgentDashboard.Web.Security.WorkLimits())); // as Security/WorkLimits.cs registers them
            services.AddSingleton<AgentDashboard.Web.Security.LongLoads>();
            services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(new NoAntiforgery());
            services.AddMudServices(options =>
            {
                options.SnackbarConfiguration.ShowTransitionDuration = 0;
                options.SnackbarConfiguration.HideTransitionDuration = 0;
                options.SnackbarConfiguration.VisibleStateDuration = 600_000; // a snackbar stays until the test has read it
            });
        }, signedInZuid: Zuid);
    }

    public BunitContext Context => host.Context;
    public FakeFeeds Feeds { get; } = new();

    /// <summary>Zoho's answers, as FakeZoho takes them.</summary>
    public FakeZoho Fake { get; } = new();

    /// <summary>The client the pages get: <see cref="Fake"/>, plus own-status changes.</summary>
    public OwnStatusZoho Zoho { get; }

    public ManualClock Clock { get; } = new(PageContext.Now);

    /// <summary>Display-link administrators and the screens per link, as <c>Dashboard:Admins</c> and <c>Dashboard:Wall</c> set them.</summary>
    public DisplayLinkOptions LinkOptions { get; } = new();

    public T Get<T>() where T : notnull => Context.Services.GetRequiredService<T>();

    /// <summary>Puts the URL (and so the page's query parameters) in place; a rendered page follows it as it would the router.</summary>
    public void NavigateTo(string uri) => Get<NavigationManager>().NavigateTo(uri);

    /// <summary>The path and query of the current URL, e.g. "/live?status=Available".</summary>
    public string Url
    {
        get
        {
            var navigation = Get<NavigationManager>();
            return "/" + navigation.ToBaseRelativePath(navigation.Uri);
        }
    }

    /// <summary>A page inside MudBlazor's providers, as the layout renders it.</summary>
    public IRenderedComponent<IComponent> Render<TPage>() where TPage : IComponent => RenderInProviders(builder =>
    {
        builder.OpenComponent<TPage>(0);
        builder.CloseComponent();
    });

    /// <summary>Any content inside MudBlazor's providers.</summary>
    public IRenderedComponent<IComponent> RenderInProviders(RenderFragment content) => Context.Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
        builder.AddContent(3, content);
    });

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

/// <summary>Reading MudBlazor's rendered parts the way a person sees them.</summary>
public static class MudMarkup
{
    /// <summary>The messages of the snackbars on show, oldest first.</summary>
    public static List<string> Snackbars(this IRenderedComponent<IComponent> host) =>
        host.FindAll(".mud-snackbar .mud-snackbar-content-message").Select(m => Words(m.TextContent)).ToList();

    /// <summary>
    /// Opens a MudSelect (found by its class), clicks the item with the given text in its list, and waits until the
    /// select shows it (MudBlazor applies the choice asynchronously).
    /// </summary>
    public static void Choose(this IRenderedComponent<IComponent> host, string selectClass, string item)
    {
        host.Find("." + selectClass).MouseDown();
        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-popover-open .mud-list-item"), i => i.TextContent.Trim() == item), MudPageContext.Wait);
        host.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == item).Click();
        host.WaitForAssertion(() => Assert.Equal(item, host.Find($".{selectClass} [role=combobox]").TextContent.Trim()), MudPageContext.Wait);
    }

    /// <summary>Text with its runs of white space made single spaces, trimmed.</summary>
    public static string Words(string text) => string.Join(' ', text.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries));
}
