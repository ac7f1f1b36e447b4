using System.Net;
using System.Net.Http.Headers;

namespace AgentDashboard.Zoho.Http;

/// <summary>A user's access token, and the Voice address of their data centre when it is not the configured one.</summary>
public sealed record ZohoAccess(string AccessToken, Uri? VoiceBaseUrl = null)
{
    /// <summary>The token stays out of the record's printout (logs, exceptions, debugger text).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"AccessToken = {Redaction.Of(AccessToken)}, VoiceBaseUrl = {VoiceBaseUrl}");
        return true;
    }
}

/// <summary>How a secret appears in a printout: whether there is one, never what it is.</summary>
internal static class Redaction
{
    public static string Of(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "(redacted)";
}

/// <summary>
/// Supplies the access token of the user on whose behalf a Zoho call is made (the web host backs this with its
/// server-side token store). Null means that user has no Zoho session.
/// </summary>
public interface IZohoAccessTokenSource
{
    ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken);

    /// <summary>
    /// Zoho rejected <paramref name="rejectedToken"/>: give a fresh one. Concurrent callers for one user share one
    /// refresh; a caller whose token was already replaced gets the replacement without another refresh.
    /// </summary>
    ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken);
}

/// <summary>Who a Zoho call is made for: the signed-in user of a circuit or request, or a feed's owner.</summary>
public interface IZohoUserContext
{
    ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Adds <c>Authorization: Zoho-oauthtoken …</c> (Zoho's scheme, not Bearer) for the request's user, sends it to
/// that user's data centre, and when Zoho answers 401 refreshes the token once and retries once.
/// </summary>
public sealed class ZohoOAuthTokenHandler(IZohoAccessTokenSource tokens) : DelegatingHandler
{
    public const string Scheme = "Zoho-oauthtoken";

    /// <summary>The request option naming the user a call is made for (set through <see cref="IZohoVoiceApi"/>).</summary>
    public const string UserOption = "AgentDashboard.ZohoUser";
    public static readonly HttpRequestOptionsKey<string> UserKey = new(UserOption);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(UserKey, out string? user);
        var access = await tokens.GetAccessAsync(user, cancellationToken) ?? throw NotSignedIn();
        var response = await SendWithAsync(request, access, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        response.Dispose();
        var fresh = await tokens.RefreshAsync(user, access.AccessToken, cancellationToken) ?? throw NotSignedIn();
        return await SendWithAsync(request, fresh, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, ZohoAccess access, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, access.AccessToken);
        if (access.VoiceBaseUrl is { } voice && request.RequestUri is { } uri)
        {
            request.RequestUri = Rebase(uri, voice);
        }
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Moves a Voice call (<c>…/rest/json/zv/…</c>) onto another base address, keeping its path and query.</summary>
    internal static Uri Rebase(Uri uri, Uri voiceBase)
    {
        string pathAndQuery = uri.PathAndQuery;
        int at = pathAndQuery.IndexOf("/rest/json/zv/", StringComparison.Ordinal);
        return at < 0 ? uri : new Uri(ZohoServiceCollectionExtensions.WithTrailingSlash(voiceBase), pathAndQuery[(at + 1)..]);
    }

    private static ZohoApiException NotSignedIn() =>
        new(ZohoFailureKind.NotSignedIn, "Zoho Voice", "There is no Zoho session for this user: sign in with Zoho first.");
}
