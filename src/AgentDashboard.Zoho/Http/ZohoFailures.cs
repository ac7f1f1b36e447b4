using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AgentDashboard.Zoho.Http;

/// <summary>Turns a failed Zoho Voice exchange into a <see cref="ZohoApiException"/> with a message a person understands.</summary>
internal static class ZohoFailures
{
    /// <summary>Error bodies are small; anything beyond this is not an error envelope and is not read.</summary>
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task<ZohoApiException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken, string service = "Zoho Voice")
    {
        var status = response.StatusCode;
        string body = await ReadSmallBodyAsync(response.Content, cancellationToken);
        var retryAfter = RetryAfterOf(response);

        if (IsHtml(response.Content.Headers.ContentType, body))
        {
            return new ZohoApiException(ZohoFailureKind.HtmlPage, operation,
                $"{service} answered the {operation} request with an HTML page instead of JSON (HTTP {Describe(status)}). " +
                "A proxy or Zoho's front end is failing; try again shortly.")
            { HttpStatus = status, RetryAfter = retryAfter };
        }

        var (code, message) = ReadErrorEnvelope(body);
        string detail = Detail(code, message);
        var kind = Classify(status, code, message);
        string text = kind switch
        {
            ZohoFailureKind.InvalidToken =>
                $"{service} did not accept the access token for the {operation} request (HTTP {Describe(status)}{detail}). " +
                "The Zoho session has expired or was revoked; sign in again.",
            ZohoFailureKind.Forbidden =>
                $"{service} refused the {operation} request (HTTP {Describe(status)}{detail}). " +
                "The signed-in user lacks the role or the OAuth scope it needs.",
            ZohoFailureKind.NotFound =>
                $"{service} has nothing at the address used for the {operation} request (HTTP {Describe(status)}{detail}). " +
                "Check the Voice base URL for the account's data centre.",
            ZohoFailureKind.RateLimited =>
                $"{service} is limiting requests (HTTP {Describe(status)}{detail}); " +
                (retryAfter is { } wait ? $"it asks to wait {Math.Ceiling(wait.TotalSeconds):0} s before the next one." : "wait before the next one."),
            ZohoFailureKind.ServerError =>
                $"{service} failed while answering the {operation} request (HTTP {Describe(status)}{detail}). " +
                "The fault is on Zoho's side; try again shortly.",
            ZohoFailureKind.BadRequest =>
                $"{service} rejected the {operation} request (HTTP {Describe(status)}{detail}).",
            _ => $"{service} answered the {operation} request with HTTP {Describe(status)}{detail}.",
        };
        return new ZohoApiException(kind, operation, text)
        {
            HttpStatus = status,
            ZohoCode = code,
            ZohoMessage = message,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>A 200 whose envelope says the call failed (<c>"status": "error"</c>, or a code other than 200).</summary>
    public static ZohoApiException FromFailedEnvelope(string operation, string? code, string? status, string? message)
    {
        var kind = Classify(HttpStatusCode.OK, code, message);
        string detail = Detail(code ?? status, message);
        string text = kind == ZohoFailureKind.InvalidToken
            ? $"Zoho Voice did not accept the access token for the {operation} request (HTTP 200{detail}). The Zoho session has expired or was revoked; sign in again."
            : $"Zoho Voice reported a failure for the {operation} request (HTTP 200{detail}).";
        return new ZohoApiException(kind == ZohoFailureKind.InvalidToken ? kind : ZohoFailureKind.Unexpected, operation, text)
        {
            HttpStatus = HttpStatusCode.OK,
            ZohoCode = code,
            ZohoMessage = message,
        };
    }

    public static ZohoApiException Malformed(string operation, JsonException error, string service = "Zoho Voice")
    {
        string where = error.Path is { Length: > 0 } path ? $" at {path}" : "";
        // The reader's own text names types and positions, never the body's content beyond a short value.
        string reason = error.Message.Split(" Path:", 2)[0].TrimEnd('.');
        return new ZohoApiException(ZohoFailureKind.MalformedResponse, operation,
            $"{service}'s answer to the {operation} request is not the JSON it documents{where}: {reason}.", error);
    }

    public static ZohoApiException Truncated(string operation, Exception error) =>
        new(ZohoFailureKind.MalformedResponse, operation,
            $"Zoho Voice's answer to the {operation} request ended before it was complete (the connection closed mid-answer).", error);

    public static ZohoApiException NotJson(string operation, HttpStatusCode status, string? mediaType) =>
        new(ZohoFailureKind.MalformedResponse, operation,
            $"Zoho Voice answered the {operation} request with {(mediaType is null ? "a body of no stated type" : mediaType)} instead of JSON (HTTP {Describe(status)}).")
        { HttpStatus = status };

    public static ZohoApiException Empty(string operation, HttpStatusCode status, string service = "Zoho Voice") =>
        new(ZohoFailureKind.MalformedResponse, operation,
            $"{service} answered the {operation} request with an empty body (HTTP {Describe(status)}).")
        { HttpStatus = status };

    /// <summary>The circuit breaker is open: Zoho failed often enough just now that the dashboard waits before asking again.</summary>
    public static ZohoApiException Resting(string operation, Exception error) =>
        new(ZohoFailureKind.ServerError, operation,
            $"Zoho Voice failed too often just now, so the dashboard waits a few seconds (at most 15) before asking it again for the {operation}.", error);

    public static ZohoApiException Timeout(string operation, TimeSpan limit, Exception error) =>
        new(ZohoFailureKind.Timeout, operation,
            $"Zoho Voice did not answer the {operation} request within {limit.TotalSeconds:0.#} s.", error);

    public static ZohoApiException Unreachable(string operation, Uri? address, HttpRequestException error) =>
        new(ZohoFailureKind.Unreachable, operation,
            $"Could not reach Zoho Voice at {address?.GetLeftPart(UriPartial.Authority) ?? "its configured address"} for the {operation} request" +
            (error.HttpRequestError == HttpRequestError.Unknown ? "." : $" ({Words(error.HttpRequestError)})."), error);

    internal static ZohoFailureKind Classify(HttpStatusCode status, string? code, string? message)
    {
        if (status == HttpStatusCode.Unauthorized || LooksLikeInvalidToken(code) || LooksLikeInvalidToken(message))
        {
            return ZohoFailureKind.InvalidToken;
        }
        return (int)status switch
        {
            403 => ZohoFailureKind.Forbidden,
            404 => ZohoFailureKind.NotFound,
            429 => ZohoFailureKind.RateLimited,
            400 or 422 => ZohoFailureKind.BadRequest,
            >= 500 and <= 599 => ZohoFailureKind.ServerError,
            _ => ZohoFailureKind.Unexpected,
        };
    }

    /// <summary>
    /// The wait a response asks for. A dated Retry-After is measured from the response's own Date (the server's clock,
    /// as HTTP means it), from this machine's clock only when the server sent none.
    /// </summary>
    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        ReadRetryAfter(response.Headers.RetryAfter, response.Headers.Date ?? DateTimeOffset.UtcNow);

    internal static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static bool LooksLikeInvalidToken(string? text) =>
        text is not null && (text.Contains("INVALID_OAUTHTOKEN", StringComparison.OrdinalIgnoreCase)
            || text.Contains("invalid oauth token", StringComparison.OrdinalIgnoreCase));

    private static bool IsHtml(MediaTypeHeaderValue? contentType, string body) =>
        contentType?.MediaType is "text/html" or "application/xhtml+xml"
        || body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

    private static (string? Code, string? Message) ReadErrorEnvelope(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }
            var root = document.RootElement;
            string? code = Text(root, "code") ?? Text(root, "errorCode") ?? Text(root, "error_code");
            string? message = Text(root, "message") ?? Text(root, "error_description") ?? Text(root, "error");
            return (code, Sanitise(message));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>Zoho's message goes into ours: keep it one short line.</summary>
    private static string? Sanitise(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }
        string line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string Detail(string? code, string? message) =>
        (code, message) switch
        {
            (null, null) => "",
            (null, _) => $": {message}",
            (_, null) => $", {code}",
            _ => $", {code}: {message}",
        };

    private static string Describe(HttpStatusCode status) =>
        $"{(int)status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status)}".TrimEnd();

    private static string SplitWords(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append(' ');
            text.Append(c);
        }
        return text.ToString();
    }

    private static string Words(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "the connection was refused or dropped",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.ProxyTunnelError => "the proxy refused the tunnel",
        _ => SplitWords(error.ToString()).ToLowerInvariant(),
    };

    private static async Task<string> ReadSmallBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            int total = 0, read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (HttpRequestException)
        {
            return ""; // a truncated error body still tells us the status
        }
        catch (IOException)
        {
            return "";
        }
    }
}
