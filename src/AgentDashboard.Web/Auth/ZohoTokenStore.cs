using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using AgentDashboard.Web.Store;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// One signed-in user's Zoho tokens and where to use them. Lives only on the server. The access token is
/// refreshed from <see cref="RefreshAt"/>: shortly before it expires.
/// </summary>
public sealed record StoredZohoTokens(
    string Zuid,
    Uri AccountsServer,
    Uri VoiceBaseUrl,
    string AccessToken,
    DateTimeOffset RefreshAt,
    string? RefreshToken)
{
    /// <summary>5 minutes before expiry, or a tenth of the lifetime before it when the lifetime is short.</summary>
    public static DateTimeOffset RefreshMoment(DateTimeOffset issued, long expiresInSeconds)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, expiresInSeconds));
        var margin = lifetime / 10 < TimeSpan.FromMinutes(5) ? lifetime / 10 : TimeSpan.FromMinutes(5);
        return issued + lifetime - margin;
    }

    /// <summary>Who and where, never the tokens: a record printed into a log or an exception must not carry them.</summary>
    public override string ToString() =>
        $"StoredZohoTokens {{ Zuid = {Zuid}, AccountsServer = {AccountsServer}, VoiceBaseUrl = {VoiceBaseUrl}, RefreshAt = {RefreshAt:O}, " +
        $"AccessToken = (redacted), RefreshToken = {(RefreshToken is null ? "none" : "(redacted)")} }}";
}

/// <summary>Where the tokens are kept.</summary>
public interface IZohoTokenStore
{
    Task<StoredZohoTokens?> GetAsync(string zuid, CancellationToken cancellationToken);
    Task SaveAsync(StoredZohoTokens tokens, CancellationToken cancellationToken);
    Task DeleteAsync(string zuid, CancellationToken cancellationToken);
}

/// <summary>
/// Tokens in the dashboard's database (SQLite or PostgreSQL), each row sealed with ASP.NET Data Protection. With
/// SQLite the keys are in a folder of their own; with PostgreSQL they are in the same database, encrypted with
/// <c>Dashboard:KeyCertificatePath</c> when it is set (a warning at start says so when it is not).
/// </summary>
public sealed class DatabaseZohoTokenStore(DashboardDatabase database, IDataProtectionProvider dataProtection) : IZohoTokenStore
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("AgentDashboard.ZohoTokens.v1");

    public async Task<StoredZohoTokens?> GetAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sealed FROM zoho_tokens WHERE zuid = @zuid";
        command.With("zuid", zuid);
        return await command.ExecuteScalarAsync(cancellationToken) is string sealedRow
            ? JsonSerializer.Deserialize<StoredZohoTokens>(protector.Unprotect(sealedRow))
            : null;
    }

    public async Task SaveAsync(StoredZohoTokens tokens, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO zoho_tokens (zuid, sealed, updated_at) VALUES (@zuid, @sealed, @now)
            ON CONFLICT (zuid) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at
            """;
        command.With("zuid", tokens.Zuid);
        command.With("sealed", protector.Protect(JsonSerializer.Serialize(tokens)));
        command.With("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM zoho_tokens WHERE zuid = @zuid";
        command.With("zuid", zuid);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
