using System.Text.Json;
using AgentDashboard.Core;
using AgentDashboard.Core.Heatmaps;
using AgentDashboard.Web.Periods;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Web.Tests;

/// <summary>The vendor's examples (repaired to valid JSON, in the Zoho tests' fixtures) read into the heatmap and overview models.</summary>
public class PeriodFiguresTests
{
    private static T Fixture<T>(string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Repository.Root, "tests", "AgentDashboard.Zoho.Tests", "Fixtures", name)))!;

    private static readonly HashSet<DayOfWeek> Weekends = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    [Fact]
    public void The_seed_calendar_summary_becomes_a_row_with_its_weekend_excluded_not_zero()
    {
        var histogram = Fixture<CalendarSummaryResponse>("calendar-summary.json").CalendarSummary!.HistogramAggregation![0];
        var jack = PeriodLoader.ToAgentDays(histogram);

        var map = Heatmap.Build([jack], new DateOnly(2024, 10, 16), new DateOnly(2024, 10, 22), Weekends, new HeatMetric.Working());

        Assert.Equal(("600000000039003", "Jack"), (jack.AgentId, jack.AgentName));
        var cells = map.Rows.Single().Cells;
        Assert.Equal([CellKind.Value, CellKind.Value, CellKind.Value, CellKind.Excluded, CellKind.Excluded, CellKind.Value, CellKind.Value], cells.Select(c => c.Kind));
        Assert.Equal(40135006, cells[0].Value);   // the example's Working Time for 2024-10-16
        Assert.Equal(86400000, cells[1].Value);   // a whole day Available
        Assert.Equal(29333440, cells[2].Value);   // sent as 29333440.0
        Assert.Equal(HeatScale.Bands, cells[1].Bucket); // the longest day is in the top band
        Assert.All(cells.Where(c => c.Kind == CellKind.Value), c => Assert.InRange(c.Bucket, 1, HeatScale.Bands));
        Assert.Equal(135006, jack.Days[new DateOnly(2024, 10, 16)]["On Call"]);
    }

    [Fact]
    public void No_value_and_a_missing_weekday_are_no_data_and_a_share_without_working_time_has_none()
    {
        var agent = new AgentDays("1", "Ana", new Dictionary<DateOnly, DayFigures>
        {
            [new DateOnly(2024, 10, 14)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = null, ["On Call"] = null }),
            [new DateOnly(2024, 10, 15)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = 0, ["On Call"] = 0 }),
            [new DateOnly(2024, 10, 16)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = 28_800_000, ["On Call"] = 7_200_000 }),
        });

        var working = Heatmap.Build([agent], new DateOnly(2024, 10, 14), new DateOnly(2024, 10, 17), Weekends, new HeatMetric.Working()).Rows[0].Cells;
        var share = Heatmap.Build([agent], new DateOnly(2024, 10, 14), new DateOnly(2024, 10, 17), Weekends, new HeatMetric.ShareOf("On Call")).Rows[0].Cells;

        Assert.Equal([CellKind.NoData, CellKind.Value, CellKind.Value, CellKind.NoData], working.Select(c => c.Kind)); // "--", 0, 8 h, absent
        Assert.Equal(0, working[1].Bucket); // zero is its own band, apart from no data
        Assert.Equal([CellKind.NoData, CellKind.NoData, CellKind.Value, CellKind.NoData], share.Select(c => c.Kind)); // 0 of 0 is no share
        Assert.Equal(0.25, share[2].Value);
        Assert.Equal(2, share[2].Bucket); // 20-40 %
    }

    [Fact]
    public void A_25_hour_day_is_shown_as_zoho_counts_it()
    {
        var days = new Dictionary<DateOnly, DayFigures>
        {
            [new DateOnly(2024, 11, 3)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = 0, ["Offline"] = 90_000_000 }),
            [new DateOnly(2024, 11, 4)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = 0, ["Offline"] = 86_400_000 }),
        };

        var map = Heatmap.Build([new AgentDays("1", "Ana", days)], new DateOnly(2024, 11, 3), new DateOnly(2024, 11, 4), new HashSet<DayOfWeek>(), new HeatMetric.TimeIn("Offline"));

        Assert.Equal([90_000_000d, 86_400_000d], map.Rows[0].Cells.Select(c => c.Value));
        Assert.Equal(HeatScale.Bands, map.Rows[0].Cells[0].Bucket);
        Assert.Equal("25:00", Components.Controls.DurationText.HoursMinutes(90_000_000));
    }

    [Fact]
    public void Some_time_under_a_minute_is_not_shown_as_none()
    {
        Assert.Equal("0:00", Components.Controls.DurationText.HoursMinutes(0));
        Assert.Equal("<0:01", Components.Controls.DurationText.HoursMinutes(40_000));
        Assert.Equal("0:01", Components.Controls.DurationText.HoursMinutes(60_000));
        Assert.Equal("7:05", Components.Controls.DurationText.HoursMinutes((7 * 60 + 5) * 60_000 + 59_999));
    }

    [Fact]
    public void A_few_very_long_days_do_not_wash_out_the_scale()
    {
        // 19 ordinary 8-hour days and one agent who never signed off (24 h): the top band starts below 24 h.
        var agents = Enumerable.Range(0, 20).Select(i => new AgentDays(i.ToString(), "A" + i, new Dictionary<DateOnly, DayFigures>
        {
            [new DateOnly(2024, 10, 16)] = new(new Dictionary<string, long?> { [StatusCatalogue.WorkingTime] = i == 0 ? 86_400_000 : 28_800_000 }),
        })).ToList();

        var map = Heatmap.Build(agents, new DateOnly(2024, 10, 16), new DateOnly(2024, 10, 16), new HashSet<DayOfWeek>(), new HeatMetric.Working());

        Assert.Equal(8.75 * 3_600_000, map.Scale.Max); // 8 h rounded up to 75 minutes
        Assert.Equal(HeatScale.Bands, map.Rows[0].Cells[0].Bucket);
        Assert.Equal(HeatScale.Bands, map.Rows[1].Cells[0].Bucket);
        Assert.Equal(double.PositiveInfinity, map.Scale.Band(HeatScale.Bands).To);
        Assert.Equal(86_400_000 + 19 * 28_800_000d, map.Team.Cells[0].Value); // the whole scope sums the agents
    }

    [Fact]
    public void The_seed_overview_keeps_no_value_apart_from_zero()
    {
        var overview = PeriodOverview.From(Fixture<OverviewResponse>("overview.json"));

        Assert.Equal((4, 5), (overview.AgentCount, overview.DaysCount));
        Assert.Equal(new Figures(703902502, 140780500, 162421466, 35195125), overview.Team[StatusCatalogue.WorkingTime]);
        Assert.Equal(new TopAgent("Working Time", "Omar", 162421466), overview.TopAgents.Single(t => t.Status == StatusCatalogue.WorkingTime));
        Assert.Null(overview.TopAgents.Single(t => t.Status == "On Break").AgentName); // "--": nobody
        var jack = overview.Leaderboard.Single(r => r.AgentName == "Jack");
        Assert.Equal(new Figures(0, null, null, null), jack.ByStatus["On Break"]); // sum "0", the rest "--"
        Assert.Equal(202133440, jack.ByStatus[StatusCatalogue.WorkingTime].Sum);
        Assert.Equal(201326269 + 807171, jack.ByStatus["Available"].Sum + jack.ByStatus["On Call"].Sum);
    }
}
