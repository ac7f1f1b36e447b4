using System.Globalization;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The timeline zoomed to a stretch of the day by the URL's span, by keys and by buttons (in UTC; the page's clock
/// stands at Tue 17 Nov 2026 15:30). A lane's unit is the minute: a ten-minute span is 10 units across. Every
/// position and width is worked out by hand in the comments.
/// </summary>
public sealed class TimelineZoomTests
{
    private static long Nov(int day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(2026, 11, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static StatusHit Hit(long at, string from, string to) => new()
    {
        CurrentActionTime = at, PreviousStatus = from, CurrentStatus = to, TriggeredBy = "User",
        LogId = "h" + at.ToString(CultureInfo.InvariantCulture),
    };

    // Ann on Mon 16: in at 09:07, a 4-second call at 09:10, on break at 12:00, gone at 16:50; Tue 17 in at 09:00.
    private static readonly AgentStatusAudit Ann = new()
    {
        AgentId = "a1", AgentName = "Ann Agent", PreviousResult = Hit(Nov(15, 20), "Available", "Offline"),
        Dates =
        [
            new StatusAuditDay
            {
                StartTimestamp = Nov(16, 0), Index = 0,
                Hits = [Hit(Nov(16, 9, 7), "Offline", "Available"), Hit(Nov(16, 9, 10), "Available", "On Call"), Hit(Nov(16, 9, 10, 4), "On Call", "Available"),
                        Hit(Nov(16, 12), "Available", "On Break"), Hit(Nov(16, 16, 50), "On Break", "Offline")],
            },
            new StatusAuditDay { StartTimestamp = Nov(17, 0), Index = 1, Hits = [Hit(Nov(17, 9), "Offline", "Available")] },
        ],
    };

    /// <summary>How many times the page asked Zoho for status changes.</summary>
    private int reads;

    private PageContext NewPage()
    {
        var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("a1", "Ann Agent")] });
        page.Zoho.StatusAudit = query =>
        {
            Interlocked.Increment(ref reads);
            return new StatusAuditResponse { List = new StatusAuditList { AgentStatus = [Ann] } };
        };
        page.Schedules().Activities.AddRange([new ScheduledActivity("a1", Nov(16, 9), Nov(16, 12), "Work"), new ScheduledActivity("a1", Nov(17, 9), Nov(17, 17), "Work")]);
        return page;
    }

    private const string TwoDays = "/timeline?tz=UTC&agentIds=a1&from=2026-11-16&to=2026-11-17";

    private static IRenderedComponent<TimelinePage> Show(PageContext page, string uri)
    {
        page.NavigateTo(uri);
        var timeline = page.Context.Render<TimelinePage>();
        timeline.WaitForElement("#timeline", PeriodPages.Wait);
        return timeline;
    }

    private static List<(string? Status, string? X, string? Width)> Drawn(IElement lane, string selector = "svg.lane rect.seg") =>
        lane.QuerySelectorAll(selector).Select(r => (r.GetAttribute("data-status") ?? r.GetAttribute("data-activity") ?? r.GetAttribute("data-ooa"), r.GetAttribute("x"), r.GetAttribute("width"))).ToList();

    private static string Url(PageContext page) => Uri.UnescapeDataString(page.Context.Services.GetRequiredService<NavigationManager>().Uri);

    [Fact]
    public async Task The_urls_span_cuts_every_lane_to_the_same_stretch_and_a_4_second_call_gets_a_share_of_it()
    {
        await using var page = NewPage();
        var timeline = Show(page, TwoDays + "&span=09:05-09:15");

        Assert.Equal("09:05 – 09:15 (10 min)", timeline.Find("#span-shown").TextContent.Trim());
        var monday = timeline.Find("[data-lane='a1/2026-11-16']");
        var svg = monday.QuerySelector("svg.lane")!;
        Assert.Equal("0 0 10 20", svg.GetAttribute("viewBox"));
        Assert.Contains("width: 100%", svg.GetAttribute("style"));
        // Offline 00:00-09:07 cut to 09:05-09:07; Available 09:07-09:10; the call 09:10:00-09:10:04 is 4/60 of a
        // minute at 5 minutes in; Available from 09:10:04 (5.0667) cut at 09:15 (4.9333 wide). Nothing after.
        Assert.Equal([("Offline", "0", "2"), ("Available", "2", "3"), ("On Call", "5", "0.0667"), ("Available", "5.0667", "4.9333")], Drawn(monday));
        // Their details keep their whole times.
        var segments = monday.QuerySelectorAll("rect.seg");
        Assert.Equal(("00:00:00", "09:07:00"), (segments[0].GetAttribute("data-from"), segments[0].GetAttribute("data-to")));
        Assert.Equal(("09:10:00", "09:10:04", "0:04"), (segments[2].GetAttribute("data-from"), segments[2].GetAttribute("data-to"), segments[2].GetAttribute("data-dur")));

        // The schedule strip and the adherence band follow: Work 09:00-12:00 fills the span; Offline in Work 09:00-09:07 is cut at 09:05.
        Assert.Equal("0 0 10 6", monday.QuerySelector("svg.sched-strip")!.GetAttribute("viewBox"));
        Assert.Equal([("Work", "0", "10")], Drawn(monday, "svg.sched-strip rect"));
        Assert.Equal([("Offline/Work", "0", "2")], Drawn(monday, "svg.lane rect.ooa"));

        // Tuesday's lane shows the same clock times: Available since 09:00, all of it.
        Assert.Equal([("Available", "0", "10")], Drawn(timeline.Find("[data-lane='a1/2026-11-17']")));

        // Every 2 minutes (10 intervals at 1 minute are too many): 09:06 is 1 minute in, 10%.
        var ticks = timeline.FindAll(".axis span");
        Assert.Equal(["09:06", "09:08", "09:10", "09:12", "09:14"], ticks.Select(t => t.TextContent));
        Assert.Equal(["left: 10%", "left: 30%", "left: 50%", "left: 70%", "left: 90%"], ticks.Select(t => t.GetAttribute("style")!.Split(';')[0]));
        Assert.Equal([true, false, true, false, true], ticks.Select(t => t.ClassList.Contains("axis-minor")));
    }

    [Fact]
    public async Task Without_a_span_the_lanes_are_the_whole_day_as_before()
    {
        await using var page = NewPage();
        var timeline = Show(page, TwoDays);

        Assert.Equal("Whole day", timeline.Find("#span-shown").TextContent.Trim());
        var monday = timeline.Find("[data-lane='a1/2026-11-16']");
        Assert.Equal("0 0 1440 20", monday.QuerySelector("svg.lane")!.GetAttribute("viewBox"));
        // 09:10 is minute 550; the call is 4 seconds.
        Assert.Contains(("On Call", "550", "0.0667"), Drawn(monday));
        Assert.Equal(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "24:00"], timeline.FindAll(".axis span").Select(t => t.TextContent));
        Assert.True(timeline.Find("#span-whole").HasAttribute("disabled"));
        Assert.True(timeline.Find("#span-out").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("banana", "The link's span \"banana\" is not a stretch of the day such as 09:00-09:30, so the whole day is shown.")]
    [InlineData("10:00-09:00", "The link's span \"10:00-09:00\" ends before it starts, so the whole day is shown.")]
    [InlineData("09:00-25:00", "The link's span \"09:00-25:00\" is not a stretch of the day such as 09:00-09:30, so the whole day is shown.")]
    public async Task A_bad_span_is_said_in_words_and_the_whole_day_shown(string span, string said)
    {
        await using var page = NewPage();
        var timeline = Show(page, TwoDays + "&span=" + Uri.EscapeDataString(span));

        Assert.Equal(said, timeline.Find("#span-problem").TextContent.Trim());
        Assert.Equal("0 0 1440 20", timeline.Find("[data-lane='a1/2026-11-16'] svg.lane").GetAttribute("viewBox"));
    }

    [Fact]
    public async Task A_dragged_span_under_five_minutes_is_widened_and_the_url_says_so()
    {
        await using var page = NewPage();
        // 30 seconds about 09:10:15: five minutes about it are 09:07:45-09:12:45.
        var timeline = Show(page, TwoDays + "&span=09:10:00-09:10:30");

        timeline.WaitForAssertion(() => Assert.EndsWith("&span=09:07:45-09:12:45", Url(page)), PeriodPages.Wait);
        Assert.Equal("09:07:45 – 09:12:45 (5 min)", timeline.Find("#span-shown").TextContent.Trim());
        Assert.Empty(timeline.FindAll("#span-problem"));
        // The call starts 2:15 (2.25 minutes) in.
        Assert.Contains(("On Call", "2.25", "0.0667"), Drawn(timeline.Find("[data-lane='a1/2026-11-16']")));
        Assert.True(timeline.Find("#span-in").HasAttribute("disabled")); // five minutes is as close as it goes
    }

    [Fact]
    public async Task Keys_on_a_lane_zoom_move_and_show_the_whole_day()
    {
        await using var page = NewPage();
        var timeline = Show(page, TwoDays + "&span=09:00-09:30");
        int before = reads;

        void Press(string key, string expected, string? inUrl)
        {
            timeline.Find("[data-lane='a1/2026-11-16'] rect.seg").KeyDown(key);
            timeline.WaitForAssertion(() => Assert.Equal(expected, timeline.Find("#span-shown").TextContent.Trim()), PeriodPages.Wait);
            if (inUrl is null) Assert.DoesNotContain("span=", Url(page));
            else Assert.EndsWith("&span=" + inUrl, Url(page));
        }

        // Half of 30 minutes about 09:15; a quarter of 15 minutes on and back; twice as long about 09:15; the whole day.
        Press("+", "09:07:30 – 09:22:30 (15 min)", "09:07:30-09:22:30");
        Press("ArrowRight", "09:11:15 – 09:26:15 (15 min)", "09:11:15-09:26:15");
        Press("ArrowLeft", "09:07:30 – 09:22:30 (15 min)", "09:07:30-09:22:30");
        Press("-", "09:00 – 09:30 (30 min)", "09:00-09:30");
        Press("Escape", "09:00 – 09:30 (30 min)", "09:00-09:30"); // Escape closes a segment's details, never the zoom
        Press("0", "Whole day", null);
        Press("+", "06:00 – 18:00 (12 h)", "06:00-18:00");
        Press("0", "Whole day", null);
        Assert.Equal(before, reads); // zooming reads nothing again
    }

    [Fact]
    public async Task The_buttons_zoom_and_move_for_mouse_and_touch()
    {
        await using var page = NewPage();
        var timeline = Show(page, TwoDays);

        void Click(string button, string expected)
        {
            timeline.Find(button).Click();
            timeline.WaitForAssertion(() => Assert.Equal(expected, timeline.Find("#span-shown").TextContent.Trim()), PeriodPages.Wait);
        }

        Click("#span-in", "06:00 – 18:00 (12 h)");
        Click("#span-earlier", "03:00 – 15:00 (12 h)");
        Click("#span-earlier", "00:00 – 12:00 (12 h)");
        Assert.True(timeline.Find("#span-earlier").HasAttribute("disabled")); // at the day's start
        Click("#span-later", "03:00 – 15:00 (12 h)");
        Click("#span-in", "06:00 – 12:00 (6 h)");
        Assert.Equal("0 0 360 20", timeline.Find("[data-lane='a1/2026-11-16'] svg.lane").GetAttribute("viewBox"));
        Click("#span-out", "03:00 – 15:00 (12 h)");
        Click("#span-whole", "Whole day");
    }
}
