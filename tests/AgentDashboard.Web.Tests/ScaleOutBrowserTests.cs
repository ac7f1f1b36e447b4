using AgentDashboard.Testing;
using AgentDashboard.Web.Wall;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A wall in Chromium behind a load balancer in front of two instances: when the instance holding its circuit goes
/// away, the wall reloads onto the other by itself and follows the feed there.
/// </summary>
[Collection(SeveralInstances.Name)]
public sealed class ScaleOutBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private ScaleOutCluster cluster = null!;
    private FailoverProxy balancer = null!;

    public async Task InitializeAsync()
    {
        cluster = await ScaleOutCluster.StartAsync(instances: 2, pollInterval: TimeSpan.FromSeconds(1));
        balancer = new FailoverProxy([.. cluster.Instances.Select(i => i.Address)]);
    }

    public async Task DisposeAsync()
    {
        await balancer.DisposeAsync();
        await cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_wall_whose_instance_goes_away_reloads_onto_the_other_and_keeps_following_the_feed()
    {
        var (first, second) = (cluster.Instances[0], cluster.Instances[1]);
        using (var supervisor = new SignInFlow(first.Address))
        {
            await supervisor.SignInAsync(cluster.Supervisor.Zuid);
        }
        var (_, token) = await first.Services<DisplayLinkStore>().CreateAsync(cluster.Supervisor.Zuid, "Floor 4",
            new WallView([cluster.Watched.Id]), null, CancellationToken.None);
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var wall = await context.NewPageAsync();
        await wall.GotoAsync(new Uri(balancer.Address, "wall/" + token).ToString());
        var tiles = wall.Locator("#wall-tiles .tile");
        int agents = cluster.Watched.Members.Count();
        await Assertions.Expect(tiles).ToHaveCountAsync(agents, new() { Timeout = 20_000 });
        Assert.Equal(1, first.Services<Live.LiveFeedHub>().FeedCount); // the balancer sent it to the first

        await cluster.StopAsync(first);

        // No hand on the screen: the balancer sends its reconnection to the second, which knows no such circuit, so it
        // reloads there and shows the feed that instance now polls.
        await Assertions.Expect(wall.Locator("#wall-offline")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(tiles).ToHaveCountAsync(agents, new() { Timeout = 30_000 });
        long asOf = await AsOfAsync(wall);
        await Assertions.Expect(wall.Locator($"#wall-asof [data-epoch]:not([data-epoch='{asOf}'])")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        Assert.Equal(1, second.Services<Live.LiveFeedHub>().FeedCount);
    }

    private static async Task<long> AsOfAsync(IPage wall) =>
        long.Parse(await wall.Locator("#wall-asof [data-epoch]").GetAttributeAsync("data-epoch") ?? "0");
}
