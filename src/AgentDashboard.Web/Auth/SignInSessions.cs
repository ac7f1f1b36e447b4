using System.Security.Cryptography;
using System.Text;
using AgentDashboard.Web.Store;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>The <c>Dashboard:Sessions</c> settings.</summary>
public sealed class SignInSessionOptions
{
    public const string SectionName = "Dashboard:Sessions";

    /// <summary>How often an open page checks that its sign-in still holds (it shows the sign-in prompt when not).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a sign-in lasts, however often it is used: then the supervisor signs in again.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A sign-in unused this long has ended (its cookie expires after the same time).</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromHours(12);

}

internal sealed class SignInSessionOptionsValidator : IValidateOptions<SignInSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInSessionOptions options)
    {
        const string section = SignInSessionOptions.SectionName;
        var problems = new List<string>();
        if (options.RevalidationInterval < TimeSpan.FromSeconds(1)) problems.Add($"{section}:RevalidationInterval must be at least a second, e.g. 00:01:00.");
        if (options.IdleLifetime < TimeSpan.FromMinutes(1)) problems.Add($"{section}:IdleLifetime must be at least a minute, e.g. 12:00:00.");
        if (options.MaxLifetime < options.IdleLifetime) problems.Add($"{section}:MaxLifetime must be at least {section}:IdleLifetime, e.g. 30.00:00:00.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// One server-side session per sign-in. The auth cookie carries the session's id, and a cookie is honoured only while
/// its session lives here: sign-out ends one session, "sign out everywhere" all of a supervisor's, and an old cookie
/// is refused from then on. A session also ends when unused for the cookie's idle lifetime, or at its maximum age.
/// Only a hash of each id is kept, so the database alone names no live cookie. Times are the real clock's, as for the
/// cookie itself (a browser dates its cookies by its own clock).
/// </summary>
public sealed class SignInSessions(DashboardDatabase database, IOptions<SignInSessionOptions> options)
{
    /// <summary>The cookie's claim that holds the session id.</summary>
    public const string ClaimType = "agentdashboard:session";

    /// <summary>How often a session's "last seen" is written at most.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    private static TimeProvider Clock => TimeProvider.System;

    public async Task<string> StartAsync(string zuid, CancellationToken cancellationToken)
    {
        string id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        long now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Sessions that no longer hold (ended, idle, too old) are dropped as new ones start.
        command.CommandText = $"""
            DELETE FROM sign_in_sessions WHERE NOT ({Live});
            INSERT INTO sign_in_sessions (id_hash, zuid, created_at, last_seen_at) VALUES (@hash, @zuid, @now, @now);
            """;
        AddLimits(command, now);
        command.With("hash", Hash(id));
        command.With("zuid", zuid);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Whether this session of this supervisor still holds; notes that it was used now.</summary>
    public async Task<bool> IsActiveAsync(string? id, string? zuid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(zuid)) return false;
        long now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT last_seen_at FROM sign_in_sessions WHERE id_hash = @hash AND zuid = @zuid AND {Live}";
        command.With("hash", Hash(id));
        command.With("zuid", zuid);
        AddLimits(command, now);
        if (await command.ExecuteScalarAsync(cancellationToken) is not long lastSeen) return false;
        if (now - lastSeen >= (long)SeenResolution.TotalMilliseconds)
        {
            command.CommandText = "UPDATE sign_in_sessions SET last_seen_at = @now WHERE id_hash = @hash";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Ends one session; returns how many other sessions of the supervisor still hold.</summary>
    public async Task<int> EndAsync(string id, string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE sign_in_sessions SET ended_at = @now WHERE id_hash = @hash AND zuid = @zuid AND ended_at IS NULL;
            SELECT COUNT(*) FROM sign_in_sessions WHERE zuid = @zuid AND {Live};
            """;
        AddLimits(command, Clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.With("hash", Hash(id));
        command.With("zuid", zuid);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Ends every session of the supervisor ("sign out everywhere").</summary>
    public async Task EndAllAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sign_in_sessions SET ended_at = @now WHERE zuid = @zuid AND ended_at IS NULL";
        command.With("now", Clock.GetUtcNow().ToUnixTimeMilliseconds());
        command.With("zuid", zuid);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A session that holds: not ended, used within the idle lifetime, younger than the maximum.</summary>
    private const string Live = "ended_at IS NULL AND last_seen_at > @idleSince AND created_at > @oldest";

    private void AddLimits(System.Data.Common.DbCommand command, long now)
    {
        command.With("now", now);
        command.With("idleSince", now - (long)options.Value.IdleLifetime.TotalMilliseconds);
        command.With("oldest", now - (long)options.Value.MaxLifetime.TotalMilliseconds);
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
