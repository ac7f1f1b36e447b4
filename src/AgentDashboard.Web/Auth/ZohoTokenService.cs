using System.Collections.Concurrent;
using AgentDashboard.Web.Operations;
using AgentDashboard.Web.Store;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// Each signed-in user's Zoho tokens, for every Zoho call the server makes on their behalf: it hands out the
/// access token, refreshes it shortly before it expires (and when Zoho rejects it), and ends the user's Zoho session
/// when Zoho says the refresh token is dead. Refresh, sign-in and sign-out of one user take one lock, held across every
/// instance that shares the store, and read the store afresh under it: a refresh in flight can neither bring back a
/// token that sign-out revoked nor overwrite the one a new sign-in brought. Tokens are cached for
/// <see cref="CacheLifetime"/>, so a sign-out on another instance is seen here within that time.
/// </summary>
public sealed class ZohoTokenService(
    IZohoTokenStore store,
    DashboardDatabase database,
    IHttpClientFactory httpClients,
    IOptions<ZohoSignInOptions> signIn,
    TimeProvider clock,
    ILogger<ZohoTokenService> logger,
    DashboardMetrics metrics) : IZohoAccessTokenSource
{
    public const string AccountsHttpClient = "zoho-accounts";

    /// <summary>How long tokens read from the store are used before they are read again.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (StoredZohoTokens Tokens, DateTimeOffset ReadAt)> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> changes = new(StringComparer.Ordinal); // saves and deletes per user
    private int refreshes;

    /// <summary>Refreshes made, for tests of the single flight.</summary>
    internal int Refreshes => refreshes;

    public ZohoAccountsClient Accounts => new(httpClients.CreateClient(AccountsHttpClient));

    public async ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken)
    {
        if (userId is null || await LoadAsync(userId, cancellationToken) is not { } tokens)
        {
            return null;
        }
        return IsFresh(tokens) ? Access(tokens) : await RefreshAsync(userId, tokens.AccessToken, cancellationToken);
    }

    public async ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken)
    {
        if (userId is null) return null;
        await using var held = await LockAsync(userId, cancellationToken);
        if (await LoadAsync(userId, cancellationToken, afresh: true) is not { } current)
        {
            return null;
        }
        if (current.AccessToken != rejectedToken && IsFresh(current))
        {
            return Access(current); // another caller refreshed while this one waited
        }
        if (current.RefreshToken is null)
        {
            throw SessionEnded();
        }
        var answer = await RefreshAtZohoAsync(current.AccountsServer, current.RefreshToken, cancellationToken);
        Interlocked.Increment(ref refreshes);
        metrics.TokenRefreshed(answer switch
        {
            { Error: null, AccessToken: not null } => "ok",
            { Error: "invalid_code" or "invalid_grant" } => "session_ended",
            { Error: "Access Denied" } => "rate_limited",
            { Error: "invalid_client" } => "client_rejected",
            _ => "unexpected",
        });
        switch (answer)
        {
            case { Error: null, AccessToken: { } accessToken }:
                var refreshed = current with { AccessToken = accessToken, RefreshAt = StoredZohoTokens.RefreshMoment(clock.GetUtcNow(), answer.ExpiresIn) };
                await SaveAsync(refreshed, cancellationToken);
                return Access(refreshed);
            case { Error: "invalid_code" or "invalid_grant" }:
                logger.LogInformation("Zoho refused the refresh token of user {Zuid} ({Error}); their Zoho session has ended.", userId, answer.Error);
                await ForgetAsync(userId, cancellationToken);
                throw SessionEnded();
            case { Error: "Access Denied" }:
                throw new ZohoApiException(ZohoFailureKind.RateLimited, "token refresh",
                    "Zoho is not issuing new access tokens for this account for a few minutes (too many in a short time). Try again shortly.");
            case { Error: "invalid_client" }:
                // The dashboard's registration, not the user's token: signing everyone out would not help.
                logger.LogError("Zoho refused the dashboard's client registration (invalid_client) while renewing a token: check Zoho:ClientId and Zoho:ClientSecret.");
                throw new ZohoApiException(ZohoFailureKind.ClientRejected, "token refresh",
                    "Zoho refused this dashboard's client registration, so no page can read Zoho Voice. An administrator must check the dashboard's Zoho client id and secret; your sign-in is kept.");
            default:
                throw new ZohoApiException(ZohoFailureKind.Unexpected, "token refresh",
                    $"Zoho did not renew the access token ({answer.Error ?? "no access token in its answer"}). Try again shortly.");
        }
    }

    /// <summary>A refresh Zoho did not answer (unreachable, time-out) is counted here; an answer, by the caller.</summary>
    private async Task<ZohoTokenAnswer> RefreshAtZohoAsync(Uri accountsServer, string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            return await Accounts.RefreshAsync(accountsServer, ClientId, ClientSecret, refreshToken, cancellationToken);
        }
        catch (ZohoApiException error)
        {
            metrics.TokenRefreshed(ZohoMetrics.Outcome(error.Kind));
            throw;
        }
    }

    /// <summary>Keeps a new sign-in's tokens. A refresh token this user already had here is revoked: one per user is enough.</summary>
    public async Task SaveSignInAsync(StoredZohoTokens tokens, CancellationToken cancellationToken)
    {
        await using var held = await LockAsync(tokens.Zuid, cancellationToken);
        var previous = await LoadAsync(tokens.Zuid, cancellationToken, afresh: true);
        var kept = tokens.RefreshToken is null && previous?.RefreshToken is { } old && previous.AccountsServer == tokens.AccountsServer
            ? tokens with { RefreshToken = old }
            : tokens;
        await SaveAsync(kept, cancellationToken);
        if (previous?.RefreshToken is { } replaced && replaced != kept.RefreshToken)
        {
            await RevokeQuietlyAsync(previous.AccountsServer, replaced, tokens.Zuid, cancellationToken);
        }
    }

    /// <summary>Whether a live refresh token is held for this user (so a new sign-in need not ask for another).</summary>
    public async Task<bool> HasRefreshTokenAsync(string zuid, CancellationToken cancellationToken) =>
        (await LoadAsync(zuid, cancellationToken))?.RefreshToken is not null;

    /// <summary>
    /// Sign-out: the refresh token is revoked at Zoho and deleted here, when <paramref name="onlyIf"/> (asked under the
    /// user's lock) agrees. Returns whether the tokens went.
    /// </summary>
    public async Task<bool> SignOutAsync(string zuid, CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? onlyIf = null)
    {
        await using var held = await LockAsync(zuid, cancellationToken);
        if (onlyIf is not null && !await onlyIf(cancellationToken)) return false;
        if (await LoadAsync(zuid, cancellationToken, afresh: true) is { RefreshToken: { } refresh } tokens)
        {
            await RevokeQuietlyAsync(tokens.AccountsServer, refresh, zuid, cancellationToken);
        }
        await ForgetAsync(zuid, cancellationToken);
        return true;
    }

    /// <summary>The user's lock, released when the returned value is disposed.</summary>
    private Task<IAsyncDisposable> LockAsync(string zuid, CancellationToken cancellationToken) =>
        database.LockAsync("zoho-tokens:" + zuid, cancellationToken);

    private async Task RevokeQuietlyAsync(Uri accountsServer, string token, string zuid, CancellationToken cancellationToken)
    {
        try
        {
            await Accounts.RevokeAsync(accountsServer, token, cancellationToken);
        }
        catch (ZohoApiException error)
        {
            logger.LogWarning("Could not revoke a refresh token of user {Zuid} at {AccountsServer}: {Message}", zuid, accountsServer.Host, error.Message);
        }
    }

    /// <param name="afresh">From the store, not the cache: under the lock, where another instance may have changed them.</param>
    private async Task<StoredZohoTokens?> LoadAsync(string zuid, CancellationToken cancellationToken, bool afresh = false)
    {
        var now = clock.GetUtcNow();
        if (!afresh && cache.TryGetValue(zuid, out var cached) && now - cached.ReadAt < CacheLifetime) return cached.Tokens;
        int version = changes.GetValueOrDefault(zuid);
        var stored = await store.GetAsync(zuid, cancellationToken);
        // Cached only if no save or delete happened here meanwhile, and never over an entry newer than this read,
        // or a deleted token could return.
        if (changes.GetValueOrDefault(zuid) == version)
        {
            if (stored is not null) cache.AddOrUpdate(zuid, (stored, now), (_, existing) => existing.ReadAt > now ? existing : (stored, now));
            else if (cache.TryGetValue(zuid, out var old) && old.ReadAt < now) cache.TryRemove(new(zuid, old));
        }
        return stored;
    }

    private async Task SaveAsync(StoredZohoTokens tokens, CancellationToken cancellationToken)
    {
        changes.AddOrUpdate(tokens.Zuid, 1, (_, n) => n + 1);
        await store.SaveAsync(tokens, cancellationToken);
        cache[tokens.Zuid] = (tokens, clock.GetUtcNow());
    }

    private async Task ForgetAsync(string zuid, CancellationToken cancellationToken)
    {
        changes.AddOrUpdate(zuid, 1, (_, n) => n + 1);
        cache.TryRemove(zuid, out _);
        await store.DeleteAsync(zuid, cancellationToken);
        cache.TryRemove(zuid, out _);
    }

    private bool IsFresh(StoredZohoTokens tokens) => clock.GetUtcNow() < tokens.RefreshAt;

    private static ZohoAccess Access(StoredZohoTokens tokens) => new(tokens.AccessToken, tokens.VoiceBaseUrl);

    private string ClientId => signIn.Value.ClientId ?? ZohoSignInOptions.DemoClientId;
    private string ClientSecret => signIn.Value.ClientSecret ?? ZohoSignInOptions.DemoClientSecret;

    private static ZohoApiException SessionEnded() =>
        new(ZohoFailureKind.SessionEnded, "token refresh", "Your Zoho session ended - sign in again.");
}
