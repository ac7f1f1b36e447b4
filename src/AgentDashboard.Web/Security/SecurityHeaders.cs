using AgentDashboard.Web.Configuration;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Security;

/// <summary>Response headers every answer carries, whatever made it (pages, files, exports, errors).</summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// What a page may load and run. Scripts only from this site's files (no inline script, no eval); styles may be
    /// inline, because MudBlazor and our lanes position and colour elements with style attributes. Blazor's
    /// connection is same-origin, which <c>connect-src 'self'</c> covers (WebSocket included).
    /// </summary>
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'";

    public static void AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, FrameAncestorsValidator>();
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c> everywhere, so a browser never runs what was served as data; and on
    /// walls <c>Referrer-Policy: no-referrer</c>, because a wall's address holds its token and must not travel on.
    /// The content policy lets walls be framed by this site and the configured signage players, and nothing else
    /// be framed at all. HSTS over HTTPS, outside Development (the framework's middleware skips plain HTTP and localhost).
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        string wallAncestors = string.Join(' ', ["'self'", .. options.WallFrameAncestors.Select(a => a.Trim().TrimEnd('/'))]);
        string pagePolicy = $"{PagePolicy}; frame-ancestors 'none'";
        string wallPolicy = $"{PagePolicy}; frame-ancestors {wallAncestors}";
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments("/wall"))
            {
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = wallPolicy;
            }
            else
            {
                headers.ContentSecurityPolicy = pagePolicy;
            }
            await next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
    }

    /// <summary>Each allowed ancestor is an origin (https://signage.example.com) or a host pattern a browser understands; nothing that could end the header.</summary>
    private sealed class FrameAncestorsValidator : IValidateOptions<DashboardOptions>
    {
        public ValidateOptionsResult Validate(string? name, DashboardOptions options)
        {
            var problems = new List<string>();
            for (int i = 0; i < options.WallFrameAncestors.Count; i++)
            {
                string ancestor = options.WallFrameAncestors[i].Trim();
                bool origin = Uri.TryCreate(ancestor.Replace("://*.", "://wildcard.", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/" && !ancestor.Contains('?');
                if (!origin || ancestor.Any(c => c is ';' or ',' or '\'' || char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    problems.Add($"{DashboardOptions.SectionName}:WallFrameAncestors:{i} is \"{ancestor}\", which is not an origin such as https://signage.example.com.");
                }
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
