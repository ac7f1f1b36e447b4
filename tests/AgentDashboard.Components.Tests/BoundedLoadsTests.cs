using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Security;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The period pages refuse in words, before any status-audit call, a request too large (agents x days over the
/// default 2,000), an unknown queue, and a load beyond the supervisor's two at a time.
/// </summary>
public sealed class BoundedLoadsTests
{
    private static PageContext NewPage(List<StatusAuditQuery> asked)
    {
        var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("a1", "Ann Agent")], ["q2"] = [("a2", "Bea Brown")] });
        page.Zoho.StatusAudit = query =>
        {
            lock (asked) asked.Add(query);
            return new StatusAuditResponse { List = new StatusAuditList { AgentStatus = [] } };
        };
        return page;
    }

    private static string ProblemsShown(PageContext page, string uri) => ProblemsShown(page, uri, out _);

    private static string ProblemsShown(PageContext page, string uri, out IRenderedComponent<TimelinePage> timeline)
    {
        page.NavigateTo(uri);
        timeline = page.Context.Render<TimelinePage>();
        return timeline.WaitForElement("#request-problems", PeriodPages.Wait).TextContent;
    }

    [Fact]
    public async Task A_timeline_of_more_agent_days_than_allowed_says_so_and_reads_nothing()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked);
        string agents = string.Join(',', Enumerable.Range(1, 25).Select(i => "a" + i));

        // 25 agents over 93 days (17 Aug to 17 Nov 2026) is 2,325 agent-days.
        string shown = ProblemsShown(page, $"/timeline?tz=UTC&agentIds={agents}&from=2026-08-17&to=2026-11-17");

        Assert.Contains("25 agents over 93 days is 2,325 agent-days; at most 2,000 can be read at once.", shown);
        Assert.Empty(asked);
    }

    [Fact]
    public async Task A_timeline_of_an_unknown_queue_says_so_and_reads_nothing()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked);

        string shown = ProblemsShown(page, "/timeline?tz=UTC&queue=q9&from=2026-11-16&to=2026-11-17");

        Assert.Contains("queue \"q9\" is not one of the organisation's queues", shown);
        Assert.Empty(asked);
    }

    [Fact]
    public async Task A_third_long_load_of_the_same_supervisor_is_refused_in_words_until_one_ends()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked);
        var loads = page.Context.Services.GetRequiredService<LongLoads>();
        using var first = loads.Enter(PageContext.Zuid);
        var second = loads.Enter(PageContext.Zuid);

        string shown = ProblemsShown(page, "/timeline?tz=UTC&agentIds=a1&from=2026-11-16&to=2026-11-17", out var timeline);

        Assert.Contains("You already have 2 long loads running", shown);
        Assert.Empty(asked);

        second.Dispose();
        page.NavigateTo("/timeline?tz=UTC&agentIds=a1&from=2026-11-15&to=2026-11-17");
        timeline.WaitForElement("#timeline", PeriodPages.Wait);
        Assert.Single(asked);
    }
}
