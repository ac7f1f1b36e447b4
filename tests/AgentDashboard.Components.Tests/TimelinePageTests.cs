using System.Globalization;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using AngleSharp.Dom;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The timeline page drawn from status-audit hits fed by hand: a lane per agent and local day, each segment's
/// details, and day and period totals. Every expected figure is added up here from the hits' own instants.
/// </summary>
public sealed class TimelinePageTests
{
    private const string CallOne = "3f2b8c1e-6a4d-4d0e-9a57-0c1f5e2d7b11";
    private const string CallTwo = "9b1e0d2c-7f3a-4c5e-8d61-2a4b6c8e0f22";

    private static long Utc(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static long Nov(int day, int hour, int minute = 0) => Utc(11, day, hour, minute);

    private static long Hours(double hours) => (long)(hours * 3_600_000);

    private static int hitIds;

    private static StatusHit Hit(long at, string from, string to, string by, string? medium = null, string? user = null,
        string? reason = null, string? description = null, string? logId = null) => new()
    {
        CurrentActionTime = at, PreviousStatus = from, CurrentStatus = to,
        TriggeredBy = by, TriggeredByMedium = medium, TriggeredByUsername = user,
        TriggeredReason = reason, TriggeredReasonDesc = description,
        LogId = logId ?? "hit" + Interlocked.Increment(ref hitIds).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>An agent's answer: the last change before the window, and the hits bucketed by UTC day as Zoho pages them.</summary>
    private static AgentStatusAudit Audit(string id, string name, StatusHit? before, params StatusHit[] hits) => new()
    {
        AgentId = id, AgentName = name, PreviousResult = before,
        Dates = hits.GroupBy(h => h.CurrentActionTime!.Value / 86_400_000).Select((g, i) => new StatusAuditDay
        {
            StartTimestamp = g.Key * 86_400_000, Index = i, Hits = g.ToList(),
        }).ToList(),
    };

    // Ann's Monday 16 and Tuesday 17 Nov 2026 (UTC); the page's clock stands at Tue 17 15:30.
    private static readonly StatusHit AnnBefore = Hit(Nov(15, 20), "Available", "Offline", "Zoho Voice", reason: "Agent Schedule", description: "Automatic Check Out");
    private static readonly StatusHit[] AnnHits =
    [
        Hit(Nov(16, 8), "Offline", "Available", "User", "Web", "Ann Agent"),
        Hit(Nov(16, 10), "Available", "On Call", "Zoho Voice", reason: "Call", description: "Call Answered", logId: CallOne),
        Hit(Nov(16, 10, 20), "On Call", "Available", "Zoho Voice", reason: "Call", description: "Call Ended", logId: CallTwo),
        Hit(Nov(16, 12), "Available", "On Break", "User", "Web", "Ann Agent"),
        Hit(Nov(16, 12, 30), "On Break", "Available", "User", "Mobile", "Ann Agent"),
        Hit(Nov(16, 12, 45), "Available", "Available", "Zoho Voice", reason: "Agent Schedule", description: "Automatic Check In"),
        Hit(Nov(16, 17), "Available", "Offline", "User", "Web", "Ann Agent"),
        Hit(Nov(16, 23), "Offline", "Busy", "User", "Web", "Sam Supervisor", reason: "Status Override"),
        Hit(Nov(17, 1), "Busy", "Offline", "Zoho Voice"),
        Hit(Nov(17, 9), "Offline", "Available", "User", "Web", "Ann Agent"),
    ];

    private static readonly long Now = PageContext.Now.ToUnixTimeMilliseconds(); // Tue 17 Nov 15:30 UTC

    private static PageContext NewPage(List<StatusAuditQuery> asked, params AgentStatusAudit[] agents)
    {
        var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]>
        {
            ["q1"] = [("a1", "Ann Agent"), ("a2", "Bea Brown")],
            ["q2"] = [("a2", "Bea Brown")],
        });
        page.Zoho.StatusAudit = query =>
        {
            lock (asked) asked.Add(query);
            return new StatusAuditResponse { List = new StatusAuditList { AgentStatus = agents.Where(a => query.AgentIds.Contains(a.AgentId!)).ToList() } };
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

    private static IElement Lane(IRenderedComponent<TimelinePage> timeline, string agent, string date) =>
        timeline.Find($"[data-lane='{agent}/{date}']");

    private static List<(string? Status, string? From, string? To, string? Duration, string? By)> Segments(IElement lane) =>
        lane.QuerySelectorAll("rect.seg").Select(r => (r.GetAttribute("data-status"), r.GetAttribute("data-from"), r.GetAttribute("data-to"), r.GetAttribute("data-dur"), r.GetAttribute("data-by"))).ToList();

    /// <summary>The totals a DayTotals shows: "Working" and each status's own figure by its data-total.</summary>
    private static Dictionary<string, string> Totals(IElement totals)
    {
        var shown = totals.QuerySelectorAll("[data-total]").ToDictionary(t => t.GetAttribute("data-total")!, t => t.TextContent.Trim());
        shown["Working"] = totals.QuerySelector(".tot-working")!.TextContent.Trim();
        return shown;
    }

    /// <summary>The page's h:mm, written here on its own: whole hours, then minutes.</summary>
    private static string Hm(long ms) => $"{ms / 3_600_000}:{ms / 60_000 % 60:00}";

    /// <summary>The segments' duration text: h:mm:ss from an hour, m:ss below.</summary>
    private static string Dur(long ms) => ms >= 3_600_000 ? $"{ms / 3_600_000}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}" : $"{ms / 60_000}:{ms / 1000 % 60:00}";

    [Fact]
    public async Task Each_agent_gets_a_lane_per_day_with_day_and_period_totals_the_hits_add_up_to()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", AnnBefore, AnnHits));

        var timeline = Show(page, "/timeline?tz=UTC&agentIds=a1,a2&from=2026-11-16&to=2026-11-17");

        var query = Assert.Single(asked);
        Assert.Equal(["a1", "a2"], query.AgentIds);
        Assert.Equal("UTC", query.TimeZone);
        Assert.Equal(Nov(16, 0), query.FromEpoch);
        Assert.Equal(Now + 1, query.ToEpoch); // the window stops at now, not at the end of today

        Assert.Equal(["a1/2026-11-16", "a1/2026-11-17", "a2/2026-11-16", "a2/2026-11-17"],
            timeline.FindAll("[data-lane]").Select(l => l.GetAttribute("data-lane")));

        // Mon 16, from the hits: Available 8:00-10:00, 10:20-12:00 and 12:30-17:00 (the 12:45 check-in breaks nothing);
        // On Call 10:00-10:20; On Break 12:00-12:30; Busy 23:00-24:00; Offline the rest.
        long available16 = (Nov(16, 10) - Nov(16, 8)) + (Nov(16, 12) - Nov(16, 10, 20)) + (Nov(16, 17) - Nov(16, 12, 30));
        long onCall16 = Nov(16, 10, 20) - Nov(16, 10);
        long onBreak16 = Nov(16, 12, 30) - Nov(16, 12);
        long busy16 = Nov(17, 0) - Nov(16, 23);
        var monday = Totals(Lane(timeline, "a1", "2026-11-16").QuerySelector(".day-totals")!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Working"] = "Working " + Hm(available16 + onCall16 + onBreak16 + busy16),
            ["Available"] = "Avail " + Hm(available16),
            ["On Call"] = "Call " + Hm(onCall16),
            ["On Break"] = "Break " + Hm(onBreak16),
            ["Busy"] = "Busy " + Hm(busy16),
        }, monday); // no Offline: it is what is not Working Time

        // Tue 17: Busy 0:00-1:00 (from Monday's 23:00 change), Offline 1:00-9:00, Available 9:00 until now.
        long busy17 = Nov(17, 1) - Nov(17, 0);
        long available17 = Now - Nov(17, 9);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Working"] = "Working " + Hm(busy17 + available17),
            ["Available"] = "Avail " + Hm(available17),
            ["Busy"] = "Busy " + Hm(busy17),
        }, Totals(Lane(timeline, "a1", "2026-11-17").QuerySelector(".day-totals")!));

        var head = timeline.Find("[data-agent-head='a1']");
        Assert.Contains("Ann Agent", head.TextContent);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Working"] = "Working " + Hm(available16 + onCall16 + onBreak16 + busy16 + busy17 + available17),
            ["Available"] = "Avail " + Hm(available16 + available17),
            ["On Call"] = "Call " + Hm(onCall16),
            ["On Break"] = "Break " + Hm(onBreak16),
            ["Busy"] = "Busy " + Hm(busy16 + busy17),
        }, Totals(head.QuerySelector(".day-totals")!));
        Assert.Contains("Period", head.QuerySelector(".day-totals")!.TextContent);

        // Bea: Zoho sent nothing. Her lanes are there, empty, named as the directory knows her.
        Assert.Contains("Bea Brown", timeline.Find("[data-agent-head='a2']").TextContent);
        foreach (string date in (string[])["2026-11-16", "2026-11-17"])
        {
            var lane = Lane(timeline, "a2", date);
            Assert.Empty(lane.QuerySelectorAll("rect"));
            Assert.Equal("No data", lane.QuerySelector(".day-totals")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task A_segment_carries_its_status_times_and_who_triggered_it_and_is_cut_at_midnight()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", AnnBefore, AnnHits));

        var timeline = Show(page, "/timeline?tz=UTC&agentIds=a1&from=2026-11-16&to=2026-11-17");

        var monday = Lane(timeline, "a1", "2026-11-16");
        Assert.Equal(
        [
            ("Offline", "00:00:00", "08:00:00", Dur(Nov(16, 8) - Nov(16, 0)), "Zoho Voice"),
            ("Available", "08:00:00", "10:00:00", Dur(Nov(16, 10) - Nov(16, 8)), "User · Web · Ann Agent"),
            ("On Call", "10:00:00", "10:20:00", Dur(Nov(16, 10, 20) - Nov(16, 10)), "Zoho Voice"),
            ("Available", "10:20:00", "12:00:00", Dur(Nov(16, 12) - Nov(16, 10, 20)), "Zoho Voice"),
            ("On Break", "12:00:00", "12:30:00", Dur(Nov(16, 12, 30) - Nov(16, 12)), "User · Web · Ann Agent"),
            ("Available", "12:30:00", "17:00:00", Dur(Nov(16, 17) - Nov(16, 12, 30)), "User · Mobile · Ann Agent"),
            ("Offline", "17:00:00", "23:00:00", Dur(Nov(16, 23) - Nov(16, 17)), "User · Web · Ann Agent"),
            ("Busy", "23:00:00", "00:00:00", Dur(Nov(17, 0) - Nov(16, 23)), "User · Web · Sam Supervisor"),
        ], Segments(monday));

        var rects = monday.QuerySelectorAll("rect.seg");
        // The day opens in the status of the last change before it, which says since when.
        Assert.Equal("since " + new DateTime(2026, 11, 15, 20, 0, 0).ToString("ddd d MMM HH:mm", CultureInfo.CurrentCulture), rects[0].GetAttribute("data-began"));
        Assert.Equal("Agent Schedule · Automatic Check Out", rects[0].GetAttribute("data-reason"));
        // A queue call's change links to the call; others do not.
        Assert.Equal(CallOne, rects[2].GetAttribute("data-call"));
        Assert.Equal("Call · Call Answered", rects[2].GetAttribute("data-reason"));
        Assert.Null(rects[1].GetAttribute("data-call"));
        Assert.Null(rects[1].GetAttribute("data-began"));

        var checkIn = Assert.Single(monday.QuerySelectorAll("rect.checkin"));
        Assert.Equal("Available (check-in)", checkIn.GetAttribute("data-status"));
        Assert.Equal("12:45:00", checkIn.GetAttribute("data-from"));
        Assert.Equal("Zoho Voice", checkIn.GetAttribute("data-by"));
        Assert.Equal("Agent Schedule · Automatic Check In", checkIn.GetAttribute("data-reason"));

        // Tuesday: the Busy stretch goes on from Monday's 23:00 change; the last runs until now.
        var tuesday = Lane(timeline, "a1", "2026-11-17");
        Assert.Equal(
        [
            ("Busy", "00:00:00", "01:00:00", Dur(Nov(17, 1) - Nov(17, 0)), "User · Web · Sam Supervisor"),
            ("Offline", "01:00:00", "09:00:00", Dur(Nov(17, 9) - Nov(17, 1)), "Zoho Voice"),
            ("Available", "09:00:00", "15:30:00", Dur(Now - Nov(17, 9)), "User · Web · Ann Agent"),
        ], Segments(tuesday));
        Assert.Equal("since " + new DateTime(2026, 11, 16, 23, 0, 0).ToString("ddd d MMM HH:mm", CultureInfo.CurrentCulture),
            tuesday.QuerySelector("rect.seg")!.GetAttribute("data-began"));
        Assert.Equal("Status Override", tuesday.QuerySelector("rect.seg")!.GetAttribute("data-reason"));
    }

    [Fact]
    public async Task Lanes_follow_the_zones_local_days_and_a_25_hour_day_says_so()
    {
        // America/New_York: Sat 31 Oct 2026 is EDT (UTC-4); the clocks go back at 2:00 on Sun 1 Nov, a 25-hour day.
        var asked = new List<StatusAuditQuery>();
        var before = Hit(Utc(10, 30, 22), "Available", "Offline", "User", "Web", "Ann Agent");
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", before,
            Hit(Utc(10, 31, 13), "Offline", "Available", "User", "Web", "Ann Agent"), // 09:00 EDT
            Hit(Utc(10, 31, 21), "Available", "Offline", "User", "Web", "Ann Agent"), // 17:00 EDT
            Hit(Utc(11, 1, 5, 30), "Offline", "Busy", "User", "Web", "Ann Agent"), // 01:30 EDT, the first 01:30
            Hit(Utc(11, 1, 7), "Busy", "Offline", "User", "Web", "Ann Agent"), // 02:00 EST
            Hit(Utc(11, 1, 14), "Offline", "Available", "User", "Web", "Ann Agent"), // 09:00 EST
            Hit(Utc(11, 1, 23), "Available", "Offline", "User", "Web", "Ann Agent"))); // 18:00 EST

        var timeline = Show(page, "/timeline?tz=America%2FNew_York&agentIds=a1&from=2026-10-31&to=2026-11-01");

        var query = Assert.Single(asked);
        Assert.Equal("America/New_York", query.TimeZone);
        Assert.Equal(Utc(10, 31, 4), query.FromEpoch); // local midnight, EDT
        Assert.Equal(Utc(11, 2, 5), query.ToEpoch); // the next local midnight after Sunday, EST

        var saturday = Lane(timeline, "a1", "2026-10-31");
        Assert.Equal(
        [
            ("Offline", "00:00:00", "09:00:00", Dur(Utc(10, 31, 13) - Utc(10, 31, 4)), "User · Web · Ann Agent"),
            ("Available", "09:00:00", "17:00:00", Dur(Utc(10, 31, 21) - Utc(10, 31, 13)), "User · Web · Ann Agent"),
            ("Offline", "17:00:00", "00:00:00", Dur(Utc(11, 1, 4) - Utc(10, 31, 21)), "User · Web · Ann Agent"),
        ], Segments(saturday));
        Assert.Empty(saturday.QuerySelectorAll(".badge"));

        var sunday = Lane(timeline, "a1", "2026-11-01");
        Assert.Equal("25 h", sunday.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal(
        [
            ("Offline", "00:00:00", "01:30:00", Dur(Utc(11, 1, 5, 30) - Utc(11, 1, 4)), "User · Web · Ann Agent"),
            ("Busy", "01:30:00", "02:00:00", Dur(Utc(11, 1, 7) - Utc(11, 1, 5, 30)), "User · Web · Ann Agent"), // an hour and a half
            ("Offline", "02:00:00", "09:00:00", Dur(Utc(11, 1, 14) - Utc(11, 1, 7)), "User · Web · Ann Agent"),
            ("Available", "09:00:00", "18:00:00", Dur(Utc(11, 1, 23) - Utc(11, 1, 14)), "User · Web · Ann Agent"),
            ("Offline", "18:00:00", "00:00:00", Dur(Utc(11, 2, 5) - Utc(11, 1, 23)), "User · Web · Ann Agent"),
        ], Segments(sunday));
        Assert.Equal(Hours(25), Utc(11, 2, 5) - Utc(11, 1, 4));
        long busy = Utc(11, 1, 7) - Utc(11, 1, 5, 30), available = Utc(11, 1, 23) - Utc(11, 1, 14);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Working"] = "Working " + Hm(busy + available),
            ["Busy"] = "Busy " + Hm(busy),
            ["Available"] = "Avail " + Hm(available),
        }, Totals(sunday.QuerySelector(".day-totals")!));
    }

    [Fact]
    public async Task A_left_out_status_is_a_gap_and_a_left_out_weekday_has_no_lane_nor_share_of_the_totals()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", AnnBefore, AnnHits));

        // Leave out Tuesdays (Zoho's 2) and On Break.
        var timeline = Show(page, "/timeline?tz=UTC&agentIds=a1&from=2026-11-16&to=2026-11-17&excludeDays=2&excludeStatus=On%20Break");

        // The filters are applied to the hits, not sent to Zoho, which would stretch Available over the break.
        var query = Assert.Single(asked);
        Assert.Null(query.ExcludeDays);
        Assert.Empty(query.ExcludeStatus);
        Assert.Equal(["a1/2026-11-16"], timeline.FindAll("[data-lane]").Select(l => l.GetAttribute("data-lane")));

        var monday = Lane(timeline, "a1", "2026-11-16");
        var segments = Segments(monday);
        Assert.DoesNotContain(segments, s => s.Status == "On Break");
        Assert.Contains(("Available", "10:20:00", "12:00:00", Dur(Nov(16, 12) - Nov(16, 10, 20)), "Zoho Voice"), segments); // ends where the break began
        Assert.Contains(("Available", "12:30:00", "17:00:00", Dur(Nov(16, 17) - Nov(16, 12, 30)), "User · Mobile · Ann Agent"), segments);
        Assert.Equal(7, segments.Count);

        long available = (Nov(16, 10) - Nov(16, 8)) + (Nov(16, 12) - Nov(16, 10, 20)) + (Nov(16, 17) - Nov(16, 12, 30));
        long onCall = Nov(16, 10, 20) - Nov(16, 10);
        long busy = Nov(17, 0) - Nov(16, 23);
        var expected = new Dictionary<string, string>
        {
            ["Working"] = "Working " + Hm(available + onCall + busy),
            ["Available"] = "Avail " + Hm(available),
            ["On Call"] = "Call " + Hm(onCall),
            ["Busy"] = "Busy " + Hm(busy),
        };
        Assert.Equal(expected, Totals(monday.QuerySelector(".day-totals")!));
        Assert.Equal(expected, Totals(timeline.Find("[data-agent-head='a1'] .day-totals"))); // Tuesday's hour of Busy is not in the period
    }

    [Fact]
    public async Task Zooming_to_a_day_shows_only_its_lanes_named_by_agent()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", AnnBefore, AnnHits));

        var timeline = Show(page, "/timeline?tz=UTC&agentIds=a1,a2&from=2026-11-16&to=2026-11-17&day=2026-11-17");

        Assert.Equal(["a1/2026-11-17", "a2/2026-11-17"], timeline.FindAll("[data-lane]").Select(l => l.GetAttribute("data-lane")));
        Assert.Equal(["Ann Agent", "Bea Brown"], timeline.FindAll(".lane-label").Select(l => l.TextContent.Trim()));
        Assert.Empty(timeline.FindAll("[data-agent-head]")); // one day: no period totals
        Assert.Contains(new DateOnly(2026, 11, 17).ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture), timeline.Find(".zoom-bar").TextContent);
        long busy = Nov(17, 1) - Nov(17, 0), available = Now - Nov(17, 9);
        Assert.Equal("Working " + Hm(busy + available), timeline.Find("[data-lane='a1/2026-11-17'] .tot-working").TextContent.Trim());
    }

    [Fact]
    public async Task More_lanes_than_can_be_drawn_ask_for_a_day_and_one_day_of_them_is_drawn()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", AnnBefore, AnnHits));
        var ids = new[] { "a1" }.Concat(Enumerable.Range(2, 200).Select(i => "x" + i.ToString("000", CultureInfo.InvariantCulture))).ToList();

        // 201 agents over two days: 402 lanes, over the 400 the page draws at once.
        page.NavigateTo("/timeline?tz=UTC&from=2026-11-16&to=2026-11-17&agentIds=" + string.Join(',', ids));
        var timeline = page.Context.Render<TimelinePage>();
        timeline.WaitForElement("#too-many-lanes", PeriodPages.Wait);

        Assert.Equal(ids.Order(StringComparer.Ordinal), asked.SelectMany(q => q.AgentIds).Order(StringComparer.Ordinal)); // everyone asked for, once
        Assert.Contains(402.ToString("N0", CultureInfo.CurrentCulture) + " lanes", timeline.Find("#too-many-lanes").TextContent);
        Assert.Empty(timeline.FindAll("#timeline"));
        Assert.Empty(timeline.FindAll("[data-lane]"));
        Assert.Equal([new DateOnly(2026, 11, 16).ToString("ddd d MMM", CultureInfo.CurrentCulture), new DateOnly(2026, 11, 17).ToString("ddd d MMM", CultureInfo.CurrentCulture)],
            timeline.FindAll(".day-buttons button").Select(b => b.TextContent.Trim()));

        // One day of them is 201 lanes: drawn.
        page.NavigateTo("/timeline?tz=UTC&from=2026-11-16&to=2026-11-17&day=2026-11-17&agentIds=" + string.Join(',', ids));
        timeline.WaitForElement("#timeline", PeriodPages.Wait);
        Assert.Equal(ids.Select(id => id + "/2026-11-17"), timeline.FindAll("[data-lane]").Select(l => l.GetAttribute("data-lane")));
        Assert.Empty(timeline.FindAll("#too-many-lanes"));
        long busy = Nov(17, 1) - Nov(17, 0), available = Now - Nov(17, 9);
        Assert.Equal("Working " + Hm(busy + available), timeline.Find("[data-lane='a1/2026-11-17'] .tot-working").TextContent.Trim());
        int reads = asked.Count;
        Assert.Equal(ids.Order(StringComparer.Ordinal), asked.SelectMany(q => q.AgentIds).Order(StringComparer.Ordinal)); // zooming read nothing again

        // Back to all days: drawn from what was read, again without asking Zoho.
        page.NavigateTo("/timeline?tz=UTC&from=2026-11-16&to=2026-11-17&agentIds=" + string.Join(',', ids));
        timeline.WaitForElement("#too-many-lanes", PeriodPages.Wait);
        Assert.Equal(reads, asked.Count);
    }

    [Fact]
    public async Task Without_picked_agents_everyone_in_the_queue_gets_a_lane_and_custom_statuses_join_the_legend()
    {
        var asked = new List<StatusAuditQuery>();
        await using var page = NewPage(asked, Audit("a1", "Ann Agent", Hit(Nov(16, 7), "Offline", "Available", "User"),
            Hit(Nov(16, 9), "Available", "Training", "User", "Web", "Ann Agent"),
            Hit(Nov(16, 11, 15), "Training", "Available", "User", "Web", "Ann Agent")));
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("z9", "Zed Zulu"), ("a1", "Ann Agent")] });

        var timeline = Show(page, "/timeline?tz=UTC&queue=q1&from=2026-11-16&to=2026-11-16");

        Assert.Equal(["a1", "z9"], Assert.Single(asked).AgentIds); // the queue's agents, by name
        Assert.Equal(["a1/2026-11-16", "z9/2026-11-16"], timeline.FindAll("[data-lane]").Select(l => l.GetAttribute("data-lane")));
        Assert.Equal(["Ann Agent", "Zed Zulu"], timeline.FindAll(".lane-label").Select(l => l.TextContent.Trim()));
        Assert.Equal("No data", Lane(timeline, "z9", "2026-11-16").QuerySelector(".day-totals")!.TextContent.Trim());

        var training = Lane(timeline, "a1", "2026-11-16").QuerySelectorAll("rect.seg").Single(r => r.GetAttribute("data-status") == "Training");
        Assert.Equal(("09:00:00", "11:15:00"), (training.GetAttribute("data-from"), training.GetAttribute("data-to")));
        Assert.Equal("Training " + Hm(Nov(16, 11, 15) - Nov(16, 9)), Lane(timeline, "a1", "2026-11-16").QuerySelector("[data-total='Training']")!.TextContent.Trim());
        Assert.Equal(["Available", "On Call", "Busy", "On Break", "Offline", "Training"],
            timeline.FindAll(".timeline-legend .legend-item").Select(l => l.TextContent.Trim()).Take(6));
    }
}
