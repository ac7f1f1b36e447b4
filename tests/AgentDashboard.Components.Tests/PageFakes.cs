using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Periods;
using AgentDashboard.Web.Security;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Web.Wall;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The services the period pages inject beyond <see cref="PageContext"/>'s (PeriodScope, PeriodLoader,
/// TimelineLoader and the work limits, as Periods/PeriodsExtensions.cs and Timelines/TimelineExtensions.cs register them), over PageContext's fakes.
/// PageContext's constructor already resolves services, after which bUnit takes no more registrations, so they
/// come from a fallback provider that builds them from PageContext's own services.
/// </summary>
public static class PeriodPages
{
    /// <summary>A generous wait for pages that read SQLite and the fake Zoho before they show data (bUnit's default is 1 s).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static PageContext WithPeriodPages(this PageContext page)
    {
        var main = page.Context.Services;
        var extra = new ServiceCollection()
            .AddSingleton(_ => new PeriodScope(main.GetRequiredService<LivePreferenceStore>(), main.GetRequiredService<QueueCatalogue>()))
            .AddSingleton(_ => new PeriodLoader(main.GetRequiredService<IZohoVoiceClient>(), main.GetRequiredService<TimeProvider>()))
            .AddSingleton(_ => new TimelineLoader(main.GetRequiredService<IZohoVoiceClient>(), main.GetRequiredService<TimeProvider>()))
            .AddSingleton(Options.Create(new WorkLimits()))
            .AddSingleton<LongLoads>()
            .AddScheduleFakes(main);
        main.AddFallbackServiceProvider(extra.BuildServiceProvider());
        return page;
    }

    /// <summary>Puts the URL (and so the page's query parameters) in place; a rendered page follows it as it would the router.</summary>
    public static void NavigateTo(this PageContext page, string uri) =>
        page.Context.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    /// <summary>Zoho's overview as the agent directory reads it: who answers each queue (the pickers' agents, the timeline's "everyone").</summary>
    public static void AnswerDirectory(this FakeZoho zoho, IReadOnlyDictionary<string, (string Id, string Name)[]> byQueue) =>
        zoho.Overview = query => new OverviewResponse
        {
            Overview = new OverviewBody
            {
                AgentMetrics = new OverviewAgentMetrics
                {
                    IndividualAggregation = query.QueueIds.SelectMany(q => byQueue.GetValueOrDefault(q) ?? [])
                        .Select(a => new AgentAggregation { AgentId = a.Id, AgentName = a.Name }).ToList(),
                },
            },
        };
}

/// <summary>
/// What the wall page needs, and no signed-in user (a wall has no sign-in): the fake feeds, the dashboard's SQLite
/// file with its display links and preferences, and a <see cref="ManualClock"/> for its once-a-second ticker
/// (PageContext's <see cref="StillClock"/> is registered for good and would leave the ticker to the machine's clock).
/// </summary>
public sealed class WallContext : IAsyncDisposable
{
    private readonly DashboardTestHost host;

    public WallContext(LiveFeedOptions live)
    {
        host = new DashboardTestHost(Feeds, Clock, live, services =>
        {
            services.AddSingleton<DisplayLinkStore>(); // as Wall/WallExtensions.cs registers it
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(LinkOptions)); // read when a page first asks: a test may change it before
            services.AddSingleton<DisplayAdmins>();
            services.AddSingleton<WallScreens>();
            services.AddMudServices();
        }, signedInZuid: null);
    }

    public BunitContext Context => host.Context;
    public FakeFeeds Feeds { get; } = new();
    public ManualClock Clock { get; } = new(PageContext.Now);

    /// <summary>Display-link administrators and the screens per link, as <c>Dashboard:Admins</c> and <c>Dashboard:Wall</c> set them.</summary>
    public DisplayLinkOptions LinkOptions { get; } = new();

    public T Get<T>() where T : notnull => Context.Services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => host.DisposeAsync();
}

/// <summary>
/// A clock that stands still and whose timers fire only
/// when <see cref="Advance"/> moves it past them, in time order. Needed where a page ticks on a
/// <see cref="PeriodicTimer"/>: a <see cref="StillClock"/> leaves timers to the machine's clock, so they would fire in real seconds.
/// </summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = now;

    public DateTimeOffset Now
    {
        get { lock (gate) return now; }
    }

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get { lock (gate) return timers.Count; }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Now.UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on, stopping at each moment a timer is due to fire it (callbacks run on the caller's thread).</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate) target = now + by;
        while (true)
        {
            ManualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    now = target;
                    return;
                }
                now = next.Due;
                if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan) next.Due += next.Period;
                else timers.Remove(next);
            }
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }
        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                (Due, Period) = (clock.now + dueTime, period);
                clock.timers.Add(this);
                return true;
            }
        }

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
