using AgentDashboard.Web.Exports;
using AgentDashboard.Web.Wall;
using static AgentDashboard.Web.Exports.CsvExport;

namespace AgentDashboard.Web.Audit;

internal static class AuditExtensions
{
    /// <summary>The audit trail's store and its recorder.</summary>
    public static void AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton<AuditTrail>();
    }

    /// <summary>
    /// <c>GET /export/audit.csv</c>: the entries the page's filters find (person, agent, from, to, tz), newest first,
    /// everyone's for an administrator and only their own for anyone else, as on the page.
    /// </summary>
    public static void MapAuditExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/export/audit.csv", async (HttpContext context, AuditStore store, DisplayAdmins admins) =>
        {
            var q = context.Request.Query;
            var (filter, problems) = AuditFilter.Parse(q["person"], q["agent"], q["from"], q["to"], q["tz"]);
            if (filter is null) return Refused(problems);
            if (AuditViewer.Of(context.User, admins) is not { } viewer)
            {
                return Results.Text("This sign-in carries no Zoho user, so it has no audit trail to export.", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            }
            var found = await store.SearchAsync(filter.ToQuery(), viewer, 0, int.MaxValue, context.RequestAborted);
            return NamedFile("audit", async csv =>
            {
                await csv.WriteLineAsync("at,kind,by_zuid,by_name,agent_id,agent_name,from_status,to_status,outcome,message,reason");
                foreach (var e in found.Entries)
                {
                    await Row(csv, Instant(e.At, filter.Zone), Field(e.Kind), Field(e.ByZuid), Field(e.ByName), Field(e.AgentId), Field(e.AgentName),
                        Field(e.From), Field(e.To), e.Outcome.ToString().ToLowerInvariant(), Field(e.Message), Field(e.Reason));
                }
            });
        }).AsExport();
}
