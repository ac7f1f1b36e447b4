using AgentDashboard.Web.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace AgentDashboard.Web.Tests;

public sealed class ZohoTokenStoreTestsOnSqlite : ZohoTokenStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.SqliteAsync();
}

public sealed class ZohoTokenStoreTestsOnPostgres : ZohoTokenStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.PostgresAsync();
}

/// <summary>Zoho tokens in the database on each engine: kept, replaced, deleted, and sealed so the rows give no token.</summary>
public abstract class ZohoTokenStoreTests : IAsyncLifetime
{
    private IStoreEngine engine = null!;
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IStoreEngine> StartEngineAsync();

    public async Task InitializeAsync() => engine = await StartEngineAsync();

    public async Task DisposeAsync() => await engine.DisposeAsync();

    [Fact]
    public async Task Tokens_round_trip_are_replaced_and_deleted_and_the_stored_row_holds_neither_token()
    {
        var store = new DatabaseZohoTokenStore(engine.Database, new EphemeralDataProtectionProvider());
        var tokens = new StoredZohoTokens("zuid-1", new Uri("https://accounts.zoho.eu/"), new Uri("https://voice.zoho.eu/"),
            "access-token-text-1234", SimulatedTime.TuesdayMorning.AddMinutes(55), "refresh-token-text-5678");
        var other = tokens with { Zuid = "zuid-2", AccessToken = "access-token-of-zuid-2", RefreshToken = null };

        Assert.Null(await store.GetAsync("zuid-1", Ct));
        await store.SaveAsync(tokens, Ct);
        await store.SaveAsync(other, Ct);
        Assert.Equal(tokens, await store.GetAsync("zuid-1", Ct));
        Assert.Equal(other, await store.GetAsync("zuid-2", Ct));

        string stored = await engine.StoredTextAsync("zoho_tokens");
        Assert.Contains("zuid-1", stored);
        Assert.DoesNotContain("access-token-text-1234", stored);
        Assert.DoesNotContain("refresh-token-text-5678", stored);
        Assert.DoesNotContain("access-token-of-zuid-2", stored);

        var refreshed = tokens with { AccessToken = "access-token-text-9999", RefreshAt = tokens.RefreshAt.AddHours(1) };
        await store.SaveAsync(refreshed, Ct);
        Assert.Equal(refreshed, await store.GetAsync("zuid-1", Ct));

        await store.DeleteAsync("zuid-1", Ct);
        Assert.Null(await store.GetAsync("zuid-1", Ct));
        Assert.Equal(other, await store.GetAsync("zuid-2", Ct));
    }
}
