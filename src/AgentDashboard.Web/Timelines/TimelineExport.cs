using AgentDashboard.Core;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Exports;
using AgentDashboard.Web.Security;
using static AgentDashboard.Web.Exports.CsvExport;

namespace AgentDashboard.Web.Timelines;

/// <summary>
/// <c>GET /export/timeline.csv</c> (one row per segment) and <c>/export/timeline-totals.csv</c> (one row per agent,
/// local day and status with time, Working Time included), for the signed-in user and the timeline page's parameters.
/// </summary>
internal static class TimelineExport
{
    public static void MapTimelineExports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/export/timeline.csv", (HttpContext context, TimelineLoader loader, TimeProvider clock) =>
            ExportAsync(context, loader, clock, "timeline", SegmentsHeader, WriteSegments)).AsExport();
        routes.MapGet("/export/timeline-totals.csv", (HttpContext context, TimelineLoader loader, TimeProvider clock) =>
            ExportAsync(context, loader, clock, "timeline-totals", TotalsHeader, WriteTotals)).AsExport();
    }

    private const string SegmentsHeader = "agent_id,agent_name,date,status,start,end,duration_ms,triggered_by,triggered_reason";
    private const string TotalsHeader = "agent_id,agent_name,date,status,total_ms";

    private static Task<IResult> ExportAsync(HttpContext context, TimelineLoader loader, TimeProvider clock, string name,
        string header, Func<TextWriter, IReadOnlyList<AgentTimeline>, TimeZoneInfo, Task> write)
    {
        var (request, problems) = Parse(context, clock, WorkKind.StatusChanges, agentsRequired: true);
        if (request is null)
        {
            return Task.FromResult(Refused(problems));
        }
        return StreamedAsync(context, name, request, header, loader.StreamAsync(request, context.RequestAborted),
            (csv, timelines) => write(csv, timelines, request.Zone));
    }

    public static async Task WriteSegments(TextWriter csv, IReadOnlyList<AgentTimeline> timelines, TimeZoneInfo zone)
    {
        foreach (var agent in timelines)
        {
            foreach (var day in agent.Days)
            {
                foreach (var s in day.Segments)
                {
                    await Row(csv, Field(agent.AgentId), Field(agent.AgentName), Date(day.Date), Field(s.Status),
                        Instant(s.Start, zone), Instant(s.End, zone), Number(s.DurationMs), Field(s.Cause?.TriggeredBy), Field(s.Cause?.TriggeredReason));
                }
            }
        }
    }

    public static async Task WriteTotals(TextWriter csv, IReadOnlyList<AgentTimeline> timelines, TimeZoneInfo zone)
    {
        foreach (var agent in timelines)
        {
            foreach (var day in agent.Days)
            {
                var rows = day.Totals.ByStatus.Append((StatusCatalogue.WorkingTime, day.Totals.WorkingTimeMs));
                foreach (var (status, ms) in rows.Where(r => r.Item2 > 0))
                {
                    await Row(csv, Field(agent.AgentId), Field(agent.AgentName), Date(day.Date), Field(status), Number(ms));
                }
            }
        }
    }
}
