namespace AgentDashboard.Web.Security;

/// <summary>Response headers every answer carries, whatever made it (pages, files, exports, errors).</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c> everywhere, so a browser never runs what was served as data; and on
    /// walls <c>Referrer-Policy: no-referrer</c>, because a wall's address holds its token and must not travel on.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (context.Request.Path.StartsWithSegments("/wall"))
        {
            headers["Referrer-Policy"] = "no-referrer";
        }
        await next(context);
    });
}
