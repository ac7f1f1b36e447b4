using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Exports;
using AgentDashboard.Web.Security;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using static AgentDashboard.Web.Exports.CsvExport;

namespace AgentDashboard.Web.Periods;

/// <summary>
/// <c>GET /export/heatmap.csv</c> (the calendar summary: one row per agent, local day and status) and
/// <c>/export/overview.csv</c> (the team's and each agent's figures per status, sorted as asked), with the heatmap and
/// overview pages' parameters. The figures are Zoho's; "--" is an empty field, never 0; excluded days are absent.
/// </summary>
internal static class PeriodExport
{
    public static void MapPeriodExports(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/export/heatmap.csv", HeatmapAsync).AsExport();
        routes.MapGet("/export/overview.csv", OverviewAsync).AsExport();
    }

    private static async Task<IResult> HeatmapAsync(HttpContext context, PeriodLoader loader, PeriodScope scope, AgentDirectory directory, IZohoVoiceClient zoho, TimeProvider clock)
    {
        var (request, problems) = Parse(context, clock, WorkKind.PeriodFigures, agentsRequired: false);
        if (request is null)
        {
            return Refused(problems);
        }
        IReadOnlyList<string> queues;
        try
        {
            (queues, problems) = await ScopeAsync(context, request, scope, directory, zoho);
        }
        catch (ZohoQueryException e)
        {
            return Refused(e.Problems);
        }
        catch (ZohoApiException e)
        {
            return ZohoFailed(e);
        }
        if (problems.Count > 0)
        {
            return Refused(problems);
        }
        return await StreamedAsync(context, "heatmap", request, "agent_id,agent_name,date,status,sum_ms",
            loader.CalendarPagesAsync(request, queues, context.RequestAborted), async (csv, agents) =>
            {
                foreach (var agent in agents)
                {
                    foreach (var (date, day) in agent.Days.OrderBy(d => d.Key))
                    {
                        foreach (var (status, sum) in day.Sums)
                        {
                            await Row(csv, Field(agent.AgentId), Field(agent.AgentName), Date(date), Field(status), Number(sum));
                        }
                    }
                }
            });
    }

    private static async Task<IResult> OverviewAsync(HttpContext context, PeriodLoader loader, PeriodScope scope, AgentDirectory directory, IZohoVoiceClient zoho, TimeProvider clock)
    {
        var (request, problems) = Parse(context, clock, WorkKind.PeriodFigures, agentsRequired: false);
        var q = context.Request.Query;
        StatusSort? sort = null;
        if (!string.IsNullOrEmpty(q["sort"]))
        {
            var metric = q["metric"].ToString() switch { "" or "sum" => (SortMetric?)SortMetric.Sum, "avg" => SortMetric.Avg, "max" => SortMetric.Max, _ => null };
            var order = q["order"].ToString() switch { "" or "desc" => (SortOrder?)SortOrder.Desc, "asc" => SortOrder.Asc, _ => null };
            if (metric is null) problems = [.. problems, $"metric \"{q["metric"]}\" must be sum, avg or max."];
            if (order is null) problems = [.. problems, $"order \"{q["order"]}\" must be asc or desc."];
            sort = new StatusSort(q["sort"]!, metric ?? SortMetric.Sum, order ?? SortOrder.Desc);
        }
        if (request is { AgentIds.Count: > ZohoVoiceClient.MaxIdsPerRequest })
        {
            problems = [.. problems, $"The overview takes at most {ZohoVoiceClient.MaxIdsPerRequest} agents in agentIds; give fewer, or a queue."];
        }
        if (request is null || problems.Count > 0)
        {
            return Refused(problems);
        }
        try
        {
            var (queues, tooLarge) = await ScopeAsync(context, request, scope, directory, zoho);
            if (tooLarge.Count > 0)
            {
                return Refused(tooLarge);
            }
            var overview = PeriodOverview.From(await loader.OverviewAsync(request, queues, sort, null, context.RequestAborted));
            return File("overview", request, async csv =>
            {
                await csv.WriteLineAsync("row,agent_id,agent_name,status,sum_ms,avg_ms,max_ms,daily_per_agent_avg_ms");
                foreach (var (status, f) in overview.Team)
                {
                    await Row(csv, "team", "", "", Field(status), Number(f.Sum), Number(f.Avg), Number(f.Max), Number(f.DailyPerAgentAvg));
                }
                foreach (var agent in overview.Leaderboard)
                {
                    foreach (var (status, f) in agent.ByStatus)
                    {
                        await Row(csv, "agent", Field(agent.AgentId), Field(agent.AgentName), Field(status), Number(f.Sum), Number(f.Avg), Number(f.Max), "");
                    }
                }
            });
        }
        catch (ZohoQueryException e)
        {
            return Refused(e.Problems);
        }
        catch (ZohoApiException e)
        {
            return ZohoFailed(e);
        }
    }

    /// <summary>
    /// The queues an export covers (an unknown queue is refused), and, when it names no agents, whether their agents
    /// over the days are more than one export may read (picked agents were checked with the other parameters).
    /// </summary>
    private static async Task<(IReadOnlyList<string> Queues, IReadOnlyList<string> Problems)> ScopeAsync(
        HttpContext context, PeriodRequest request, PeriodScope scope, AgentDirectory directory, IZohoVoiceClient zoho)
    {
        var queues = await scope.QueuesAsync(Zuid(context), context.Request.Query["queue"], context.RequestAborted);
        if (request.AgentIds.Count > 0)
        {
            return (queues, []);
        }
        var agents = await directory.GetAsync(zoho, Zuid(context), queues, context.RequestAborted);
        return (queues, SizeProblem(context, WorkKind.PeriodFigures, agents.Count, request.DayCount) is { } tooLarge ? [tooLarge] : []);
    }

    private static string Zuid(HttpContext context) => context.User.FindFirst(ZohoClaims.Zuid)?.Value ?? "";
}
