using System.Net;

namespace AgentDashboard.Zoho.Http;

/// <summary>What went wrong with a whole Zoho Voice call.</summary>
public enum ZohoFailureKind
{
    /// <summary>401 or INVALID_OAUTHTOKEN: the access token is expired, revoked or wrong.</summary>
    InvalidToken,
    /// <summary>No access token is available for the current user (nobody signed in).</summary>
    NotSignedIn,
    /// <summary>Zoho no longer accepts the user's refresh token (revoked or expired): they must sign in again.</summary>
    SessionEnded,
    /// <summary>403: the user lacks the role or scope.</summary>
    Forbidden,
    /// <summary>404: wrong address, usually the wrong data centre's Voice domain.</summary>
    NotFound,
    /// <summary>400 or a Zoho error code in the body: Zoho rejected the parameters.</summary>
    BadRequest,
    /// <summary>429: too many requests; see <see cref="ZohoApiException.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>5xx: Zoho failed.</summary>
    ServerError,
    /// <summary>An HTML page (a proxy's or Zoho's error page) instead of JSON.</summary>
    HtmlPage,
    /// <summary>A body that is not JSON, is truncated, or does not have the documented shape.</summary>
    MalformedResponse,
    /// <summary>No complete answer within the configured time.</summary>
    Timeout,
    /// <summary>Zoho could not be reached at all (DNS, refused connection, TLS).</summary>
    Unreachable,
    /// <summary>Any other HTTP status, or a 200 whose body reports a failure.</summary>
    Unexpected,
    /// <summary>Zoho refused the dashboard's own client registration (<c>invalid_client</c>): an operator must fix the settings.</summary>
    ClientRejected,
}

/// <summary>
/// A Zoho Voice call that failed as a whole. <see cref="Exception.Message"/> is written for a person and is
/// safe to show and log: it never holds a token or a response body.
/// </summary>
public sealed class ZohoApiException : Exception
{
    public ZohoApiException(ZohoFailureKind kind, string operation, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Operation = operation;
    }

    public ZohoFailureKind Kind { get; }

    /// <summary>The call in words, e.g. "status audit list".</summary>
    public string Operation { get; }

    public HttpStatusCode? HttpStatus { get; init; }

    /// <summary>Zoho's own code from the body (e.g. <c>INVALID_OAUTHTOKEN</c>), when it sent one.</summary>
    public string? ZohoCode { get; init; }

    /// <summary>Zoho's own message from the body, when it sent one.</summary>
    public string? ZohoMessage { get; init; }

    /// <summary>From a 429's Retry-After header, when given.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A change sent without an answer (time-out, connection lost): Zoho may or may not have made it.</summary>
    public bool OutcomeUnknown => Kind is ZohoFailureKind.Timeout or ZohoFailureKind.Unreachable;

    /// <summary>Worth retrying later without changing anything: rate limits, Zoho failures, time-outs, network.</summary>
    public bool IsTransient => Kind is ZohoFailureKind.RateLimited or ZohoFailureKind.ServerError
        or ZohoFailureKind.Timeout or ZohoFailureKind.Unreachable or ZohoFailureKind.HtmlPage;
}
