using Microsoft.Extensions.DependencyInjection;
using AgentDashboard.Web.Audit;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Components.Tests;

/// <summary>The timeline sets the dashboard's record of a change beside Zoho's own "changed by" for it.</summary>
public sealed class TimelineAuditTests
{
    private static long Nov(int day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(2026, 11, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static StatusHit Hit(long at, string from, string to, string user, string? reason = null) => new()
    {
        CurrentActionTime = at, PreviousStatus = from, CurrentStatus = to, TriggeredBy = "User", TriggeredByMedium = "Web",
        TriggeredByUsername = user, TriggeredReason = reason, LogId = "hit" + at,
    };

    private static AuditEntry Record(string id, long at, string byZuid, string byName, string agent, string to, string reason, AuditOutcome outcome = AuditOutcome.Succeeded) =>
        new(id, at, AuditKinds.Override, byZuid, byName, agent, "Ann Agent", "Offline", to, outcome, null, reason);

    [Fact]
    public async Task A_change_the_dashboard_made_shows_who_made_it_there_and_why_beside_Zohos_account()
    {
        await using var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("a1", "Ann Agent")] });
        page.Zoho.StatusAudit = _ => new StatusAuditResponse
        {
            List = new StatusAuditList
            {
                AgentStatus =
                [
                    new AgentStatusAudit
                    {
                        AgentId = "a1", AgentName = "Ann Agent",
                        Dates = [new StatusAuditDay
                        {
                            StartTimestamp = Nov(16, 0), Index = 0,
                            Hits = [Hit(Nov(16, 9), "Offline", "Available", "Ann Agent"), Hit(Nov(16, 12), "Available", "Busy", "Sam Supervisor", "Status Override"),
                                Hit(Nov(16, 14), "Busy", "On Break", "Sam Supervisor", "Status Override")],
                        }],
                    },
                ],
            },
        };
        await page.Context.Services.GetRequiredService<AuditStore>().AppendAsync(
        [
            Record("r1", Nov(16, 12, 0, 2), PageContext.Zuid, "Sam Supervisor", "a1", "Busy", "Covering the late queue"), // 2 s after Zoho's change: the same one
            Record("r2", Nov(16, 14, 5), PageContext.Zuid, "Sam Supervisor", "a1", "On Break", "Too late"), // 5 minutes after: another change
            Record("r3", Nov(16, 9, 0, 1), "700999", "Raj Patel", "a1", "Available", "Not Sam's to see"), // another supervisor's record
        ], CancellationToken.None);

        page.NavigateTo("/timeline?tz=UTC&agentIds=a1&from=2026-11-16&to=2026-11-16");
        var timeline = page.Context.Render<TimelinePage>();
        timeline.WaitForElement("#timeline", PeriodPages.Wait);

        var by = timeline.FindAll("[data-lane='a1/2026-11-16'] rect.seg").Select(r => (r.GetAttribute("data-status"), r.GetAttribute("data-by"))).ToList();
        Assert.Equal(
        [
            ("Offline", null),
            ("Available", "User · Web · Ann Agent"),
            ("Busy", "User · Web · Sam Supervisor · in the dashboard by Sam Supervisor: Covering the late queue"),
            ("On Break", "User · Web · Sam Supervisor"),
        ], by);
    }

    [Fact]
    public void A_record_matches_the_nearest_change_to_the_same_agent_and_status_within_a_minute()
    {
        var changes = new DashboardChanges(
        [
            Record("r1", Nov(16, 12, 0, 30), "z", "Jane Doe", "a1", "Busy", ""),
            Record("r2", Nov(16, 12, 0, 50), "z", "Jane Doe", "a1", "Busy", "later"),
        ]);

        Assert.Equal("r1", changes.Find("a1", "Busy", Nov(16, 12))?.Id); // 30 s away, nearer than 50 s
        Assert.Equal("r2", changes.Find("a1", "busy", Nov(16, 12, 1, 10))?.Id); // 20 s away
        Assert.Null(changes.Find("a1", "Busy", Nov(16, 11, 59, 29))); // 61 s before the first
        Assert.Null(changes.Find("a2", "Busy", Nov(16, 12)));
        Assert.Null(changes.Find("a1", "Available", Nov(16, 12)));
        Assert.Equal("In the dashboard by Jane Doe", DashboardChanges.Describe(null, changes.Find("a1", "Busy", Nov(16, 12))));
        Assert.Equal("User · in the dashboard by Jane Doe: later", DashboardChanges.Describe("User", changes.Find("a1", "Busy", Nov(16, 12, 1))));
    }
}
