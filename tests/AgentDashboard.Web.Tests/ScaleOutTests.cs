using System.Diagnostics;
using System.Net;
using AgentDashboard.Core.Live;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Npgsql;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Three dashboard instances in one process on one PostgreSQL database (<see cref="ScaleOutCluster"/>): what one
/// keeps the others read, and each feed is polled by one of them, handed over when it stops or dies.
/// </summary>
[Collection(SeveralInstances.Name)]
public sealed class ScaleOutTests : IAsyncLifetime
{
    private static CancellationToken Ct => CancellationToken.None;
    private ScaleOutCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await ScaleOutCluster.StartAsync(instances: 3, pollInterval: TimeSpan.FromSeconds(3));

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private TimeSpan Interval => cluster.PollInterval;

    [Fact]
    public async Task Three_instances_starting_together_migrate_the_schema_once_and_share_one_key_ring()
    {
        await using var connection = new NpgsqlConnection(cluster.Database.ConnectionString);
        await connection.OpenAsync();
        await using var steps = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
        var versions = new List<int>();
        await using (var reader = await steps.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) versions.Add(reader.GetInt32(0));
        }
        Assert.Equal([1, 2, 3, 4], versions); // every step, once

        // A fourth instance, later, finds nothing to do.
        await cluster.StartInstanceAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM schema_migrations", connection);
        Assert.Equal(4L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_holds_on_the_others_and_a_sign_out_on_another_ends_it_everywhere()
    {
        var (first, second, third) = (cluster.Instances[0], cluster.Instances[1], cluster.Instances[2]);
        using var browser = new SignInFlow(first.Address);
        await browser.SignInAsync(cluster.Supervisor.Zuid);

        // The cookie first issued is read by the others (same keys), and their Zoho calls use the tokens first kept.
        foreach (var other in new[] { second, third })
        {
            using var elsewhere = new HttpClient(new SocketsHttpHandler { CookieContainer = browser.Cookies, AllowAutoRedirect = false }) { BaseAddress = other.Address };
            Assert.Contains($"Signed in as {cluster.Supervisor.Name}", await elsewhere.GetStringAsync("/"));
            string live = await elsewhere.GetStringAsync("/live");
            Assert.All(cluster.Watched.Members, m => Assert.Contains($"data-agent=\"{cluster.Simulation.Centre.Agents[m].Id}\"", live));
        }

        // Signing out through the third ends the session and the tokens for all.
        using (var third_ = new SignInFlow(third.Address))
        {
            foreach (Cookie cookie in browser.Cookies.GetAllCookies()) third_.Cookies.Add(cookie);
            using var signedOut = await third_.SignOutAsync();
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }
        Assert.Null(await first.Services<IZohoTokenStore>().GetAsync(cluster.Supervisor.Zuid, Ct));
        Assert.DoesNotContain($"Signed in as {cluster.Supervisor.Name}", await browser.PageAsync("/"));
    }

    [Fact]
    public async Task A_display_link_made_on_one_instance_opens_a_wall_on_another_and_a_revocation_anywhere_closes_it_everywhere()
    {
        var (first, second, third) = (cluster.Instances[0], cluster.Instances[1], cluster.Instances[2]);
        var (link, token) = await first.Services<DisplayLinkStore>().CreateAsync(cluster.Supervisor.Zuid, "Floor 2",
            new WallView([cluster.Watched.Id]), null, Ct);
        using var http = new HttpClient();
        using (var opened = await http.GetAsync(new Uri(second.Address, $"/wall/{token}")))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        Assert.True(await third.Services<DisplayLinkStore>().RevokeAsync(cluster.Supervisor.Zuid, link.Id, Ct));
        using var closed = await http.GetAsync(new Uri(first.Address, $"/wall/{token}"));
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
    }

    [Fact]
    public async Task One_instance_polls_a_feed_watched_on_all_three_and_the_others_show_its_boards()
    {
        var watching = await WatchEverywhereAsync();
        var holder = await PollerAsync();
        var polled = PollCounts();
        // Three more boards reach every instance; all of them polled by the one.
        var from = watching.Max(w => w.Subscription.Current.AsOf);
        await Task.WhenAll(watching.Select(w => NewerAsync(w.Subscription, from, boards: 3)));
        var polls = Since(polled);
        Assert.All(watching.Where(w => w.Host != holder), w => Assert.Equal(0, polls[w.Host]));
        // A poll is counted when its request goes out, so one in flight when the counts were read brings a board
        // without adding to them; one more may be on its way when the last board lands.
        Assert.InRange(polls[holder], 2, 5);
        // The same board everywhere, once the last notification has arrived.
        await EventuallyAsync(() => watching.Select(w => w.Subscription.Current.AsOf).Distinct().Count() == 1, seconds: 10);
        foreach (var w in watching) w.Subscription.Dispose();
    }

    [Fact]
    public async Task When_the_polling_instance_dies_another_takes_over_within_two_intervals_and_only_it_polls()
    {
        var watching = await WatchEverywhereAsync();
        var holder = await PollerAsync();
        var survivors = watching.Where(w => w.Host != holder).ToList();

        // It dies: its leases are neither renewed nor handed back (its feeds stop polling when they lapse).
        var died = Stopwatch.StartNew();
        holder.Services<PostgresFeedSharing>().Dispose();
        var survivorPolls = survivors.ToDictionary(w => w.Host, w => w.Host.Services<LiveFeedHub>().Polls);
        await EventuallyAsync(() => survivors.Any(w => w.Host.Services<LiveFeedHub>().Polls > survivorPolls[w.Host]));
        // The dead one polled its last board before its lease lapsed; anything newer is the new poller's.
        var deadOnesLast = watching.Single(w => w.Host == holder).Subscription.Current.AsOf;
        await EventuallyAsync(() => survivors.All(w => IsNewer(w.Subscription.Current.AsOf, deadOnesLast)));
        var taken = died.Elapsed;
        Assert.True(taken < 2 * Interval, $"the next board came {taken.TotalSeconds:F1} s after the poller died (interval {Interval.TotalSeconds} s)");

        // From then on one survivor polls, and the dead one no longer does.
        var polled = PollCounts();
        await NewerAsync(survivors[0].Subscription, survivors[0].Subscription.Current.AsOf, boards: 3);
        var polls = Since(polled);
        Assert.Equal(0, polls[holder]);
        Assert.Single(survivors, w => polls[w.Host] > 0);
        foreach (var w in watching) w.Subscription.Dispose();
    }

    [Fact]
    public async Task When_the_polling_instance_stops_it_hands_the_feed_over_and_nothing_it_kept_is_lost()
    {
        var (link, token) = await cluster.Instances[0].Services<DisplayLinkStore>().CreateAsync(cluster.Supervisor.Zuid, "Floor 3",
            new WallView([cluster.Watched.Id]), null, Ct);
        var watching = await WatchEverywhereAsync();
        var holder = await PollerAsync();
        var survivors = watching.Where(w => w.Host != holder).ToList();
        var lastBoard = survivors[0].Subscription.Current.AsOf;

        var stopped = Stopwatch.StartNew();
        await cluster.StopAsync(holder);
        await Task.WhenAll(survivors.Select(w => NewerAsync(w.Subscription, lastBoard, boards: 1)));
        Assert.True(stopped.Elapsed < 2 * Interval, $"the next board came {stopped.Elapsed.TotalSeconds:F1} s after the poller stopped");

        var survivor = survivors[0].Host;
        Assert.NotNull(await survivor.Services<IZohoTokenStore>().GetAsync(cluster.Supervisor.Zuid, Ct));
        Assert.Equal(link.Id, (await survivor.Services<DisplayLinkStore>().FindAsync(token, Ct))?.Id);
        foreach (var w in survivors) w.Subscription.Dispose();
    }

    private static async Task EventuallyAsync(Func<bool> condition, double seconds = 30)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds)) throw new Xunit.Sdk.XunitException($"not true within {seconds} s");
            await Task.Delay(20);
        }
    }

    private sealed record Watching(DashboardHost Host, LiveSubscription Subscription);

    /// <summary>The supervisor signs in (on the first instance), and every instance's viewer watches their queue.</summary>
    private async Task<List<Watching>> WatchEverywhereAsync()
    {
        using (var browser = new SignInFlow(cluster.Instances[0].Address))
        {
            await browser.SignInAsync(cluster.Supervisor.Zuid);
        }
        var watching = cluster.Instances.Select(host => new Watching(host,
            host.Services<ILiveFeeds>().Subscribe(cluster.Supervisor.Zuid, LiveScope.Queues(cluster.Watched.Id)))).ToList();
        await Task.WhenAll(watching.Select(w => NewerAsync(w.Subscription, null, boards: 1)));
        return watching;
    }

    /// <summary>The instance that polls: the one whose count of polls grows.</summary>
    private async Task<DashboardHost> PollerAsync()
    {
        var before = PollCounts();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var growing = Since(before).Where(p => p.Value > 0).Select(p => p.Key).ToList();
            if (growing.Count > 0) return Assert.Single(growing);
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("no instance polled within 30 s");
    }

    private Dictionary<DashboardHost, long> PollCounts() => cluster.Instances.ToDictionary(h => h, h => h.Services<LiveFeedHub>().Polls);

    private Dictionary<DashboardHost, long> Since(Dictionary<DashboardHost, long> before) =>
        before.ToDictionary(p => p.Key, p => p.Key.Services<LiveFeedHub>().Polls - p.Value);

    private static bool IsNewer(DateTimeOffset? asOf, DateTimeOffset? than) => asOf is { } at && (than is not { } before || at > before);

    /// <summary>Reads boards until <paramref name="boards"/> newer than <paramref name="after"/> have come; returns the last.</summary>
    private static async Task<BoardSnapshot> NewerAsync(LiveSubscription subscription, DateTimeOffset? after, int boards, double seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var latest = subscription.Current;
        int seen = IsNewer(latest.AsOf, after) ? 1 : 0;
        while (seen < boards)
        {
            var board = await subscription.Updates.ReadAsync(timeout.Token);
            if (IsNewer(board.AsOf, seen == 0 ? after : latest.AsOf))
            {
                latest = board;
                seen++;
            }
        }
        return latest;
    }
}
