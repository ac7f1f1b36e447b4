using System.Globalization;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The timeline against schedules fed by hand (in UTC; the page's clock stands at Tue 17 Nov 2026 15:30): the
/// schedule strip under each lane, the out-of-adherence marks, each agent-day's figures in words and the team's.
/// Every figure is worked out by hand in the comments.
/// </summary>
public sealed class TimelineAdherenceTests
{
    private static long Nov(int day, int hour, int minute = 0) => new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static StatusHit Hit(long at, string from, string to) => new()
    {
        CurrentActionTime = at, PreviousStatus = from, CurrentStatus = to, TriggeredBy = "User",
        LogId = "h" + at.ToString(CultureInfo.InvariantCulture),
    };

    // Ann: Mon 16 in at 09:07, on break 12:00-12:45, gone at 16:50; Tue 17 in at 09:00 and Available since.
    private static readonly AgentStatusAudit Ann = new()
    {
        AgentId = "a1", AgentName = "Ann Agent", PreviousResult = Hit(Nov(15, 20), "Available", "Offline"),
        Dates =
        [
            new StatusAuditDay
            {
                StartTimestamp = Nov(16, 0), Index = 0,
                Hits = [Hit(Nov(16, 9, 7), "Offline", "Available"), Hit(Nov(16, 12), "Available", "On Break"),
                        Hit(Nov(16, 12, 45), "On Break", "Available"), Hit(Nov(16, 16, 50), "Available", "Offline")],
            },
            new StatusAuditDay { StartTimestamp = Nov(17, 0), Index = 1, Hits = [Hit(Nov(17, 9), "Offline", "Available")] },
        ],
    };

    private static readonly ScheduledActivity[] AnnsWeek =
    [
        new("a1", Nov(16, 9), Nov(16, 12), "Work"),
        new("a1", Nov(16, 12), Nov(16, 12, 30), "Lunch"),
        new("a1", Nov(16, 12, 30), Nov(16, 17), "Work"),
        new("a1", Nov(16, 17), Nov(17, 9), "Off"),
        new("a1", Nov(17, 9), Nov(17, 17), "Work"),
    ];

    private static PageContext NewPage()
    {
        var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("a1", "Ann Agent"), ("a2", "Bea Brown")] });
        page.Zoho.StatusAudit = query => new StatusAuditResponse
        {
            List = new StatusAuditList { AgentStatus = query.AgentIds.Contains("a1") ? [Ann] : [] },
        };
        return page;
    }

    private static IRenderedComponent<TimelinePage> Show(PageContext page, string uri)
    {
        page.NavigateTo(uri);
        var timeline = page.Context.Render<TimelinePage>();
        timeline.WaitForElement("#timeline", PeriodPages.Wait);
        return timeline;
    }

    private const string TwoDays = "/timeline?tz=UTC&agentIds=a1,a2&from=2026-11-16&to=2026-11-17";

    [Fact]
    public async Task Each_lane_has_its_schedule_strip_its_stretches_out_of_adherence_and_its_figures_in_words()
    {
        await using var page = NewPage();
        page.Schedules().Activities.AddRange(AnnsWeek);

        var timeline = Show(page, TwoDays);

        // Read once, for both agents over both days (00:00 16 Nov to 00:00 18 Nov), with the rules.
        var asked = Assert.Single(page.Schedules().Asked);
        Assert.Equal(["a1", "a2"], asked.AgentIds);
        Assert.Equal((Nov(16, 0), Nov(18, 0)), (asked.From, asked.To));
        Assert.Equal(1, page.Schedules().RulesRead);

        var monday = timeline.Find("[data-lane='a1/2026-11-16']");
        // The strip: Off is not drawn.
        Assert.Equal(["Work 09:00–12:00", "Lunch 12:00–12:30", "Work 12:30–17:00"],
            monday.QuerySelectorAll(".sched-strip rect.sched").Select(r => r.QuerySelector("title")!.TextContent));
        Assert.Equal(["st-available", "st-break", "st-available"],
            monday.QuerySelectorAll(".sched-strip rect.sched").Select(r => r.ClassList.First(c => c.StartsWith("st-"))));
        // Late in, back late from lunch (kept from 12:00 to 12:30: lunch is kept On Break), gone early.
        Assert.Equal(["Offline, scheduled Work, 09:00–09:07", "On Break, scheduled Work, 12:30–12:45", "Offline, scheduled Work, 16:50–17:00"],
            monday.QuerySelectorAll("svg.lane rect.ooa").Select(r => r.QuerySelector("title")!.TextContent));
        // 1,440 units a day: the first mark from 540 (09:00), 7 wide.
        var first = monday.QuerySelector("rect.ooa")!;
        Assert.Equal(("540", "7"), (first.GetAttribute("x"), first.GetAttribute("width")));

        // Scheduled 8 h = 28,800 s; kept 09:07-12:00 (10,380) + lunch (1,800) + 12:45-16:50 (14,700) = 26,880: 93.3 %.
        // Work 7.5 h = 27,000 s; working 10,380 + 14,700 = 25,080: 92.9 %. Late 7 min, left 10 min early.
        Assert.Equal("Adherence 93.3% · Conformance 92.9% · Late 7 min · Left early 10 min", monday.QuerySelector("[data-adherence]")!.TextContent.Trim());

        // Today, judged up to now (15:30): Work 09:00-15:30 all kept and worked; not early while Work runs to 17:00.
        var tuesday = timeline.Find("[data-lane='a1/2026-11-17']");
        Assert.Equal(["Work 09:00–17:00"], tuesday.QuerySelectorAll("rect.sched").Select(r => r.QuerySelector("title")!.TextContent));
        Assert.Empty(tuesday.QuerySelectorAll("rect.ooa"));
        Assert.Equal("Adherence 100.0% · Conformance 100.0% · Late 0 min · Left early 0 min", tuesday.QuerySelector("[data-adherence]")!.TextContent.Trim());

        // Bea has no schedule: no strip, and says so.
        var bea = timeline.Find("[data-lane='a2/2026-11-16']");
        Assert.Empty(bea.QuerySelectorAll(".sched-strip"));
        Assert.Equal("No schedule", bea.QuerySelector("[data-adherence]")!.TextContent.Trim());
        Assert.DoesNotContain(timeline.FindAll("#no-schedules"), _ => true);
    }

    [Fact]
    public async Task The_team_line_sums_the_scheduled_agent_days_and_takes_the_percentages_from_the_sums()
    {
        await using var page = NewPage();
        page.Schedules().Activities.AddRange(AnnsWeek);

        var timeline = Show(page, TwoDays);

        // Two agent-days scheduled (Bea's are not): scheduled 28,800 + 23,400 = 52,200 s, kept 26,880 + 23,400 = 50,280
        // (96.3 %); Work 27,000 + 23,400 = 50,400, working 25,080 + 23,400 = 48,480 (96.2 %); late 7 min, early 10 min.
        var team = timeline.Find("#adherence-team");
        string Figure(string name) => team.QuerySelector($"[data-team='{name}']")!.TextContent.Trim();
        Assert.Equal("Adherence 96.3%", Figure("adherence"));
        Assert.Equal("Conformance 96.2%", Figure("conformance"));
        Assert.Equal("Late starts 7 min in all", Figure("late"));
        Assert.Equal("Left early 10 min in all", Figure("early"));
        Assert.Equal("2 agent-days scheduled", Figure("days"));
        Assert.Contains("Team, whole period", team.TextContent);
        // Ann's own period is the team's here (Bea has nothing scheduled), and Bea's head says nothing of adherence.
        Assert.Equal("Adherence 96.3% · Conformance 96.2% over 2 scheduled days", timeline.Find("[data-agent-head='a1'] [data-agent-adherence]").TextContent.Trim());
        Assert.Empty(timeline.Find("[data-agent-head='a2']").QuerySelectorAll("[data-agent-adherence]"));

        // The CSV beside the others, for the same request.
        Assert.Equal("/export/adherence.csv?agentIds=a1,a2&from=2026-11-16&to=2026-11-17&tz=UTC", timeline.Find("#export-adherence").GetAttribute("href"));
        Assert.Contains("Adherence CSV", timeline.Find("#export-adherence").TextContent);
    }

    [Fact]
    public async Task With_no_schedules_at_all_the_timeline_is_drawn_and_says_schedules_can_be_imported()
    {
        await using var page = NewPage();

        var timeline = Show(page, TwoDays);

        Assert.Equal(4, timeline.FindAll("[data-lane]").Count);
        Assert.NotEmpty(timeline.FindAll("rect.seg"));
        var none = timeline.Find("#no-schedules");
        Assert.Contains("Schedules can be imported", none.TextContent);
        Assert.Equal("/schedules", none.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(timeline.FindAll("#adherence-team"));
        Assert.Empty(timeline.FindAll("[data-adherence]"));
        Assert.Empty(timeline.FindAll(".sched-strip"));
        Assert.Empty(timeline.FindAll("rect.ooa"));
    }

    [Fact]
    public async Task Schedules_that_cannot_be_read_leave_the_timeline_drawn_with_a_word_why()
    {
        await using var page = NewPage();
        page.Schedules().Failure = new InvalidOperationException("the store is not answering");

        var timeline = Show(page, TwoDays);

        Assert.Equal(4, timeline.FindAll("[data-lane]").Count);
        Assert.Contains("Schedules could not be read just now", timeline.Find("#schedule-problem").TextContent);
        Assert.DoesNotContain("not answering", timeline.Markup); // no internals on the page
        Assert.Empty(timeline.FindAll("[data-adherence]"));
    }
}
