using System.Text.Json;

namespace AgentDashboard.Web.Operations;

/// <summary>
/// In Production the console log is one JSON object a line (timestamp in UTC ISO 8601, level, category, event id,
/// message and its named values), for a log collector; other environments keep the plain console. Exceptions reach it
/// in words only (<see cref="Security.WordsOnlyLogs"/> wraps this provider too), so no line carries a stack trace.
/// Scopes are left out: the request scope names the path, and a wall's path is its secret link.
/// </summary>
internal static class JsonLogs
{
    public static void AddJsonLogsInProduction(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction()) return;
        builder.Logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";
            json.IncludeScopes = false;
            json.JsonWriterOptions = new JsonWriterOptions { Indented = false };
        });
    }
}
