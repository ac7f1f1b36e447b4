using AgentDashboard.Web.Periods;
using System.Globalization;
using System.Text;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Web.Timelines;

/// <summary>
/// <c>GET /export/timeline.csv</c> (one row per segment) and <c>/export/timeline-totals.csv</c> (one row per agent,
/// local day and status with time, Working Time included), for the signed-in user and the timeline page's parameters.
/// A bad parameter is a 400 with every problem in words; a Zoho failure is a 401 or 502 with its message.
/// </summary>
internal static class TimelineExport
{
    public static void MapTimelineExports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/export/timeline.csv", (HttpContext context, TimelineLoader loader, TimeProvider clock) =>
            ExportAsync(context, loader, clock, "timeline", WriteSegments)).RequireAuthorization();
        routes.MapGet("/export/timeline-totals.csv", (HttpContext context, TimelineLoader loader, TimeProvider clock) =>
            ExportAsync(context, loader, clock, "timeline-totals", WriteTotals)).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(HttpContext context, TimelineLoader loader, TimeProvider clock, string name,
        Func<TextWriter, IReadOnlyList<AgentTimeline>, TimeZoneInfo, Task> write)
    {
        var q = context.Request.Query;
        var (request, problems) = PeriodRequest.Parse(q["agentIds"], q["from"], q["to"], q["tz"], q["excludeDays"], q["excludeStatus"], clock.GetUtcNow());
        if (request is { AgentIds.Count: 0 })
        {
            problems = ["agentIds is required: give the ids of the agents to export, separated by commas."];
        }
        if (problems.Count > 0)
        {
            return Results.Text("The export was not made:\n" + string.Join("\n", problems) + "\n", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }
        IReadOnlyList<AgentTimeline> timelines;
        try
        {
            timelines = await loader.LoadAsync(request!, cancellationToken: context.RequestAborted);
        }
        catch (ZohoApiException e)
        {
            int status = e.Kind is ZohoFailureKind.NotSignedIn or ZohoFailureKind.SessionEnded or ZohoFailureKind.InvalidToken
                ? StatusCodes.Status401Unauthorized
                : StatusCodes.Status502BadGateway;
            return Results.Text($"Zoho Voice could not be read: {e.Message}\n", "text/plain", statusCode: status);
        }
        string file = $"{name}-{request!.From:yyyy-MM-dd}-to-{request.To:yyyy-MM-dd}.csv";
        return Results.Stream(async body =>
        {
            await using var csv = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
            await write(csv, timelines, request.Zone);
        }, "text/csv; charset=utf-8", file);
    }

    public static async Task WriteSegments(TextWriter csv, IReadOnlyList<AgentTimeline> timelines, TimeZoneInfo zone)
    {
        await csv.WriteLineAsync("agent_id,agent_name,date,status,start,end,duration_ms,triggered_by,triggered_reason");
        foreach (var agent in timelines)
        {
            foreach (var day in agent.Days)
            {
                foreach (var s in day.Segments)
                {
                    await csv.WriteLineAsync(string.Join(',',
                        Field(agent.AgentId), Field(agent.AgentName), Date(day.Date), Field(s.Status),
                        Instant(s.Start, zone), Instant(s.End, zone), s.DurationMs.ToString(CultureInfo.InvariantCulture),
                        Field(s.Cause?.TriggeredBy), Field(s.Cause?.TriggeredReason)));
                }
            }
        }
    }

    public static async Task WriteTotals(TextWriter csv, IReadOnlyList<AgentTimeline> timelines, TimeZoneInfo zone)
    {
        await csv.WriteLineAsync("agent_id,agent_name,date,status,total_ms");
        foreach (var agent in timelines)
        {
            foreach (var day in agent.Days)
            {
                var rows = day.Totals.ByStatus.Append((StatusTotals.WorkingTime, day.Totals.WorkingTimeMs));
                foreach (var (status, ms) in rows.Where(r => r.Item2 > 0))
                {
                    await csv.WriteLineAsync(string.Join(',', Field(agent.AgentId), Field(agent.AgentName), Date(day.Date), Field(status), ms.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the zone's offset at that instant, e.g. 2024-11-03T01:30:00.000-05:00.</summary>
    public static string Instant(long epochMs, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A text field, quoted when it holds a comma, quote or line break. A leading = + - @ gets an apostrophe, so a
    /// spreadsheet does not run a name as a formula.
    /// </summary>
    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
