using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Wall;

namespace AgentDashboard.Web.Tests;

/// <summary>The display-link store against a real SQLite file: the token opens its link, and is never written down.</summary>
public sealed class DisplayLinkStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "agentdashboard-links-" + Guid.NewGuid().ToString("N"));
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private static CancellationToken Ct => CancellationToken.None;

    private DisplayLinkStore Store() => new(DashboardDatabase.InDataFolder(folder), clock);

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(folder, "agentdashboard.db"))));
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
