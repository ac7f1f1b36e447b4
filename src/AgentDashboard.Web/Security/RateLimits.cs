using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Security;

/// <summary>
/// Requests per client address per minute for what a stranger or a script can start cheaply and the server pays
/// for: sign-in (<c>/signin</c>, <c>/signin-zoho</c>), wall pages (<c>/wall/...</c>) and the CSV exports
/// (<c>/export/...</c>). Beyond the limit: 429, Retry-After and a sentence. The address is the connection's, so behind
/// a proxy it is right only once forwarded headers are accepted from that proxy.
/// </summary>
internal static class RateLimits
{
    private enum Kind { None, SignIn, Wall, Export }

    public static void AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<WorkLimits>>((rate, options) =>
        {
            var limits = options.Value;
            rate.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rate.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var kind = KindOf(context.Request.Path);
                if (kind is Kind.None)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                int permits = kind switch { Kind.SignIn => limits.SignInPerMinute, Kind.Wall => limits.WallPerMinute, _ => limits.ExportsPerMinute };
                string address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{kind}@{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            rate.OnRejected = async (rejected, cancellationToken) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var response = rejected.HttpContext.Response;
                int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                string sentence = $"Too many requests from your address; try again in {seconds} seconds.";
                if (KindOf(rejected.HttpContext.Request.Path) is Kind.Wall)
                {
                    // A wall runs unattended: it tries again by itself (a refresh, not a script, as the content policy allows).
                    response.ContentType = "text/html; charset=utf-8";
                    await response.WriteAsync($"""
                        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8" /><meta http-equiv="refresh" content="{seconds}" />
                        <title>Wall · AgentDashboard</title><link rel="stylesheet" href="/app.css" /></head>
                        <body><main class="wall-main"><div class="wall-closed" id="wall-busy" role="alert">{sentence} This screen tries again by itself.</div></main></body></html>
                        """, cancellationToken);
                    return;
                }
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(sentence + "\n", cancellationToken);
            };
        });
    }

    private static Kind KindOf(PathString path) =>
        path.StartsWithSegments("/signin") || path.StartsWithSegments("/signin-zoho") ? Kind.SignIn
        : path.StartsWithSegments("/wall") ? Kind.Wall
        : path.StartsWithSegments("/export") ? Kind.Export
        : Kind.None;
}
