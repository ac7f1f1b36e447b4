using AgentDashboard.Web.Store;
using AgentDashboard.Web.Wall;

namespace AgentDashboard.Web.Tests;

public sealed class DisplayLinkStoreTestsOnSqlite : DisplayLinkStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.SqliteAsync();
}

public sealed class DisplayLinkStoreTestsOnPostgres : DisplayLinkStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.PostgresAsync();
}

/// <summary>The display-link store against a real database of each engine: the token opens its link, and is never written down.</summary>
public abstract class DisplayLinkStoreTests : IAsyncLifetime
{
    private IStoreEngine engine = null!;
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IStoreEngine> StartEngineAsync();

    public async Task InitializeAsync() => engine = await StartEngineAsync();

    public async Task DisposeAsync() => await engine.DisposeAsync();

    private DisplayLinkStore Store() => new(engine.Database, clock);

    [Fact]
    public async Task A_token_opens_its_link_and_only_a_hash_of_it_is_kept()
    {
        var store = Store();
        var (link, token) = await store.CreateAsync("zuid-1", "Floor 2", new WallView(["q1", "q2"], RotateQueues: true), TimeSpan.FromDays(7), Ct);

        Assert.Equal(43, token.Length); // 256 bits, base64url
        var found = (await store.FindAsync(token, Ct))!;
        Assert.Equal((link.Id, link.Zuid, link.Name, true), (found.Id, found.Zuid, found.Name, found.View.RotateQueues));
        Assert.Equal(link.ExpiresAt!.Value.ToUnixTimeMilliseconds(), found.ExpiresAt!.Value.ToUnixTimeMilliseconds());
        Assert.Null(await store.FindAsync(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), Ct));
        Assert.Equal(["q1", "q2"], (await store.FindAsync(token, Ct))!.View.QueueIds);
        string stored = await engine.StoredTextAsync("display_links");
        Assert.Contains(link.Id, stored); // the row is there to be read
        Assert.DoesNotContain(token, stored);
    }

    [Fact]
    public async Task Links_expire_and_only_their_supervisor_revokes_them()
    {
        var store = Store();
        var (link, token) = await store.CreateAsync("zuid-1", "Floor 2", new WallView(["q1"]), TimeSpan.FromDays(1), Ct);
        string? revoked = null;
        store.Revoked += id => revoked = id;

        Assert.False(await store.RevokeAsync("zuid-2", link.Id, Ct));
        Assert.True((await store.FindAsync(token, Ct))!.IsActive(clock.GetUtcNow()));
        Assert.False((await store.FindAsync(token, Ct))!.IsActive(clock.GetUtcNow().AddDays(2)));
        Assert.Equal("expired", (await store.FindAsync(token, Ct))!.State(clock.GetUtcNow().AddDays(2)));

        Assert.True(await store.RevokeAsync("zuid-1", link.Id, Ct));
        Assert.Equal(link.Id, revoked);
        Assert.Equal("revoked", (await store.FindAsync(token, Ct))!.State(clock.GetUtcNow()));
        Assert.Single(await store.ListAsync("zuid-1", Ct));
        Assert.Empty(await store.ListAsync("zuid-2", Ct));
    }

    [Fact]
    public async Task Links_closed_over_30_days_ago_are_purged_and_the_rest_kept()
    {
        var store = Store();
        var (revoked, revokedToken) = await store.CreateAsync("zuid-1", "Revoked", new WallView(["q1"]), null, Ct);
        Assert.True(await store.RevokeAsync("zuid-1", revoked.Id, Ct));
        var (_, expiredToken) = await store.CreateAsync("zuid-1", "Expires in a day", new WallView(["q1"]), TimeSpan.FromDays(1), Ct);
        var (_, activeToken) = await store.CreateAsync("zuid-2", "Never expires", new WallView(["q1"]), null, Ct);
        var (_, laterToken) = await store.CreateAsync("zuid-2", "Expires in 60 days", new WallView(["q1"]), TimeSpan.FromDays(60), Ct);

        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await store.PurgeAsync(Ct)); // revoked 30 days less a minute ago: still listed

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await store.PurgeAsync(Ct));
        Assert.Null(await store.FindAsync(revokedToken, Ct));
        Assert.NotNull(await store.FindAsync(expiredToken, Ct)); // expired 29 days ago

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await store.PurgeAsync(Ct));
        Assert.Null(await store.FindAsync(expiredToken, Ct));
        Assert.NotNull(await store.FindAsync(activeToken, Ct));
        Assert.NotNull(await store.FindAsync(laterToken, Ct)); // expired a day ago
    }

    [Fact]
    public async Task Every_link_is_listed_with_who_made_it_and_any_can_be_revoked_by_an_administrators_call()
    {
        var store = Store();
        var (first, _) = await store.CreateAsync("zuid-1", "Floor 1", new WallView(["q1"]), null, Ct, madeBy: "Ann Admin");
        clock.Advance(TimeSpan.FromSeconds(1));
        var (second, token) = await store.CreateAsync("zuid-2", "Floor 2", new WallView(["q1"]), null, Ct, madeBy: "Bob Boss");

        var all = await store.ListAllAsync(Ct);
        Assert.Equal([("Floor 2", "zuid-2", "Bob Boss"), ("Floor 1", "zuid-1", "Ann Admin")], all.Select(l => (l.Name, l.Zuid, l.MadeBy)).ToList());

        Assert.True(await store.RevokeAnyAsync(second.Id, Ct));
        Assert.False(await store.RevokeAnyAsync(second.Id, Ct)); // already revoked
        Assert.False(await store.RevokeAnyAsync("no-such-link", Ct));
        Assert.Equal("revoked", (await store.FindAsync(token, Ct))!.State(clock.GetUtcNow()));
        Assert.Null((await store.ListAsync("zuid-1", Ct)).Single(l => l.Id == first.Id).RevokedAt);
    }
}
