using System.Security.Cryptography;
using System.Text;
using AgentDashboard.Web.Configuration;

namespace AgentDashboard.Web.Auth;

/// <summary>The <c>Dashboard:Sessions</c> settings.</summary>
public sealed class SignInSessionOptions
{
    public const string SectionName = "Dashboard:Sessions";

    /// <summary>How often an open page checks that its sign-in still holds (it shows the sign-in prompt when not).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a sign-in lasts, however often it is used: then the supervisor signs in again.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// One server-side session per sign-in. The auth cookie carries the session's id, and a cookie is honoured only while
/// its session lives here: sign-out ends one session, "sign out everywhere" all of a supervisor's, and an old cookie
/// is refused from then on. Only a hash of each id is kept, so the database alone names no live cookie. Times are the
/// real clock's, as for the cookie itself (a browser dates its cookies by its own clock).
/// </summary>
public sealed class SignInSessions(DashboardDatabase database, Microsoft.Extensions.Options.IOptions<SignInSessionOptions> options)
{
    /// <summary>The cookie's claim that holds the session id.</summary>
    public const string ClaimType = "agentdashboard:session";

    private static TimeProvider Clock => TimeProvider.System;

    public async Task<string> StartAsync(string zuid, CancellationToken cancellationToken)
    {
        string id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        long now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Sessions that ended or outlived the maximum are dropped as new ones start.
        command.CommandText = """
            DELETE FROM sign_in_sessions WHERE ended_at IS NOT NULL OR created_at <= $oldest;
            INSERT INTO sign_in_sessions (id_hash, zuid, created_at) VALUES ($hash, $zuid, $now);
            """;
        command.Parameters.AddWithValue("$oldest", now - (long)options.Value.MaxLifetime.TotalMilliseconds);
        command.Parameters.AddWithValue("$hash", Hash(id));
        command.Parameters.AddWithValue("$zuid", zuid);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether this session of this supervisor still holds: not ended, not older than the maximum.</summary>
    public async Task<bool> IsActiveAsync(string? id, string? zuid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(zuid)) return false;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM sign_in_sessions
            WHERE id_hash = $hash AND zuid = $zuid AND ended_at IS NULL AND created_at > $oldest
            """;
        command.Parameters.AddWithValue("$hash", Hash(id));
        command.Parameters.AddWithValue("$zuid", zuid);
        command.Parameters.AddWithValue("$oldest", Clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.MaxLifetime.TotalMilliseconds);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    /// <summary>Ends one session; returns how many of the supervisor's sessions still hold.</summary>
    public async Task<int> EndAsync(string id, string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE sign_in_sessions SET ended_at = $now WHERE id_hash = $hash AND zuid = $zuid AND ended_at IS NULL;
            SELECT COUNT(*) FROM sign_in_sessions WHERE zuid = $zuid AND ended_at IS NULL AND created_at > $oldest;
            """;
        long now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$hash", Hash(id));
        command.Parameters.AddWithValue("$zuid", zuid);
        command.Parameters.AddWithValue("$oldest", now - (long)options.Value.MaxLifetime.TotalMilliseconds);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Ends every session of the supervisor ("sign out everywhere").</summary>
    public async Task EndAllAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sign_in_sessions SET ended_at = $now WHERE zuid = $zuid AND ended_at IS NULL";
        command.Parameters.AddWithValue("$now", Clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$zuid", zuid);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
