using System.Globalization;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Operations;
using AgentDashboard.Web.Security;

namespace AgentDashboard.Web.Exports;

/// <summary>
/// What every export endpoint must pass before it reads Zoho: a signed-in supervisor, a request this site started
/// (an export is a GET, so another site's link or image could start one: <c>Sec-Fetch-Site: cross-site</c> is refused),
/// and one of the supervisor's long-load slots, held until the file is written (429 with Retry-After when none is free).
/// </summary>
internal static class ExportGuard
{
    public static RouteHandlerBuilder AsExport(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization().AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            Counted(context);
            if (string.Equals(context.Request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Text("The export was not made: it was asked for by another site. Open the export from the dashboard itself.\n",
                    "text/plain", statusCode: StatusCodes.Status403Forbidden);
            }
            try
            {
                // The slot is held until the response is over: a streamed file reads Zoho as it is written.
                context.Response.RegisterForDispose(context.RequestServices.GetRequiredService<LongLoads>().Enter(context.User.FindFirst(ZohoClaims.Zuid)?.Value ?? ""));
            }
            catch (TooManyLoadsException e)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Text("The export was not made: " + e.Message + "\n", "text/plain", statusCode: StatusCodes.Status429TooManyRequests);
            }
            return await next(invocation);
        });

    /// <summary>
    /// The export is counted once its response is over (<see cref="DashboardMetrics.Exported"/>): by kind, the file's name
    /// (timeline, overview...), and outcome: ok, refused (400, 403), busy (429), zoho_failed (401, 502), or unfinished
    /// (aborted part-way, or any other status).
    /// </summary>
    private static void Counted(HttpContext context)
    {
        string kind = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route
            ? Path.GetFileNameWithoutExtension(route)
            : "other";
        var metrics = context.RequestServices.GetRequiredService<DashboardMetrics>();
        context.Response.OnCompleted(() =>
        {
            string outcome = context.RequestAborted.IsCancellationRequested ? "unfinished" : context.Response.StatusCode switch
            {
                StatusCodes.Status200OK => "ok",
                StatusCodes.Status400BadRequest or StatusCodes.Status403Forbidden => "refused",
                StatusCodes.Status429TooManyRequests => "busy",
                StatusCodes.Status401Unauthorized or StatusCodes.Status502BadGateway => "zoho_failed",
                _ => "unfinished",
            };
            metrics.Exported(kind, outcome);
            return Task.CompletedTask;
        });
    }
}
