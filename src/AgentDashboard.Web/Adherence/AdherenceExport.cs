using System.Globalization;
using AgentDashboard.Web.Exports;
using AgentDashboard.Web.Security;
using AgentDashboard.Web.Timelines;
using static AgentDashboard.Web.Exports.CsvExport;

namespace AgentDashboard.Web.Adherence;

/// <summary>
/// <c>GET /export/adherence.csv</c>: one row per agent and local day of the request (left-out weekdays too are left
/// out), with the timeline exports' parameters, checks and streaming. Percentages have one decimal and are empty
/// when nothing (or no Work) is scheduled; a day not yet over is judged up to now.
/// </summary>
internal static class AdherenceExport
{
    public const string Header = "agent_id,agent_name,date,scheduled_s,adherent_s,adherence_pct,work_scheduled_s,working_s,conformance_pct,late_start_s,early_leave_s";

    public static void MapAdherenceExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/export/adherence.csv", (HttpContext context, TimelineLoader loader, AdherenceReport report, TimeProvider clock) =>
        {
            var (request, problems) = Parse(context, clock, WorkKind.StatusChanges, agentsRequired: true);
            if (request is null)
            {
                return Task.FromResult(Refused(problems));
            }
            var parts = report.StreamAsync(request, loader.StreamAsync(request, context.RequestAborted), context.RequestAborted);
            return StreamedAsync(context, "adherence", request, Header, parts, WriteRows);
        }).AsExport();

    public static async Task WriteRows(TextWriter csv, AdherenceSheet sheet)
    {
        foreach (var (agent, day, adherence) in sheet.Rows)
        {
            var f = adherence.Figures;
            await Row(csv, Field(agent.AgentId), Field(agent.AgentName), Date(day.Date),
                Number(f.ScheduledS), Number(f.AdherentS), Percent(f.AdherencePct),
                Number(f.WorkScheduledS), Number(f.WorkingS), Percent(f.ConformancePct),
                Number(f.LateStartS), Number(f.EarlyLeaveS));
        }
    }

    public static string Percent(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
