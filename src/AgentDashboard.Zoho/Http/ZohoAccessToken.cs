using System.Net.Http.Headers;

namespace AgentDashboard.Zoho.Http;

/// <summary>
/// Supplies the access token of the user on whose behalf a Zoho call is made. The web host backs this
/// with its server-side token store; it returns null when that user has no Zoho session.
/// </summary>
public interface IZohoAccessTokenSource
{
    ValueTask<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Adds <c>Authorization: Zoho-oauthtoken …</c> (Zoho's scheme, not Bearer) to every Voice call.</summary>
public sealed class ZohoOAuthTokenHandler(IZohoAccessTokenSource tokens) : DelegatingHandler
{
    public const string Scheme = "Zoho-oauthtoken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string token = await tokens.GetAccessTokenAsync(cancellationToken)
            ?? throw new ZohoApiException(ZohoFailureKind.NotSignedIn, "Zoho Voice",
                "There is no Zoho session for this user: sign in with Zoho first.");
        request.Headers.Authorization = new AuthenticationHeaderValue(Scheme, token);
        return await base.SendAsync(request, cancellationToken);
    }
}
