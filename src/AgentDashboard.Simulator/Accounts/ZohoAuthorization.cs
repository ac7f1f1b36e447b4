using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Simulator.Accounts;

internal static class ZohoAuthorization
{
    /// <summary>The token of an <c>Authorization: Zoho-oauthtoken …</c> header (Zoho's scheme; Bearer is accepted too).</summary>
    public static string? AccessToken(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        foreach (string scheme in (string[])["Zoho-oauthtoken ", "Bearer "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                string token = header[scheme.Length..].Trim();
                return token.Length > 0 ? token : null;
            }
        }
        return null;
    }
}
