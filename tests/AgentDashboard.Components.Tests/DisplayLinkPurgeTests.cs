using System.Diagnostics;
using AgentDashboard.Web.Wall;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentDashboard.Components.Tests;

/// <summary>The periodic purge of old display links, on a clock that moves only when the test moves it.</summary>
public sealed class DisplayLinkPurgeTests
{
    private static async Task<List<string>> NamesAsync(DisplayLinkStore store) =>
        (await store.ListAllAsync(CancellationToken.None)).Select(l => l.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Links_revoked_or_expired_over_30_days_ago_are_deleted_at_start_up_and_every_six_hours()
    {
        await using var page = new WallContext(DashboardTestHost.TwoQueues());
        var clock = page.Clock;
        var store = page.Get<DisplayLinkStore>();
        var (old, _) = await store.CreateAsync("700200", "Revoked long ago", new WallView(["q1"]), null, CancellationToken.None);
        Assert.True(await store.RevokeAsync("700200", old.Id, CancellationToken.None));
        await store.CreateAsync("700200", "Expired a day later", new WallView(["q1"]), TimeSpan.FromDays(1), CancellationToken.None);
        await store.CreateAsync("700200", "Active", new WallView(["q1"]), null, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromHours(1));

        var purge = new DisplayLinkPurge(store, clock, NullLogger<DisplayLinkPurge>.Instance);
        await purge.StartAsync(CancellationToken.None);
        try
        {
            // At start-up the revoked link has been closed 29 days 23 hours: kept.
            Assert.Equal(["Active", "Expired a day later", "Revoked long ago"], await NamesAsync(store));

            var waited = Stopwatch.StartNew();
            while (clock.PendingTimers == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20); // the purge's next wait has begun
            clock.Advance(DisplayLinkPurge.Interval); // 30 days 5 hours after the revocation, 29 days 5 hours after the expiry

            waited.Restart();
            while ((await NamesAsync(store)).Count == 3 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
            Assert.Equal(["Active", "Expired a day later"], await NamesAsync(store));
        }
        finally
        {
            await purge.StopAsync(CancellationToken.None);
        }
    }
}
