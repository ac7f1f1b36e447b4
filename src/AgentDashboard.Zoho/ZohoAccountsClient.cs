using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Zoho;

/// <summary>A token endpoint's answer. Zoho reports errors as <c>{"error": "invalid_code"}</c>, with HTTP 200.</summary>
public sealed record ZohoTokenAnswer
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [JsonPropertyName("expires_in")] public long ExpiresIn { get; init; }
    [JsonPropertyName("api_domain")] public string? ApiDomain { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }

    /// <summary>Everything but the tokens, which must never reach a log or a page through a record's printout.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"AccessToken = {Redaction.Of(AccessToken)}, RefreshToken = {Redaction.Of(RefreshToken)}, ExpiresIn = {ExpiresIn}, ");
        builder.Append($"ApiDomain = {ApiDomain}, Scope = {Scope}, Error = {Error}, ErrorDescription = {ErrorDescription}");
        return true;
    }
}

/// <summary>Who signed in, from <c>/oauth/user/info</c>.</summary>
public sealed record ZohoUserInfo
{
    [JsonPropertyName("ZUID"), JsonConverter(typeof(Json.ZohoIdConverter))] public string? Zuid { get; init; }
    [JsonPropertyName("Email")] public string? Email { get; init; }
    [JsonPropertyName("Display_Name")] public string? DisplayName { get; init; }
    [JsonPropertyName("First_Name")] public string? FirstName { get; init; }
    [JsonPropertyName("Last_Name")] public string? LastName { get; init; }
}

[JsonSerializable(typeof(ZohoTokenAnswer))]
[JsonSerializable(typeof(ZohoUserInfo))]
internal sealed partial class ZohoAccountsJsonContext : JsonSerializerContext;

/// <summary>
/// The calls to a Zoho accounts server (the user's data centre's, or any server honouring the contract): code
/// exchange, refresh, revoke and user info. Failures are <see cref="ZohoApiException"/>s; a refused grant is an
/// answer with <see cref="ZohoTokenAnswer.Error"/> set.
/// </summary>
public sealed class ZohoAccountsClient(HttpClient http)
{
    private const string Service = "The Zoho accounts server";

    public Task<ZohoTokenAnswer> ExchangeCodeAsync(Uri accountsServer, string clientId, string clientSecret, string code, string redirectUri, string? codeVerifier, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["code"] = code, ["redirect_uri"] = redirectUri,
        };
        if (codeVerifier is not null) form["code_verifier"] = codeVerifier;
        return TokenAsync(accountsServer, form, "sign-in code exchange", cancellationToken);
    }

    public Task<ZohoTokenAnswer> RefreshAsync(Uri accountsServer, string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(accountsServer, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["client_secret"] = clientSecret, ["refresh_token"] = refreshToken,
        }, "token refresh", cancellationToken);

    public async Task RevokeAsync(Uri accountsServer, string token, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Endpoint(accountsServer, "oauth/v2/token/revoke"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        }, "token revocation", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ZohoFailures.FromResponseAsync(response, "token revocation", cancellationToken, Service);
        }
    }

    public async Task<ZohoUserInfo> GetUserInfoAsync(Uri accountsServer, string accessToken, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(accountsServer, "oauth/user/info"));
            request.Headers.Authorization = new AuthenticationHeaderValue(ZohoOAuthTokenHandler.Scheme, accessToken);
            return request;
        }, "user info", cancellationToken);
        return await ReadAsync(response, ZohoAccountsJsonContext.Default.ZohoUserInfo, "user info", cancellationToken);
    }

    private async Task<ZohoTokenAnswer> TokenAsync(Uri accountsServer, Dictionary<string, string> form, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Endpoint(accountsServer, "oauth/v2/token"))
        {
            Content = new FormUrlEncodedContent(form),
        }, operation, cancellationToken);
        return await ReadAsync(response, ZohoAccountsJsonContext.Default.ZohoTokenAnswer, operation, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string operation, CancellationToken cancellationToken)
    {
        using var request = create();
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new ZohoApiException(ZohoFailureKind.Unreachable, operation,
                $"Could not reach the Zoho accounts server at {request.RequestUri?.GetLeftPart(UriPartial.Authority)} for the {operation}.", error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ZohoApiException(ZohoFailureKind.Timeout, operation, $"The Zoho accounts server did not answer the {operation} in time.", error);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ZohoFailures.FromResponseAsync(response, operation, cancellationToken, Service);
        }
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(body, type, cancellationToken) ?? throw ZohoFailures.Empty(operation, response.StatusCode, Service);
        }
        catch (JsonException error)
        {
            throw ZohoFailures.Malformed(operation, error, Service);
        }
    }

    private static Uri Endpoint(Uri accountsServer, string path) => new(ZohoServiceCollectionExtensions.WithTrailingSlash(accountsServer), path);
}
