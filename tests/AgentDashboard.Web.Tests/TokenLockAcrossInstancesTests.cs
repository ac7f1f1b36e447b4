using AgentDashboard.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Web.Tests;

/// <summary>The per-user token lock holds across instances that share PostgreSQL: an expired token is refreshed once, not once per instance.</summary>
[Collection(SeveralInstances.Name)]
public sealed class TokenLockAcrossInstancesTests : IAsyncLifetime
{
    private static CancellationToken Ct => CancellationToken.None;
    private ScaleOutCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await ScaleOutCluster.StartAsync(instances: 2);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Two_instances_asked_at_once_for_an_expired_token_refresh_it_once_and_hand_out_the_same_new_one()
    {
        var (first, second) = (cluster.Instances[0], cluster.Instances[1]);
        string zuid = cluster.Supervisor.Zuid;
        using (var browser = new SignInFlow(first.Address))
        {
            await browser.SignInAsync(zuid);
        }
        var store = first.Services<IZohoTokenStore>();
        var signedIn = await store.GetAsync(zuid, Ct);
        Assert.NotNull(signedIn?.RefreshToken);
        await store.SaveAsync(signedIn! with { RefreshAt = cluster.Clock.GetUtcNow() - TimeSpan.FromMinutes(1) }, Ct);

        // Each instance's own services (its store, database and lock), in a token service with nothing cached yet.
        var services = new[] { first, second }.Select(h => ActivatorUtilities.CreateInstance<ZohoTokenService>(h.App.Services)).ToList();
        using var start = new ManualResetEventSlim();
        var asking = Enumerable.Range(0, 4).SelectMany(_ => services).Select(service => Task.Run(async () =>
        {
            start.Wait();
            return await service.GetAccessAsync(zuid, Ct);
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(asking);

        Assert.Equal(1, services.Sum(s => s.Refreshes));
        string newToken = Assert.Single(answers.Select(a => a?.AccessToken).Distinct())!;
        Assert.NotEqual(signedIn!.AccessToken, newToken);
        Assert.Equal(newToken, (await second.Services<IZohoTokenStore>().GetAsync(zuid, Ct))?.AccessToken);
    }
}
