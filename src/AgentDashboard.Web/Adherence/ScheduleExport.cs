using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Exports;
using AgentDashboard.Web.Security;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Core.Adherence;
using static AgentDashboard.Web.Exports.CsvExport;

namespace AgentDashboard.Web.Adherence;

/// <summary>
/// <c>GET /export/schedules.csv</c> with the timeline exports' parameters: the stored schedule of the agents asked
/// for (those the supervisor can see) that overlaps the period, in the canonical form an import takes back.
/// </summary>
internal static class ScheduleExport
{
    public static void MapScheduleExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/export/schedules.csv", async (HttpContext context, IScheduleSource schedules, IZohoVoiceClient zoho,
            QueueCatalogue catalogue, AgentDirectory directory, TimeProvider clock) =>
        {
            var (request, problems) = Parse(context, clock, WorkKind.PeriodFigures, agentsRequired: true);
            if (request is null) return Refused(problems);
            IReadOnlySet<string> visible;
            try
            {
                string zuid = context.User.FindFirst(ZohoClaims.Zuid)?.Value ?? "";
                visible = (await directory.VisibleAsync(zoho, zuid, catalogue, context.RequestAborted)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            }
            catch (ZohoApiException e)
            {
                return ZohoFailed(e);
            }
            var days = request.Days();
            var rows = await schedules.GetAsync([.. request.AgentIds.Where(visible.Contains)], days.Start, days.End, context.RequestAborted);
            return File("schedules", request, async csv =>
            {
                await csv.WriteLineAsync(ScheduleCsv.Header);
                foreach (var row in rows)
                {
                    await Row(csv, Field(row.AgentId), Instant(row.Start, request.Zone), Instant(row.End, request.Zone), Field(row.Activity));
                }
            });
        }).AsExport();
}
