using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The period overview drawn from Zoho's overview answers fed by hand: the team's cards, the leaderboard sorted and
/// paged by Zoho (the page only asks), and the Working Time donut. Durations are in ms; the h:mm each shows is
/// worked out in the comments.
/// </summary>
public sealed class OverviewPageTests
{
    private static readonly TimeSpan Wait = MudPageContext.Wait;

    /// <summary>Mon 9 to Fri 13 Nov 2026, before <see cref="PageContext.Now"/> (Tue 17 Nov), in UTC.</summary>
    private const string Week = "/overview?tz=UTC&from=2026-11-09&to=2026-11-13";

    private const long Minute = 60_000;
    private const long Hour = 60 * Minute;

    private static ZohoMetric M(long? ms) => ms is { } v ? ZohoMetric.Of(v) : ZohoMetric.NoValue;

    /// <summary>One status's figures; null is Zoho's "--".</summary>
    private static StatusAggregate Figures(long? sum, long? avg = null, long? max = null, long? daily = null) =>
        new() { Sum = M(sum), Avg = M(avg), Max = M(max), DailyPerAgentAvg = M(daily) };

    private static AgentAggregation Row(string id, string name, params (string Status, StatusAggregate Figures)[] statuses) =>
        new() { AgentId = id, AgentName = name, Statuses = statuses.ToDictionary(s => s.Status, s => s.Figures) };

    private static OverviewResponse Answer(long? agents, long? days, Dictionary<string, StatusAggregate> team,
        Dictionary<string, MaxTimeAgent>? top = null, params AgentAggregation[] rows) => new()
    {
        Overview = new OverviewBody
        {
            AgentMetrics = new OverviewAgentMetrics
            {
                OverallAggregation = new OverallAggregation { AgentCount = M(agents), DaysCount = M(days), Statuses = team },
                MaxTimeAgents = top ?? [],
                IndividualAggregation = rows,
            },
        },
    };

    /// <summary>
    /// A page whose fake Zoho answers the agent directory's look-ups (no sort, no paging) with two agents and the
    /// page's own overview (sorted and paged) with <paramref name="answer"/>, keeping each of the latter queries.
    /// </summary>
    private static MudPageContext NewPage(List<OverviewQuery> asked, Func<OverviewQuery, OverviewResponse> answer)
    {
        var page = new MudPageContext();
        page.Fake.Overview = query =>
        {
            if (query.Sort is null && query.Page is null)
            {
                return Answer(null, null, [], null, Row("a1", "Ann"), Row("a2", "Ben"));
            }
            lock (asked) asked.Add(query);
            return answer(query);
        };
        return page;
    }

    private static IRenderedComponent<IComponent> Show(MudPageContext page, string uri)
    {
        page.NavigateTo(uri);
        var overview = page.Render<OverviewPage>();
        overview.WaitForElement("#leaderboard", Wait);
        return overview;
    }

    private static Dictionary<string, string> Query(MudPageContext page) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), page.Url).Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    private static OverviewQuery Last(List<OverviewQuery> asked)
    {
        lock (asked) return asked[^1];
    }

    private static int Count(List<OverviewQuery> asked)
    {
        lock (asked) return asked.Count;
    }

    /// <summary>The aria-sort of the column header whose button sorts by <paramref name="column"/> ("status/metric").</summary>
    private static string? AriaSort(IRenderedComponent<IComponent> overview, string column) =>
        overview.Find($"button[data-sort='{column}']").ParentElement!.GetAttribute("aria-sort");

    private static string Figure(IRenderedComponent<IComponent> overview, string status, string figure) =>
        overview.Find($"[data-team='{status}'] [data-figure='{figure}']").TextContent.Trim();

    private static OverviewResponse Team(long? agents = 3) => Answer(agents, 5, new()
    {
        ["Working Time"] = Figures(40 * Hour, 8 * Hour, null, 2 * Hour + 40 * Minute),
        ["Available"] = Figures(22 * Hour, null, 3 * Hour, 90 * Minute),
        ["Busy"] = Figures(0, 0, 0, null),
        ["On Break"] = Figures(7 * Hour, 84 * Minute, 2 * Hour, 28 * Minute),
        ["Offline"] = Figures(50 * Hour, 10 * Hour, 30 * Hour, 200 * Minute),
        ["Training"] = Figures(10 * Hour, 2 * Hour, 5 * Hour, 40 * Minute),
    },
    new()
    {
        ["Working Time"] = new MaxTimeAgent { AgentName = "Ann", AgentId = "a1", Duration = M(16 * Hour) },
        ["Available"] = new MaxTimeAgent { AgentName = "--", AgentId = "--", Duration = ZohoMetric.NoValue }, // Zoho's "nobody"
        ["On Break"] = new MaxTimeAgent { AgentName = "Ben", AgentId = "a2", Duration = M(4 * Hour + 5 * Minute) },
    },
    Row("a2", "Ben", ("Working Time", Figures(15 * Hour, 3 * Hour, 5 * Hour)), ("Busy", Figures(null, null, null))),
    Row("a1", "Ann", ("Working Time", Figures(16 * Hour, null, 6 * Hour + 30 * Minute)), ("Training", Figures(1 * Hour, 12 * Minute, 59_000))));

    [Fact]
    public async Task Team_cards_and_the_leaderboard_show_Zohos_figures_and_a_dash_for_its_no_value()
    {
        var asked = new List<OverviewQuery>();
        await using var page = NewPage(asked, _ => Team(agents: null));

        var overview = Show(page, Week);

        Assert.Equal("—", overview.Find("#agent-count").TextContent.Trim()); // "--" agents
        Assert.Equal("5", overview.Find("#day-count").TextContent.Trim());
        // Working Time first, the documented statuses Zoho sent in their order (no On Call: not sent), then Training.
        Assert.Equal(["Working Time", "Available", "Busy", "On Break", "Offline", "Training"], overview.FindAll("[data-team]").Select(c => c.GetAttribute("data-team")));
        Assert.Equal(("40:00", "8:00", "2:40", "Ann (16:00)"), (Figure(overview, "Working Time", "sum"), Figure(overview, "Working Time", "avg"), Figure(overview, "Working Time", "daily"), Figure(overview, "Working Time", "top")));
        Assert.Equal(("22:00", "—", "1:30", "nobody"), (Figure(overview, "Available", "sum"), Figure(overview, "Available", "avg"), Figure(overview, "Available", "daily"), Figure(overview, "Available", "top")));
        Assert.Equal(("0:00", "0:00", "—", "nobody"), (Figure(overview, "Busy", "sum"), Figure(overview, "Busy", "avg"), Figure(overview, "Busy", "daily"), Figure(overview, "Busy", "top")));
        Assert.Equal(("7:00", "1:24", "0:28", "Ben (4:05)"), (Figure(overview, "On Break", "sum"), Figure(overview, "On Break", "avg"), Figure(overview, "On Break", "daily"), Figure(overview, "On Break", "top")));
        Assert.Equal("10:00", Figure(overview, "Training", "sum"));

        // The leaderboard in Zoho's order, one group of sum/avg/max per column status.
        Assert.Equal(["Working Time", "Available", "Busy", "On Break", "Offline", "Training"], overview.FindAll("#leaderboard th.group").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Ben", "Ann"], overview.FindAll("#leaderboard td[data-agent]").Select(td => td.TextContent.Trim()));
        var rows = overview.FindAll("#leaderboard tbody tr");
        string Cell(int row, string cell) => rows[row].QuerySelector($"[data-cell='{cell}']")!.TextContent.Trim();
        Assert.Equal(("15:00", "3:00", "5:00"), (Cell(0, "Working Time/sum"), Cell(0, "Working Time/avg"), Cell(0, "Working Time/max")));
        Assert.Equal(("—", "—", "—"), (Cell(0, "Busy/sum"), Cell(0, "Busy/avg"), Cell(0, "Busy/max"))); // Zoho's "--"
        Assert.Equal("—", Cell(0, "Training/sum")); // not sent for Ben
        Assert.Equal(("16:00", "—", "6:30"), (Cell(1, "Working Time/sum"), Cell(1, "Working Time/avg"), Cell(1, "Working Time/max")));
        Assert.Equal(("1:00", "0:12", "<0:01"), (Cell(1, "Training/sum"), Cell(1, "Training/avg"), Cell(1, "Training/max"))); // 59 s is some time, not none
        Assert.Equal("Page 1 of 1", overview.Find("#page-of").TextContent.Trim()); // no agent count: one page
    }

    [Fact]
    public async Task The_donut_splits_Working_Time_by_status_and_leaves_out_Offline()
    {
        var asked = new List<OverviewQuery>();
        await using var page = NewPage(asked, _ => Team());

        var overview = Show(page, Week);

        // Available 22 h, On Break 7 h and Training 10 h; not Working Time (the whole), not Offline (not part of it),
        // not Busy (no time at all).
        var chart = overview.Find("#time-per-status");
        Assert.Equal(["Available 22h", "On Break 7h", "Training 10h"], chart.QuerySelectorAll(".mud-chart-legend-item").Select(i => i.TextContent.Trim()));
        Assert.DoesNotContain("Offline", chart.TextContent);
        Assert.Equal(3, chart.QuerySelectorAll("svg.mud-chart-donut path").Length);
        // Each slice in its status's own colour, as the live grid's tiles (wwwroot/app.css): green, amber.
        var markers = chart.QuerySelectorAll(".mud-chart-legend-marker").Select(m => m.GetAttribute("style")).ToList();
        Assert.Contains("#3a9a5b", markers[0]);
        Assert.Contains("#d39a2c", markers[1]);
    }

    [Fact]
    public async Task Sort_headers_put_sort_metric_and_order_in_the_url_and_Zoho_is_asked_for_that_order()
    {
        var asked = new List<OverviewQuery>();
        await using var page = NewPage(asked, _ => Team(agents: 60));

        var overview = Show(page, Week + "&page=2");

        // By default: Working Time's sum, longest first, the second page of 25 (agents 26 to 50: from 25).
        Assert.Equal(new StatusSort("Working Time", SortMetric.Sum, SortOrder.Desc), Last(asked).Sort);
        Assert.Equal(new Paging(25, 25), Last(asked).Page);
        Assert.Equal("descending", AriaSort(overview, "Working Time/sum"));

        // Another column: its status and metric go in the URL, the order is the default (descending), and paging starts again.
        overview.Find("button[data-sort='On Break/max']").Click();
        var query = Query(page);
        Assert.Equal(("On Break", "max"), (query["sort"], query["metric"]));
        Assert.DoesNotContain("order", query.Keys);
        Assert.DoesNotContain("page", query.Keys);
        overview.WaitForAssertion(() => Assert.Equal(new StatusSort("On Break", SortMetric.Max, SortOrder.Desc), Last(asked).Sort), Wait);
        Assert.Equal(new Paging(0, 25), Last(asked).Page);
        overview.WaitForAssertion(() => Assert.Equal("descending", AriaSort(overview, "On Break/max")), Wait);
        Assert.Null(AriaSort(overview, "Working Time/sum"));

        // The same column again turns the order round...
        overview.Find("button[data-sort='On Break/max']").Click();
        Assert.Equal("asc", Query(page)["order"]);
        overview.WaitForAssertion(() => Assert.Equal(new StatusSort("On Break", SortMetric.Max, SortOrder.Asc), Last(asked).Sort), Wait);
        overview.WaitForAssertion(() => Assert.Equal("ascending", AriaSort(overview, "On Break/max")), Wait);

        // ... and round again.
        overview.Find("button[data-sort='On Break/max']").Click();
        Assert.DoesNotContain("order", Query(page).Keys);
        overview.WaitForAssertion(() => Assert.Equal(new StatusSort("On Break", SortMetric.Max, SortOrder.Desc), Last(asked).Sort), Wait);

        // Another metric of the same status is another column: descending.
        overview.Find("button[data-sort='On Break/max']").Click();
        overview.WaitForAssertion(() => Assert.Equal(SortOrder.Asc, Last(asked).Sort!.Order), Wait);
        overview.Find("button[data-sort='On Break/avg']").Click();
        Assert.Equal(("On Break", "avg"), (Query(page)["sort"], Query(page)["metric"]));
        Assert.DoesNotContain("order", Query(page).Keys);
        overview.WaitForAssertion(() => Assert.Equal(new StatusSort("On Break", SortMetric.Avg, SortOrder.Desc), Last(asked).Sort), Wait);
    }

    [Fact]
    public async Task Pages_of_25_are_asked_of_Zoho_with_from_and_size_for_the_period_and_queues()
    {
        var asked = new List<OverviewQuery>();
        await using var page = NewPage(asked, _ => Team(agents: 60));

        var overview = Show(page, Week + "&excludeDays=67&sort=Available&metric=avg&order=asc");

        // 60 agents in pages of 25: three pages.
        Assert.Equal("Page 1 of 3", overview.Find("#page-of").TextContent.Trim());
        var first = Last(asked);
        Assert.Equal(new Paging(0, 25), first.Page);
        Assert.Equal(new StatusSort("Available", SortMetric.Avg, SortOrder.Asc), first.Sort);
        Assert.Equal(["q1", "q2"], first.QueueIds); // the supervisor's queues: every configured one on first use
        Assert.Empty(first.AgentIds);
        Assert.Equal("UTC", first.TimeZone);
        Assert.Equal("67", first.ExcludeDays);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), first.FromEpoch);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), first.ToEpoch);

        overview.Find("#pages button[aria-label='Page 2']").Click();
        Assert.Equal("2", Query(page)["page"]);
        overview.WaitForAssertion(() => Assert.Equal(new Paging(25, 25), Last(asked).Page), Wait);
        overview.WaitForAssertion(() => Assert.Equal("Page 2 of 3", overview.Find("#page-of").TextContent.Trim()), Wait);
        Assert.Equal(new StatusSort("Available", SortMetric.Avg, SortOrder.Asc), Last(asked).Sort); // paging keeps the sort

        overview.Find("#pages button[aria-label='Last page']").Click();
        Assert.Equal("3", Query(page)["page"]);
        overview.WaitForAssertion(() => Assert.Equal(new Paging(50, 25), Last(asked).Page), Wait);
        overview.WaitForAssertion(() => Assert.Equal("Page 3 of 3", overview.Find("#page-of").TextContent.Trim()), Wait);
        Assert.True(overview.Find("#pages button[aria-label='Next page']").HasAttribute("disabled"));

        int before = Count(asked);
        overview.Find("#pages button[aria-label='First page']").Click();
        Assert.DoesNotContain("page", Query(page).Keys); // page 1 is the default
        overview.WaitForAssertion(() => Assert.Equal(new Paging(0, 25), Last(asked).Page), Wait);
        Assert.Equal(before + 1, Count(asked));
        Assert.Equal("Available", Query(page)["sort"]);
    }
}
