using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentDashboard.Web.Store;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Wall;

/// <summary>What a wall shows: its queues (rotated one at a time, or all together), and whether the counters show.</summary>
public sealed record WallView(IReadOnlyList<string> QueueIds, bool RotateQueues = false, int RotateSeconds = 20, bool ShowCounters = true)
{
    public LiveScope Scope => LiveScope.Queues([.. QueueIds]);
}

/// <summary>
/// A read-only link for a wall monitor, acting for the supervisor who made it (<see cref="MadeBy"/>: their name as
/// it was then, for an administrator's list). Its token is never stored, only a hash.
/// </summary>
public sealed record DisplayLink(string Id, string Zuid, string Name, WallView View, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastSeenAt, string? MadeBy = null)
{
    public string State(DateTimeOffset now) => RevokedAt is not null ? "revoked" : ExpiresAt is { } e && e <= now ? "expired" : "active";

    public bool IsActive(DateTimeOffset now) => State(now) == "active";

    public const string RevokedMessage = "This display link has been revoked. Ask a supervisor for a new one.";

    /// <summary>When the link stopped opening a wall (revoked, or expired), if it has.</summary>
    public DateTimeOffset? ClosedAt(DateTimeOffset now) => RevokedAt ?? (ExpiresAt is { } e && e <= now ? e : null);

    /// <summary>Whether a wall shows the link's data; when not, what it says instead (never issued, revoked, expired).</summary>
    public static bool IsOpen([NotNullWhen(true)] DisplayLink? link, DateTimeOffset now, [NotNullWhen(false)] out string? whyNot)
    {
        whyNot = link is null ? "This display link is not known. Ask a supervisor for a new one."
            : link.State(now) switch
            {
                "revoked" => RevokedMessage,
                "expired" => "This display link has expired. Ask a supervisor for a new one.",
                _ => null,
            };
        return whyNot is null;
    }
}

/// <summary>
/// Display links in the dashboard's database. A token is 256 random bits, shown once at creation; only its
/// SHA-256 is kept, so the database alone opens no wall. Revoking raises <see cref="Revoked"/> so that open walls
/// stop at once rather than at their next check. Links closed (revoked or expired) for <see cref="KeptAfterClosing"/>
/// are deleted by <see cref="PurgeAsync"/>.
/// </summary>
public sealed class DisplayLinkStore(DashboardDatabase database, TimeProvider clock)
{
    /// <summary>How often a wall's "last seen" is written at most.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>How long a revoked or expired link stays listed (it opens no wall meanwhile) before it is deleted.</summary>
    public static readonly TimeSpan KeptAfterClosing = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, DateTimeOffset> lastWritten = new();

    public event Action<string>? Revoked;

    /// <param name="madeBy">The supervisor's name, shown to administrators beside the link.</param>
    public async Task<(DisplayLink Link, string Token)> CreateAsync(string zuid, string name, WallView view, TimeSpan? lifetime, CancellationToken cancellationToken, string? madeBy = null)
    {
        string token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var link = new DisplayLink(Base64Url(RandomNumberGenerator.GetBytes(9)), zuid, name, view, now, now + lifetime, null, null, madeBy);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO display_links (id, zuid, token_hash, json, created_at, expires_at)
            VALUES (@id, @zuid, @hash, @json, @created, @expires)
            """;
        command.With("id", link.Id);
        command.With("zuid", zuid);
        command.With("hash", Hash(token));
        command.With("json", JsonSerializer.Serialize(new Stored(name, view, madeBy)));
        command.With("created", now.ToUnixTimeMilliseconds());
        command.With("expires", link.ExpiresAt?.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (link, token);
    }

    /// <summary>The link a token opens, whatever its state; null for a token that was never issued.</summary>
    public async Task<DisplayLink?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var links = await QueryAsync("token_hash = @key", Hash(token), cancellationToken);
        return links.SingleOrDefault();
    }

    public Task<IReadOnlyList<DisplayLink>> ListAsync(string zuid, CancellationToken cancellationToken) =>
        QueryAsync("zuid = @key", zuid, cancellationToken);

    /// <summary>Every supervisor's links, newest first: for administrators only (the caller checks).</summary>
    public Task<IReadOnlyList<DisplayLink>> ListAllAsync(CancellationToken cancellationToken) =>
        QueryAsync("TRUE", null, cancellationToken);

    /// <summary>Revokes one of the supervisor's own links; false when they have no such link.</summary>
    public Task<bool> RevokeAsync(string zuid, string id, CancellationToken cancellationToken) =>
        RevokeWhereAsync(id, zuid, cancellationToken);

    /// <summary>Revokes any supervisor's link: for administrators only (the caller checks); false when there is no such active link.</summary>
    public Task<bool> RevokeAnyAsync(string id, CancellationToken cancellationToken) =>
        RevokeWhereAsync(id, null, cancellationToken);

    private async Task<bool> RevokeWhereAsync(string id, string? zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE display_links SET revoked_at = @now WHERE id = @id AND (@zuid IS NULL OR zuid = @zuid) AND revoked_at IS NULL";
        command.With("now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.With("id", id);
        command.With("zuid", zuid);
        bool changed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (changed) Revoked?.Invoke(id);
        return changed;
    }

    /// <summary>Deletes the links revoked or expired more than <see cref="KeptAfterClosing"/> ago; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        long cutoff = (clock.GetUtcNow() - KeptAfterClosing).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM display_links WHERE revoked_at <= @cutoff OR expires_at <= @cutoff";
        command.With("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Notes that a wall showed the link now (written at most once a minute per link).</summary>
    public async Task TouchAsync(string id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (lastWritten.TryGetValue(id, out var last) && now - last < SeenResolution)
        {
            return;
        }
        lastWritten[id] = now;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE display_links SET last_seen_at = @now WHERE id = @id";
        command.With("now", now.ToUnixTimeMilliseconds());
        command.With("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<DisplayLink>> QueryAsync(string where, string? key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, zuid, json, created_at, expires_at, revoked_at, last_seen_at FROM display_links WHERE {where} ORDER BY created_at DESC";
        if (key is not null) command.With("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var links = new List<DisplayLink>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = JsonSerializer.Deserialize<Stored>(reader.GetString(2))!;
            links.Add(new DisplayLink(reader.GetString(0), reader.GetString(1), stored.Name, stored.View,
                At(reader, 3)!.Value, At(reader, 4), At(reader, 5), At(reader, 6), stored.MadeBy));
        }
        return links;
    }

    private static DateTimeOffset? At(System.Data.Common.DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Stored(string Name, WallView View, string? MadeBy = null);
}
