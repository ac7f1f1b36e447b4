using System.Security.Cryptography;
using System.Text;
using AgentDashboard.Simulator.Model;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator.Accounts;

/// <summary>What the token endpoint answers: tokens, or a Zoho error code (Zoho answers these with HTTP 200).</summary>
public sealed record TokenResult(string? AccessToken, string? RefreshToken, string? Scope, long ExpiresInSeconds, string? Error, string? ErrorDescription = null)
{
    public static TokenResult Fail(string error, string? description = null) => new(null, null, null, 0, error, description);
}

/// <summary>
/// The simulated accounts server's grants and tokens, with Zoho's documented limits: a refresh token mints at
/// most 10 access tokens in 10 minutes (then is blocked for the rest of them); a refresh token has at most 30
/// live access tokens (the 31st deletes the oldest); a user has at most 20 refresh tokens (the 21st deletes the
/// oldest); at most 5 refresh tokens are created per user per minute.
/// </summary>
public sealed class TokenStore
{
    public const int MintsPerWindow = 10;
    public static readonly TimeSpan MintWindow = TimeSpan.FromMinutes(10);
    public const int LiveAccessTokensPerRefresh = 30;
    public const int RefreshTokensPerUser = 20;
    public const int RefreshTokensPerMinute = 5;
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);

    private sealed record Grant(string ClientId, string RedirectUri, int User, string[] Scopes, bool Offline, string? Challenge, DateTimeOffset Expires);

    private sealed class Refresh(string token, string clientId, int user, string[] scopes, DateTimeOffset created)
    {
        public string Token { get; } = token;
        public string ClientId { get; } = clientId;
        public int User { get; } = user;
        public string[] Scopes { get; } = scopes;
        public DateTimeOffset Created { get; } = created;
        public List<DateTimeOffset> Mints { get; } = [];
        public LinkedList<string> AccessTokens { get; } = new();
        public DateTimeOffset BlockedUntil { get; set; }
    }

    private sealed record Access(string Token, int User, string[] Scopes, DateTimeOffset Expires, Refresh? Parent);

    private readonly IOptions<SimulatorOptions> options;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private readonly Dictionary<string, Grant> grants = [];
    private readonly Dictionary<string, Refresh> refreshTokens = [];
    private readonly Dictionary<string, Access> accessTokens = [];
    private readonly Dictionary<int, List<DateTimeOffset>> refreshCreations = [];

    public TokenStore(IOptions<SimulatorOptions> options, TimeProvider clock)
    {
        this.options = options;
        this.clock = clock;
        Load();
    }

    public string IssueCode(string clientId, string redirectUri, User user, string[] scopes, bool offline, string? codeChallenge)
    {
        string code = NewToken();
        lock (gate)
        {
            grants[code] = new Grant(clientId, redirectUri, user.Index, scopes, offline, codeChallenge, clock.GetUtcNow() + CodeLifetime);
        }
        return code;
    }

    public TokenResult ExchangeCode(string clientId, string code, string? redirectUri, string? codeVerifier)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!grants.Remove(code, out var grant) || grant.Expires < now || grant.ClientId != clientId)
            {
                return TokenResult.Fail("invalid_code");
            }
            if (redirectUri is not null && redirectUri != grant.RedirectUri)
            {
                return TokenResult.Fail("invalid_redirect_uri");
            }
            if (grant.Challenge is not null && (codeVerifier is null || S256(codeVerifier) != grant.Challenge))
            {
                return TokenResult.Fail("invalid_code", "The code_verifier does not match the code_challenge.");
            }
            Refresh? refresh = null;
            if (grant.Offline)
            {
                var created = refreshCreations.TryGetValue(grant.User, out var list) ? list : refreshCreations[grant.User] = [];
                created.RemoveAll(t => now - t > TimeSpan.FromMinutes(1));
                if (created.Count >= RefreshTokensPerMinute)
                {
                    return TokenResult.Fail("Access Denied", "You have made too many requests continuously. Please try again after some time.");
                }
                created.Add(now);
                refresh = new Refresh(NewToken(), clientId, grant.User, grant.Scopes, now);
                refreshTokens[refresh.Token] = refresh;
                var users = refreshTokens.Values.Where(r => r.User == grant.User).OrderBy(r => r.Created).ToList();
                foreach (var oldest in users.Take(Math.Max(0, users.Count - RefreshTokensPerUser)))
                {
                    RevokeRefresh(oldest);
                }
                Save();
            }
            var access = Mint(grant.User, grant.Scopes, refresh, now);
            return new TokenResult(access.Token, refresh?.Token, string.Join(',', grant.Scopes), (long)options.Value.AccessTokenLifetime.TotalSeconds, null);
        }
    }

    public TokenResult RefreshAccess(string clientId, string refreshToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (!refreshTokens.TryGetValue(refreshToken, out var refresh) || refresh.ClientId != clientId)
            {
                return TokenResult.Fail("invalid_code");
            }
            if (refresh.BlockedUntil > now)
            {
                return TokenResult.Fail("Access Denied", "You have made too many requests continuously. Please try again after some time.");
            }
            refresh.Mints.RemoveAll(t => now - t >= MintWindow);
            if (refresh.Mints.Count >= MintsPerWindow)
            {
                refresh.BlockedUntil = refresh.Mints[0] + MintWindow;
                return TokenResult.Fail("Access Denied", "You have made too many requests continuously. Please try again after some time.");
            }
            var access = Mint(refresh.User, refresh.Scopes, refresh, now);
            return new TokenResult(access.Token, null, string.Join(',', refresh.Scopes), (long)options.Value.AccessTokenLifetime.TotalSeconds, null);
        }
    }

    /// <summary>Revokes a refresh token (and every access token it minted) or a single access token.</summary>
    public bool Revoke(string token)
    {
        lock (gate)
        {
            if (refreshTokens.TryGetValue(token, out var refresh))
            {
                RevokeRefresh(refresh);
                return true;
            }
            return accessTokens.Remove(token);
        }
    }

    /// <summary>The user behind a live access token that carries <paramref name="scope"/>.</summary>
    public (int? User, bool ScopeMissing) Authenticate(string? accessToken, string scope)
    {
        if (accessToken is null) return (null, false);
        lock (gate)
        {
            if (!accessTokens.TryGetValue(accessToken, out var access) || access.Expires <= clock.GetUtcNow())
            {
                return (null, false);
            }
            return HasScope(access.Scopes, scope) ? (access.User, false) : (access.User, true);
        }
    }

    /// <summary>Test control: every access token of the user expires now (refresh tokens stay valid).</summary>
    public int ExpireAccessTokens(int user)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var mine = accessTokens.Values.Where(a => a.User == user).ToList();
            foreach (var access in mine) accessTokens[access.Token] = access with { Expires = now };
            return mine.Count;
        }
    }

    /// <summary>Test control: every token of the user is revoked, as when they remove the app's access.</summary>
    public int RevokeAll(int user)
    {
        lock (gate)
        {
            var mine = refreshTokens.Values.Where(r => r.User == user).ToList();
            foreach (var refresh in mine) RevokeRefresh(refresh);
            foreach (var access in accessTokens.Values.Where(a => a.User == user).ToList()) accessTokens.Remove(access.Token);
            return mine.Count;
        }
    }

    /// <summary>Counters for tests: the user's live refresh tokens and access tokens.</summary>
    public (int RefreshTokens, int AccessTokens) Count(int user)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return (refreshTokens.Values.Count(r => r.User == user), accessTokens.Values.Count(a => a.User == user && a.Expires > now));
        }
    }

    private Access Mint(int user, string[] scopes, Refresh? parent, DateTimeOffset now)
    {
        var access = new Access(NewToken(), user, scopes, now + options.Value.AccessTokenLifetime, parent);
        accessTokens[access.Token] = access;
        if (parent is not null)
        {
            parent.Mints.Add(now);
            parent.AccessTokens.AddLast(access.Token);
            while (parent.AccessTokens.Count > LiveAccessTokensPerRefresh)
            {
                accessTokens.Remove(parent.AccessTokens.First!.Value);
                parent.AccessTokens.RemoveFirst();
            }
        }
        return access;
    }

    private void RevokeRefresh(Refresh refresh)
    {
        refreshTokens.Remove(refresh.Token);
        foreach (string token in refresh.AccessTokens) accessTokens.Remove(token);
        Save();
    }

    private sealed record StoredRefresh(string Token, string ClientId, int User, string[] Scopes, DateTimeOffset Created);

    /// <summary>Reads the refresh tokens kept by an earlier run (access tokens are not kept: a client refreshes after a 401).</summary>
    private void Load()
    {
        if (options.Value.RefreshTokenFile is not { Length: > 0 } file || !File.Exists(file))
        {
            return;
        }
        try
        {
            foreach (var r in System.Text.Json.JsonSerializer.Deserialize<List<StoredRefresh>>(File.ReadAllText(file)) ?? [])
            {
                refreshTokens[r.Token] = new Refresh(r.Token, r.ClientId, r.User, r.Scopes, r.Created);
            }
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            // A damaged file costs the demo's users a sign-in, nothing more.
        }
    }

    /// <summary>Keeps the refresh tokens, when a file is configured; called under the lock.</summary>
    private void Save()
    {
        if (options.Value.RefreshTokenFile is not { Length: > 0 } file)
        {
            return;
        }
        var stored = refreshTokens.Values.Select(r => new StoredRefresh(r.Token, r.ClientId, r.User, r.Scopes, r.Created)).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file + ".tmp", System.Text.Json.JsonSerializer.Serialize(stored));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>Zoho scopes: <c>Service.resource.OPERATION</c>; <c>ALL</c> covers every operation.</summary>
    internal static bool HasScope(string[] granted, string needed)
    {
        int dot = needed.LastIndexOf('.');
        string all = dot < 0 ? needed : needed[..dot] + ".ALL";
        return granted.Any(g => g.Equals(needed, StringComparison.OrdinalIgnoreCase) || g.Equals(all, StringComparison.OrdinalIgnoreCase));
    }

    private static string NewToken() =>
        $"1000.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";

    internal static string S256(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
