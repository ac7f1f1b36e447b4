using System.Text.Encodings.Web;

namespace AgentDashboard.Web.Wall;

/// <summary>
/// Answers a wall address whose link does not open before the wall page is rendered: 404 for a token never
/// issued (or purged), 410 for a revoked or expired one, each with a short page in words. Such a request costs one
/// hash lookup: no page component, no interactive circuit, no database write.
/// </summary>
internal static class WallLinkGate
{
    public static void UseWallLinkGate(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !context.Request.Path.StartsWithSegments("/wall", out var rest)
            || rest.Value?.Trim('/') is not { Length: > 0 } token || token.Contains('/'))
        {
            await next(context);
            return;
        }
        var store = context.RequestServices.GetRequiredService<DisplayLinkStore>();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var link = await store.FindAsync(token, context.RequestAborted); // the path as decoded, as the page's route reads it
        if (DisplayLink.IsOpen(link, clock.GetUtcNow(), out var whyNot))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = link is null ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(Page(whyNot), context.RequestAborted);
    });

    /// <summary>The wall's dark frame with the reason, and nothing that starts a live connection.</summary>
    private static string Page(string message) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>Wall · AgentDashboard</title>
            <link rel="stylesheet" href="/app.css" />
        </head>
        <body>
            <main class="wall-main"><div class="wall-closed" id="wall-closed" role="alert">{HtmlEncoder.Default.Encode(message)}</div></main>
        </body>
        </html>
        """;
}
