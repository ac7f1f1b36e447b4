using System.Security.Claims;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Store;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Live;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AgentDashboard.Components.Tests;

/// <summary>Live feeds the test feeds by hand: each subscription starts on <see cref="Board"/> and gets what <see cref="Publish"/> sends.</summary>
public sealed class FakeFeeds : ILiveFeeds
{
    private readonly List<LiveSubscription> subscriptions = [];

    public BoardSnapshot Board { get; set; } = BoardSnapshot.Empty;
    public List<(string Zuid, LiveScope Scope)> Subscribed { get; } = [];
    public int Open => subscriptions.Count;

    public LiveSubscription Subscribe(string zuid, LiveScope scope)
    {
        Subscribed.Add((zuid, scope));
        var subscription = new LiveSubscription(Board, s => subscriptions.Remove(s));
        subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>The status changes the page asked to show at once, in order.</summary>
    public List<(IReadOnlyCollection<string> AgentIds, string Status, string? TriggeredBy)> Shown { get; } = [];

    public Task ShowChangesAsync(IReadOnlyCollection<string> agentIds, string status, string? triggeredBy)
    {
        Shown.Add((agentIds, status, triggeredBy));
        return Task.CompletedTask;
    }

    public void Publish(BoardSnapshot board)
    {
        Board = board;
        foreach (var subscription in subscriptions.ToList()) subscription.Offer(board);
    }
}

/// <summary>A Zoho Voice client whose answers a test sets; a call nobody set up fails the test.</summary>
public sealed class FakeZoho : IZohoVoiceClient
{
    public Func<StatusAuditQuery, StatusAuditResponse>? StatusAudit { get; set; }
    public Func<CallLogActivityQuery, CancellationToken, Task<CallLogActivityResponse>>? CallLog { get; set; }
    public Func<OverviewQuery, OverviewResponse>? Overview { get; set; }
    public Func<CalendarSummaryQuery, CalendarSummaryResponse>? CalendarSummary { get; set; }
    public Func<IReadOnlyList<string>, string, OverrideOnlineStatusResponse>? Override { get; set; }

    private static T Answer<TQuery, T>(Func<TQuery, T>? answer, TQuery query, string call) =>
        answer is null ? throw new Xunit.Sdk.XunitException($"The page called {call}, which this test did not expect.") : answer(query);

    public Task<StatusAuditResponse> GetStatusAuditAsync(StatusAuditQuery query, CancellationToken cancellationToken) => Task.FromResult(Answer(StatusAudit, query, "statusaudit/list"));
    public Task<CallLogActivityResponse> GetCallLogActivityAsync(CallLogActivityQuery query, CancellationToken cancellationToken) =>
        CallLog is null ? throw new Xunit.Sdk.XunitException("The page called statusaudit/list/log, which this test did not expect.") : CallLog(query, cancellationToken);
    public Task<OverviewResponse> GetOverviewAsync(OverviewQuery query, CancellationToken cancellationToken) => Task.FromResult(Answer(Overview, query, "statusaudit/overview"));
    public Task<CalendarSummaryResponse> GetCalendarSummaryAsync(CalendarSummaryQuery query, CancellationToken cancellationToken) => Task.FromResult(Answer(CalendarSummary, query, "statusaudit/calendarSummary"));
    public string OwnStatus { get; set; } = "Available";
    public string? OwnAgentId { get; set; }

    public Task<OwnOnlineStatusResponse> GetOwnOnlineStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new OwnOnlineStatusResponse { OnlineStatus = new AgentOnlineStatus { AgentId = OwnAgentId, OnlineStatus = OwnStatus } });
    public Task<UpdateOnlineStatusResponse> SetOwnOnlineStatusAsync(string status, CancellationToken cancellationToken) => throw new Xunit.Sdk.XunitException("unexpected own status change");
    public Func<IReadOnlyList<string>, AgentsOnlineStatusResponse>? OnlineStatuses { get; set; }

    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusAsync(IReadOnlyList<string> agentIds, CancellationToken cancellationToken) =>
        Task.FromResult(Answer(OnlineStatuses, agentIds, "v2 agents/onlineStatus"));
    public Task<AgentsOnlineStatusResponse> GetAgentsOnlineStatusByZuidAsync(IReadOnlyList<string> zuids, CancellationToken cancellationToken) => throw new Xunit.Sdk.XunitException("unexpected online status call");
    public Task<OverrideOnlineStatusResponse> OverrideOnlineStatusAsync(IReadOnlyList<string> agentIds, string status, CancellationToken cancellationToken) =>
        Task.FromResult(Override is null ? throw new Xunit.Sdk.XunitException("unexpected override") : Override(agentIds, status));
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class StillClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// What every page context shares: a bUnit context on an interactive server renderer, with the live feeds, clock and
/// live options it is given (their queues are the catalogue's), the agent directory, and the dashboard's SQLite file (preferences) in a fresh temporary folder
/// that <see cref="DisposeAsync"/> deletes. A context adds its own services in <c>addServices</c>: bUnit takes no
/// registrations once the renderer is set up, which the constructor does last.
/// </summary>
public sealed class DashboardTestHost : IAsyncDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "agentdashboard-components-" + Guid.NewGuid().ToString("N"));

    /// <param name="signedInZuid">Signs in Sam Supervisor with this Zoho user id; null leaves no one signed in.</param>
    public DashboardTestHost(ILiveFeeds feeds, TimeProvider clock, LiveFeedOptions live, Action<IServiceCollection> addServices, string? signedInZuid)
    {
        var services = Context.Services;
        services.AddSingleton(feeds);
        services.AddSingleton(clock);
        services.AddSingleton(Options.Create(live));
        services.AddSingleton(Options.Create(new AlertOptions())); // Dashboard:Alerts as its defaults
        services.AddSingleton(DashboardDatabase.InDataFolder(dataPath));
        services.AddSingleton<LivePreferenceStore>();
        services.AddSingleton<AgentDashboard.Web.Audit.AuditStore>(); // the layout's own status and the grid's override record here
        services.AddSingleton<AgentDashboard.Web.Audit.AuditTrail>();
        services.AddSingleton(Options.Create(new AgentDashboard.Web.Wall.DisplayLinkOptions())); // nobody is an administrator unless a context says so
        services.AddSingleton<AgentDashboard.Web.Wall.DisplayAdmins>();
        services.AddSingleton<IQueueSource, ConfiguredQueues>(); // the live options' queues, as in Zoho mode
        services.AddSingleton<QueueCatalogue>();
        services.AddSingleton<AgentDirectory>();
        LiveScheduleFakes.Register(services); // the boards' adherence flags (none until a test gives schedules)
        addServices(services);
        if (signedInZuid is not null)
            Context.AddAuthorization().SetAuthorized("Sam Supervisor").SetClaims(new Claim(ZohoClaims.Zuid, signedInZuid));
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Two queues, Sales (q1) and Support (q2): the live options most page tests run on.</summary>
    public static LiveFeedOptions TwoQueues() => new() { Queues = ["q1", "q2"], QueueNames = new() { ["q1"] = "Sales", ["q2"] = "Support" } };

    public BunitContext Context { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
    }
}

/// <summary>A bUnit context with the dashboard's page services as fakes, a signed-in supervisor, and an interactive renderer.</summary>
public sealed class PageContext : IAsyncDisposable
{
    public const string Zuid = "700100";
    public static readonly DateTimeOffset Now = new(2026, 11, 17, 15, 30, 0, TimeSpan.Zero);
    private readonly DashboardTestHost host;

    /// <param name="mode">The dashboard's mode as pages read it; unset leaves the options' default (Zoho).</param>
    public PageContext(LiveFeedOptions? live = null, DashboardMode? mode = null)
    {
        host = new DashboardTestHost(Feeds, Clock, live ?? DashboardTestHost.TwoQueues(), services =>
        {
            if (mode is { } chosen) services.AddSingleton(Options.Create(new DashboardOptions { Mode = chosen }));
            services.AddSingleton<IZohoVoiceClient>(Zoho);
            services.AddSingleton<AgentDashboard.Web.Calls.CallForensicsLoader>();
            services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(new NoAntiforgery());
            services.AddSingleton<AgentDashboard.Web.Appearance.AppearanceStore>();
            services.AddMudServices();
        }, signedInZuid: Zuid);
    }

    public BunitContext Context => host.Context;
    public FakeFeeds Feeds { get; } = new();
    public FakeZoho Zoho { get; } = new();
    public StillClock Clock { get; } = new(Now);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

/// <summary>The sign-out form's token, which a component test does not check.</summary>
public sealed class NoAntiforgery : Microsoft.AspNetCore.Antiforgery.IAntiforgery
{
    private static readonly Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet Tokens = new("request", "cookie", "form", "header");
    public Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet GetAndStoreTokens(Microsoft.AspNetCore.Http.HttpContext httpContext) => Tokens;
    public Microsoft.AspNetCore.Antiforgery.AntiforgeryTokenSet GetTokens(Microsoft.AspNetCore.Http.HttpContext httpContext) => Tokens;
    public Task<bool> IsRequestValidAsync(Microsoft.AspNetCore.Http.HttpContext httpContext) => Task.FromResult(true);
    public void SetCookieTokenAndHeader(Microsoft.AspNetCore.Http.HttpContext httpContext) { }
    public Task ValidateRequestAsync(Microsoft.AspNetCore.Http.HttpContext httpContext) => Task.CompletedTask;
}
