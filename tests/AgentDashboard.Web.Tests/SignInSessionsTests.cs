using AgentDashboard.Web.Auth;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

public sealed class SignInSessionsTestsOnSqlite : SignInSessionsTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.SqliteAsync();
}

public sealed class SignInSessionsTestsOnPostgres : SignInSessionsTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.PostgresAsync();
}

/// <summary>Server-side sign-in sessions on each engine: one ends alone, or all of a supervisor's together.</summary>
public abstract class SignInSessionsTests : IAsyncLifetime
{
    private IStoreEngine engine = null!;
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IStoreEngine> StartEngineAsync();

    public async Task InitializeAsync() => engine = await StartEngineAsync();

    public async Task DisposeAsync() => await engine.DisposeAsync();

    [Fact]
    public async Task A_session_holds_for_its_own_supervisor_until_it_is_ended_alone_or_with_all_of_theirs()
    {
        var sessions = new SignInSessions(engine.Database, Options.Create(new SignInSessionOptions()));
        string laptop = await sessions.StartAsync("zuid-1", Ct);
        string phone = await sessions.StartAsync("zuid-1", Ct);
        string tablet = await sessions.StartAsync("zuid-1", Ct);
        string someoneElse = await sessions.StartAsync("zuid-2", Ct);

        Assert.True(await sessions.IsActiveAsync(laptop, "zuid-1", Ct));
        Assert.False(await sessions.IsActiveAsync(laptop, "zuid-2", Ct));
        Assert.False(await sessions.IsActiveAsync("never-issued", "zuid-1", Ct));
        Assert.False(await sessions.IsActiveAsync(null, "zuid-1", Ct));

        Assert.Equal(2, await sessions.EndAsync(laptop, "zuid-1", Ct)); // the phone and the tablet still hold
        Assert.False(await sessions.IsActiveAsync(laptop, "zuid-1", Ct));
        Assert.True(await sessions.IsActiveAsync(phone, "zuid-1", Ct));
        Assert.Equal(2, await sessions.EndAsync(laptop, "zuid-1", Ct)); // ending it again changes nothing

        await sessions.EndAllAsync("zuid-1", Ct);
        Assert.False(await sessions.IsActiveAsync(phone, "zuid-1", Ct));
        Assert.False(await sessions.IsActiveAsync(tablet, "zuid-1", Ct));
        Assert.True(await sessions.IsActiveAsync(someoneElse, "zuid-2", Ct));
        Assert.Equal(0, await sessions.EndAsync(someoneElse, "zuid-2", Ct));

        // Only hashes of the ids are kept.
        string stored = await engine.StoredTextAsync("sign_in_sessions");
        Assert.Contains("zuid-2", stored);
        Assert.All(new[] { laptop, phone, tablet, someoneElse }, id => Assert.DoesNotContain(id, stored));
    }
}
