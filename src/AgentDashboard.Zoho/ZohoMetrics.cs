using System.Diagnostics.Metrics;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Zoho;

/// <summary>
/// Every Zoho Voice call the client makes, counted and timed by <c>call</c> (a fixed short name, never an address,
/// id or token) and <c>outcome</c> (<c>ok</c>, <c>cancelled</c>, or the failure's <see cref="ZohoFailureKind"/> in snake case).
/// </summary>
public static class ZohoMetrics
{
    public const string MeterName = "AgentDashboard.Zoho";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("zoho.calls", "{call}", "Zoho Voice calls by call and outcome");

    // Seconds, with buckets from a quick answer to the longest request time-out.
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("zoho.call.duration", "s", "Time a Zoho Voice call took, from asking to its answer read",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>The short names of the calls, from the operation names the client uses in its messages.</summary>
    public static string CallName(string operation) => operation switch
    {
        "status audit list" => "status_audit",
        "call log status activity" => "call_log_activity",
        "overview" => "overview",
        "calendar summary" => "calendar_summary",
        "own online status" => "own_status",
        "set own online status" => "set_own_status",
        "agents' online status" => "online_status",
        "override online status" => "override",
        _ => "other",
    };

    /// <summary><c>server_error</c> for <see cref="ZohoFailureKind.ServerError"/>, and so on.</summary>
    public static string Outcome(ZohoFailureKind kind) => kind switch
    {
        ZohoFailureKind.InvalidToken => "invalid_token",
        ZohoFailureKind.NotSignedIn => "not_signed_in",
        ZohoFailureKind.SessionEnded => "session_ended",
        ZohoFailureKind.Forbidden => "forbidden",
        ZohoFailureKind.NotFound => "not_found",
        ZohoFailureKind.BadRequest => "bad_request",
        ZohoFailureKind.RateLimited => "rate_limited",
        ZohoFailureKind.ServerError => "server_error",
        ZohoFailureKind.HtmlPage => "html_page",
        ZohoFailureKind.MalformedResponse => "malformed_response",
        ZohoFailureKind.Timeout => "timeout",
        ZohoFailureKind.Unreachable => "unreachable",
        ZohoFailureKind.ClientRejected => "client_rejected",
        _ => "unexpected",
    };

    internal static void Record(string operation, string outcome, TimeSpan took)
    {
        var call = new KeyValuePair<string, object?>("call", CallName(operation));
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        Calls.Add(1, call, result);
        Duration.Record(took.TotalSeconds, call, result);
    }
}
