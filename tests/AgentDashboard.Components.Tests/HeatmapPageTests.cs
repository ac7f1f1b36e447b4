using AgentDashboard.Core;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using AngleSharp.Dom;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The heatmap's cells and legend drawn from calendar-summary figures fed by hand. Expected buckets and band labels are
/// worked out in the comments from the documented scale (bucket 0 is exactly zero; time bands split the 95th
/// percentile rounded up to 75 minutes into five; shares run to 100%), never by the code under test.
/// </summary>
public sealed class HeatmapPageTests
{
    private const string WorkingTime = StatusCatalogue.WorkingTime;

    /// <summary>Mon 9 to Sun 15 Nov 2026: a whole week before <see cref="PageContext.Now"/> (Tue 17 Nov).</summary>
    private const string Week = "/heatmap?queue=q1&tz=UTC&from=2026-11-09&to=2026-11-15";

    private static readonly string[] Dates = ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14", "2026-11-15"];

    private static long Minutes(double minutes) => (long)(minutes * 60_000);

    /// <summary>A day's figures: a status's sum in ms, or null for Zoho's "--".</summary>
    private static CalendarDay Day(params (string Status, long? Ms)[] sums) => new()
    {
        Statuses = sums.ToDictionary(s => s.Status, s => new StatusAggregate { Sum = s.Ms is { } ms ? ZohoMetric.Of(ms) : ZohoMetric.NoValue }),
    };

    /// <summary>Working Time only: minutes, or null for "--".</summary>
    private static CalendarDay Working(double? minutes) => Day((WorkingTime, minutes is { } m ? Minutes(m) : null));

    private static AgentHistogram Agent(string id, string name, params (string Date, CalendarDay Day)[] days) => new()
    {
        TotalRow = new AgentAggregation { AgentId = id, AgentName = name },
        IntervalsData = days.ToDictionary(d => d.Date, d => d.Day),
    };

    /// <summary>A week of Working Time, Monday first; null leaves the day out of the answer.</summary>
    private static AgentHistogram AgentWeek(string id, string name, params double?[] minutes) =>
        Agent(id, name, [.. minutes.Select((m, i) => (Dates[i], m)).Where(d => d.m is not null).Select(d => (d.Item1, Working(d.m)))]);

    private static PageContext NewPage(List<CalendarSummaryQuery> asked, params AgentHistogram[] agents)
    {
        var page = new PageContext().WithPeriodPages();
        page.Zoho.AnswerDirectory(new Dictionary<string, (string, string)[]> { ["q1"] = [("a1", "Ann"), ("a2", "Ben")] });
        page.Zoho.CalendarSummary = query =>
        {
            lock (asked) asked.Add(query);
            return new CalendarSummaryResponse { CalendarSummary = new CalendarSummaryBody { HistogramAggregation = agents } };
        };
        return page;
    }

    private static IRenderedComponent<HeatmapPage> Show(PageContext page, string uri, string waitFor = "#heatmap")
    {
        page.NavigateTo(uri);
        var heatmap = page.Context.Render<HeatmapPage>();
        heatmap.WaitForElement(waitFor, PeriodPages.Wait);
        return heatmap;
    }

    /// <summary>The agents × days cell of an agent on a date, found by the column of the date's header.</summary>
    private static IElement Cell(IRenderedComponent<HeatmapPage> heatmap, string agentId, string date)
    {
        var columns = heatmap.FindAll("th.hm-day").Select(th => th.GetAttribute("data-date")).ToList();
        var cells = heatmap.Find($"tr[data-row='{agentId}']").QuerySelectorAll("td.hc");
        return cells[columns.IndexOf(date)];
    }

    /// <summary>The cell's colour: b0-b5, hn (no data) or hx (excluded day); exactly one of them.</summary>
    private static string Colour(IElement cell) =>
        cell.ClassList.Single(c => c is "hn" or "hx" || (c.Length == 2 && c[0] == 'b' && char.IsAsciiDigit(c[1])));

    private static string Legend(IRenderedComponent<HeatmapPage> heatmap, int bucket) =>
        heatmap.Find($"[data-legend-bucket='{bucket}']").TextContent.Trim();

    [Fact]
    public async Task Cells_take_the_band_the_legend_gives_for_their_working_time()
    {
        var asked = new List<CalendarSummaryQuery>();
        // Thirteen positive days: the 95th percentile is the 13th smallest, 7:00, rounded up to a multiple of 75
        // minutes it is 7:30, so the bands are 90 minutes wide: (0, 1:30], (1:30, 3:00], (3:00, 4:30], (4:30, 6:00], above.
        await using var page = NewPage(asked,
            AgentWeek("a1", "Ann", 0, 90, 120, 240, 300, 420, 60),
            AgentWeek("a2", "Ben", 361, 180, 271, 0.5, 270, 91, 1));

        var heatmap = Show(page, Week);

        Assert.Equal("none", Legend(heatmap, 0));
        Assert.Equal("0:00–1:30", Legend(heatmap, 1));
        Assert.Equal("1:30–3:00", Legend(heatmap, 2));
        Assert.Equal("3:00–4:30", Legend(heatmap, 3));
        Assert.Equal("4:30–6:00", Legend(heatmap, 4));
        Assert.Equal("6:00 and more", Legend(heatmap, 5));
        // Each legend item's swatch wears the class its cells wear; the two cells without a value have theirs.
        Assert.All(Enumerable.Range(0, 6), b => Assert.Contains("b" + b, heatmap.Find($"[data-legend-bucket='{b}'] .hc-swatch").ClassList));
        Assert.Equal(["no data", "excluded day"], heatmap.FindAll("#heat-legend .legend-item:not([data-legend-bucket])").Select(i => i.TextContent.Trim()));
        Assert.Contains("hn", heatmap.FindAll("#heat-legend .legend-item:not([data-legend-bucket]) .hc-swatch")[0].ClassList);
        Assert.Contains("hx", heatmap.FindAll("#heat-legend .legend-item:not([data-legend-bucket]) .hc-swatch")[1].ClassList);

        Assert.Equal(Dates, heatmap.FindAll("th.hm-day").Select(th => th.GetAttribute("data-date")));
        Assert.Equal(["a1", "a2"], heatmap.FindAll("tr[data-row]").Select(tr => tr.GetAttribute("data-row")));
        Assert.Equal(["Ann", "Ben"], heatmap.FindAll("tr[data-row] th.hm-name").Select(th => th.TextContent.Trim()));

        // A band's upper edge belongs to it (1:30 is b1, 3:00 b2, 4:30 b3); zero is b0, not "no data"; 30 s is some time.
        var expected = new Dictionary<string, (string Colour, string Value)[]>
        {
            ["a1"] = [("b0", "0:00"), ("b1", "1:30"), ("b2", "2:00"), ("b3", "4:00"), ("b4", "5:00"), ("b5", "7:00"), ("b1", "1:00")],
            ["a2"] = [("b5", "6:01"), ("b2", "3:00"), ("b4", "4:31"), ("b1", "<0:01"), ("b3", "4:30"), ("b2", "1:31"), ("b1", "0:01")],
        };
        foreach (var (agent, cells) in expected)
        {
            for (int i = 0; i < Dates.Length; i++)
            {
                var cell = Cell(heatmap, agent, Dates[i]);
                Assert.Equal((agent, Dates[i], cells[i].Colour, cells[i].Value), (agent, Dates[i], Colour(cell), cell.GetAttribute("data-v")));
            }
        }

        // And every value cell lies inside the range its band's legend item states.
        foreach (var cell in heatmap.FindAll("td.hc[data-v]"))
        {
            double minutes = MinutesOf(cell.GetAttribute("data-v")!);
            int bucket = Colour(cell)[1] - '0';
            string legend = Legend(heatmap, bucket);
            if (bucket == 0)
            {
                Assert.Equal(0, minutes);
                continue;
            }
            var bounds = legend.Replace(" and more", "").Split('–');
            Assert.True(minutes > MinutesOf(bounds[0]), $"{cell.GetAttribute("data-v")} is not above the start of band {bucket} ({legend})");
            if (bounds.Length == 2) Assert.True(minutes <= MinutesOf(bounds[1]), $"{cell.GetAttribute("data-v")} is above the end of band {bucket} ({legend})");
        }

        var query = Assert.Single(asked);
        Assert.Equal(["q1"], query.QueueIds);
        Assert.Equal("UTC", query.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), query.FromEpoch);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), query.ToEpoch);
    }

    /// <summary>"7:05" as minutes; "&lt;0:01" as half a minute (some time under one).</summary>
    private static double MinutesOf(string hoursMinutes)
    {
        if (hoursMinutes.StartsWith('<')) return 0.5;
        var parts = hoursMinutes.Split(':');
        return int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_no_value_and_a_day_Zoho_did_not_send_are_no_data_never_zero()
    {
        var asked = new List<CalendarSummaryQuery>();
        await using var page = NewPage(asked, Agent("a1", "Ann",
            ("2026-11-09", Day((WorkingTime, null), ("Available", 0))), // Working Time "--"
            // Tue 10: not sent at all
            ("2026-11-11", Day(("Available", Minutes(60)))), // sent, but without Working Time
            ("2026-11-12", Day((WorkingTime, 0), ("Available", 0))), // a real zero
            ("2026-11-13", Day((WorkingTime, Minutes(480)), ("Available", Minutes(450)), ("On Break", 30_000)))));
        // Sat 14 and Sun 15: not sent

        var heatmap = Show(page, Week);

        foreach (string date in (string[])["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-14", "2026-11-15"])
        {
            var cell = Cell(heatmap, "a1", date);
            Assert.Equal((date, "hn"), (date, Colour(cell)));
            Assert.Null(cell.GetAttribute("data-v"));
        }
        Assert.Equal("b0", Colour(Cell(heatmap, "a1", "2026-11-12")));
        Assert.Equal("0:00", Cell(heatmap, "a1", "2026-11-12").GetAttribute("data-v"));
        Assert.Equal("b5", Colour(Cell(heatmap, "a1", "2026-11-13"))); // the only positive day tops the scale
        Assert.Equal("8:00", Cell(heatmap, "a1", "2026-11-13").GetAttribute("data-v"));

        // The tooltip figures, minutes per status in data-statuses' order: "-" for "--" or a status not sent, "<1" under a minute.
        Assert.Equal("Working Time,Available,On Break", heatmap.Find("table.heatmap").GetAttribute("data-statuses"));
        Assert.Equal("-,0,-", Cell(heatmap, "a1", "2026-11-09").GetAttribute("data-f"));
        Assert.Null(Cell(heatmap, "a1", "2026-11-10").GetAttribute("data-f"));
        Assert.Equal("-,60,-", Cell(heatmap, "a1", "2026-11-11").GetAttribute("data-f"));
        Assert.Equal("0,0,-", Cell(heatmap, "a1", "2026-11-12").GetAttribute("data-f"));
        Assert.Equal("480,450,<1", Cell(heatmap, "a1", "2026-11-13").GetAttribute("data-f"));

        // Coloured by On Break instead: a status Zoho did not send that day is no data too; 30 s is a value, in the
        // first band (the scale never tops out under 75 minutes: bands of at least 15).
        page.NavigateTo(Week + "&metric=" + Uri.EscapeDataString("time:On Break"));
        heatmap.WaitForAssertion(() => Assert.Equal("On Break time", heatmap.Find("table.heatmap").GetAttribute("data-metric")), PeriodPages.Wait);
        Assert.Equal(["hn", "hn", "hn", "hn", "b1", "hn", "hn"], Dates.Select(d => Colour(Cell(heatmap, "a1", d))));
        Assert.Equal("0:00–0:15", Legend(heatmap, 1));
        Assert.Equal("<0:01", Cell(heatmap, "a1", "2026-11-13").GetAttribute("data-v"));
        Assert.Single(asked); // a new metric is drawn from the figures on screen, not fetched again
    }

    [Fact]
    public async Task Excluded_weekdays_are_hatched_and_kept_out_of_the_scale_even_when_Zoho_sends_them()
    {
        var asked = new List<CalendarSummaryQuery>();
        await using var page = NewPage(asked,
            AgentWeek("a1", "Ann", 60, 120, 240, 300, 420, null, null), // Zoho leaves the excluded days out, as it does
            AgentWeek("a2", "Ben", 0, 90, 180, 270, 360, 1200, 0)); // but had it sent them: a 20-hour Saturday and a zero Sunday

        var heatmap = Show(page, Week + "&excludeDays=67");

        Assert.Equal("67", Assert.Single(asked).ExcludeDays); // Zoho's digits: 6 = Saturday, 7 = Sunday
        foreach (string agent in (string[])["a1", "a2"])
        {
            foreach (string date in (string[])["2026-11-14", "2026-11-15"])
            {
                var cell = Cell(heatmap, agent, date);
                Assert.Equal((agent, date, "hx"), (agent, date, Colour(cell)));
                Assert.Null(cell.GetAttribute("data-v"));
                Assert.Null(cell.GetAttribute("data-f"));
            }
        }
        Assert.Equal("b0", Colour(Cell(heatmap, "a2", "2026-11-09"))); // a weekday's zero stays zero
        // The weekdays alone set the scale: 7:00 (not Saturday's 20:00) rounds up to 7:30, bands of 1:30.
        Assert.Equal("6:00 and more", Legend(heatmap, 5));
        Assert.Equal("b5", Colour(Cell(heatmap, "a1", "2026-11-13")));
        Assert.Equal("b4", Colour(Cell(heatmap, "a2", "2026-11-13")));

        // The whole scope's calendar hatches them too.
        page.NavigateTo(Week + "&excludeDays=67&view=calendar");
        heatmap.WaitForElement("#calendar", PeriodPages.Wait);
        Assert.Equal("hx", Colour(heatmap.Find(".cal-cell[data-date='2026-11-14']")));
        Assert.Equal("hx", Colour(heatmap.Find(".cal-cell[data-date='2026-11-15']")));
        Assert.Null(heatmap.Find(".cal-cell[data-date='2026-11-14']").GetAttribute("data-v"));
    }

    [Fact]
    public async Task A_share_of_no_working_time_is_no_data_and_shares_are_banded_to_100_percent()
    {
        var asked = new List<CalendarSummaryQuery>();
        await using var page = NewPage(asked, Agent("a1", "Ann",
            ("2026-11-09", Day((WorkingTime, Minutes(480)), ("Available", Minutes(120)))), // 25%
            ("2026-11-10", Day((WorkingTime, 0), ("Available", 0))), // no Working Time: no share
            ("2026-11-11", Day((WorkingTime, null), ("Available", Minutes(60)))), // Working Time "--"
            ("2026-11-12", Day((WorkingTime, Minutes(480)), ("Available", 0))), // 0%
            ("2026-11-13", Day((WorkingTime, Minutes(480)), ("Available", Minutes(480)))), // 100%
            ("2026-11-14", Day((WorkingTime, Minutes(360)), ("Available", null))))); // Available "--"
        // Sun 15: not sent

        var heatmap = Show(page, Week + "&metric=" + Uri.EscapeDataString("share:Available"));

        // Shares split 0-100% into five bands of 20%, whatever the data.
        Assert.Equal("0%", Legend(heatmap, 0));
        Assert.Equal("0%–20%", Legend(heatmap, 1));
        Assert.Equal("20%–40%", Legend(heatmap, 2));
        Assert.Equal("80%–100%", Legend(heatmap, 5));
        Assert.Equal(["b2", "hn", "hn", "b0", "b5", "hn", "hn"], Dates.Select(d => Colour(Cell(heatmap, "a1", d))));
        Assert.Equal(["25%", null, null, "0%", "100%", null, null], Dates.Select(d => Cell(heatmap, "a1", d).GetAttribute("data-v")));
    }

    [Fact]
    public async Task The_calendar_sums_the_scope_per_day_on_its_own_scale_or_shows_one_agent_on_theirs()
    {
        var asked = new List<CalendarSummaryQuery>();
        // Ann's Tuesday and both Fridays are "--"; nobody has a Wednesday or a weekend.
        await using var page = NewPage(asked,
            Agent("a1", "Ann", ("2026-11-09", Working(120)), ("2026-11-10", Working(null)), ("2026-11-12", Working(240)), ("2026-11-13", Working(null))),
            Agent("a2", "Ben", ("2026-11-09", Working(180)), ("2026-11-10", Working(60)), ("2026-11-12", Working(240)), ("2026-11-13", Working(null))));

        var calendar = Show(page, Week + "&view=calendar", "#calendar");

        // Whole scope: Mon 2:00 + 3:00 = 5:00; Tue "--" + 1:00 = 1:00; Wed nobody; Thu 4:00 + 4:00 = 8:00; Fri "--" twice.
        // Its own scale: 8:00 rounds up to 8:45, bands of 1:45.
        Assert.Equal("", calendar.Find("#calendar").GetAttribute("data-subject"));
        Assert.Equal("0:00–1:45", Legend(calendar, 1));
        Assert.Equal("3:30–5:15", Legend(calendar, 3));
        Assert.Equal("7:00 and more", Legend(calendar, 5));
        IElement CalendarCell(string date) => calendar.Find($".cal-cell[data-date='{date}']");
        Assert.Equal(["b3", "b1", "hn", "b5", "hn", "hn", "hn"], Dates.Select(d => Colour(CalendarCell(d))));
        Assert.Equal(["5:00", "1:00", null, "8:00", null, null, null], Dates.Select(d => CalendarCell(d).GetAttribute("data-v")));

        // One agent: Ben on the agents' scale (the agents' largest day, 4:00, rounds up to 5:00: bands of 1:00).
        page.NavigateTo(Week + "&view=calendar&agent=a2");
        calendar.WaitForAssertion(() => Assert.Equal("a2", calendar.Find("#calendar").GetAttribute("data-subject")), PeriodPages.Wait);
        Assert.Equal("0:00–1:00", Legend(calendar, 1));
        Assert.Equal("4:00 and more", Legend(calendar, 5));
        Assert.Equal(["b3", "b1", "hn", "b4", "hn", "hn", "hn"], Dates.Select(d => Colour(CalendarCell(d))));
        Assert.Equal(["3:00", "1:00", null, "4:00", null, null, null], Dates.Select(d => CalendarCell(d).GetAttribute("data-v")));
        Assert.Single(asked);
    }
}
