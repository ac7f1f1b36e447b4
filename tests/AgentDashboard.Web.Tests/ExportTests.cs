using System.Globalization;
using System.Net;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Zoho.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The CSV exports through HTTP, signed in through the simulator's OAuth. The clock stands on Tuesday
/// 2027-03-16 15:30 UTC, so the range 12-15 March holds New York's 23-hour day (14 March, clocks forward).
/// </summary>
public sealed class ExportTests : IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private static readonly DateTimeOffset Now = new(2027, 3, 16, 15, 30, 0, TimeSpan.Zero);
    private DashboardHost host = null!;
    private SignInFlow browser = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development"], clock: new ShiftedClock(Now));
        browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Admin.Zuid);
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await host.DisposeAsync();
    }

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private User Admin => Simulation.Centre.Users[0];
    private IReadOnlyList<Agent> SomeAgents => Simulation.Centre.Queues[0].Members.Take(3).Select(i => Simulation.Centre.Agents[i]).ToList();

    private static string Query(IEnumerable<Agent> agents, string from, string to, string? extra = null) =>
        $"agentIds={string.Join(',', agents.Select(a => a.Id))}&from={from}&to={to}&tz={Uri.EscapeDataString(Zone)}{extra}";

    private static List<string[]> Rows(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();

    [Fact]
    public async Task Segments_csv_cover_each_day_without_gaps_and_agree_with_the_simulated_statuses()
    {
        var agents = SomeAgents;
        var response = await browser.Http.GetAsync("/export/timeline.csv?" + Query(agents, "2027-03-13", "2027-03-15"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("timeline-2027-03-13-to-2027-03-15.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        string csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("agent_id,agent_name,date,status,start,end,duration_ms,triggered_by,triggered_reason\r\n", csv);

        var rows = Rows(csv);
        foreach (var agent in agents)
        {
            var mine = rows.Where(r => r[0] == agent.Id).ToList();
            Assert.All(mine, r => Assert.Equal(agent.Name, r[1]));
            foreach (var day in mine.GroupBy(r => r[2]))
            {
                var segments = day.Select(r => (Status: r[3], Start: DateTimeOffset.Parse(r[4], CultureInfo.InvariantCulture), End: DateTimeOffset.Parse(r[5], CultureInfo.InvariantCulture), Ms: long.Parse(r[6]))).ToList();
                // From local midnight to the next, end to end, each duration its end minus its start.
                Assert.Equal(TimeSpan.Zero, segments[0].Start.TimeOfDay);
                Assert.Equal(TimeSpan.Zero, segments[^1].End.TimeOfDay);
                Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
                Assert.All(segments, s => Assert.Equal((long)(s.End - s.Start).TotalMilliseconds, s.Ms));
                // Each segment's status is the simulation's at its middle.
                Assert.All(segments, s => Assert.Equal(Simulation.StatusAt(agent, (s.Start.ToUnixTimeMilliseconds() + s.End.ToUnixTimeMilliseconds()) / 2).Name(), s.Status));
            }
            // The clocks went forward on 14 March: that day's rows carry both offsets and add up to 23 hours.
            var sunday = mine.Where(r => r[2] == "2027-03-14").ToList();
            Assert.EndsWith("-05:00", sunday[0][4]);
            Assert.EndsWith("-04:00", sunday[^1][5]);
            Assert.Equal(23 * 3_600_000L, sunday.Sum(r => long.Parse(r[6])));
        }
    }

    [Fact]
    public async Task Day_totals_equal_the_simulators_calendar_summary_for_the_same_agents()
    {
        var agents = SomeAgents;
        string csv = await browser.Http.GetStringAsync("/export/timeline-totals.csv?" + Query(agents, "2027-03-12", "2027-03-15"));
        Assert.StartsWith("agent_id,agent_name,date,status,total_ms\r\n", csv);
        var totals = Rows(csv).ToDictionary(r => (r[0], r[2], r[3]), r => long.Parse(r[4]));

        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var calendar = await host.ZohoClientFor(Admin.Zuid).GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            AgentIds = agents.Select(a => a.Id).ToList(), TimeZone = Zone,
            FromEpoch = new DateTimeOffset(2027, 3, 12, 0, 0, 0, zone.GetUtcOffset(new DateTime(2027, 3, 12))).ToUnixTimeMilliseconds(),
            ToEpoch = new DateTimeOffset(2027, 3, 16, 0, 0, 0, zone.GetUtcOffset(new DateTime(2027, 3, 16))).ToUnixTimeMilliseconds(),
        }, CancellationToken.None);

        int compared = 0;
        foreach (var histogram in calendar.CalendarSummary!.HistogramAggregation!)
        {
            string id = histogram.TotalRow!.AgentId!;
            foreach (var (date, day) in histogram.IntervalsData!)
            {
                foreach (var (status, figures) in day.Statuses!)
                {
                    Assert.Equal(figures.Sum.Milliseconds ?? 0, totals.GetValueOrDefault((id, date, status)));
                    compared++;
                }
            }
        }
        Assert.True(compared >= agents.Count * 4 * 2, $"only {compared} figures compared");
        Assert.DoesNotContain(totals, t => t.Value == 0); // only statuses with time are listed
    }

    [Theory]
    [InlineData("from=2027-03-15&to=2027-03-12", "The end date (2027-03-12) is before the start date (2027-03-15).")]
    [InlineData("from=2026-11-01&to=2027-03-15", "The range is 135 days; at most 93 days can be read at once.")]
    [InlineData("tz=Mars/Olympus_Mons", "tz \"Mars/Olympus_Mons\" is not a known time zone")]
    [InlineData("excludeDays=68", "excludeDays \"68\" may hold only the digits 1-7")]
    [InlineData("from=15/03/2027", "from \"15/03/2027\" is not a date; write it as yyyy-MM-dd")]
    public async Task Bad_parameters_get_a_400_that_says_what_is_wrong(string bad, string message)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(Query(SomeAgents, "2027-03-12", "2027-03-15"));
        foreach (var (key, value) in System.Web.HttpUtility.ParseQueryString(bad) is var b ? b.AllKeys.Select(k => (k!, b[k]!)) : [])
        {
            parameters[key] = value;
        }

        var response = await browser.Http.GetAsync("/export/timeline.csv?" + parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_export_without_agents_is_refused_and_one_signed_out_is_sent_to_sign_in()
    {
        var noAgents = await browser.Http.GetAsync($"/export/timeline-totals.csv?from=2027-03-12&tz={Zone}");
        Assert.Equal(HttpStatusCode.BadRequest, noAgents.StatusCode);
        Assert.Contains("agentIds is required", await noAgents.Content.ReadAsStringAsync());

        using var stranger = new SignInFlow(host.Address);
        var signedOut = await stranger.Http.GetAsync("/export/timeline.csv?" + Query(SomeAgents, "2027-03-12", "2027-03-15"));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/signin", signedOut.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Zoho_being_down_is_a_502_in_words_not_an_empty_file()
    {
        host.Services<AgentDashboard.Simulator.Faults.FaultInjector>().Set(new() { Down = true });

        var response = await browser.Http.GetAsync("/export/timeline-totals.csv?" + Query(SomeAgents, "2027-03-12", "2027-03-15"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Zoho Voice could not be read:", body);
        Assert.DoesNotContain("   at ", body); // no stack trace
    }

    [Fact]
    public async Task The_heatmap_csv_is_the_calendar_summary_with_the_23_hour_day_and_no_excluded_days()
    {
        var agents = SomeAgents;
        var response = await browser.Http.GetAsync("/export/heatmap.csv?" + Query(agents, "2027-03-12", "2027-03-15", "&excludeDays=5"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("agent_id,agent_name,date,status,sum_ms\r\n", csv);

        var rows = Rows(csv);
        Assert.Equal(agents.Select(a => a.Id).Order(), rows.Select(r => r[0]).Distinct().Order());
        Assert.DoesNotContain(rows, r => r[2] == "2027-03-12"); // a Friday, left out
        foreach (var agent in agents)
        {
            var sunday = rows.Where(r => r[0] == agent.Id && r[2] == "2027-03-14").ToDictionary(r => r[3], r => long.Parse(r[4]));
            Assert.Equal(23 * 3_600_000L, sunday.Where(s => s.Key != "Working Time").Sum(s => s.Value));
            Assert.Equal(sunday["Working Time"], sunday.Where(s => s.Key is not ("Working Time" or "Offline")).Sum(s => s.Value));
        }
    }

    [Fact]
    public async Task The_overview_csv_lists_the_team_and_every_agent_in_the_asked_order()
    {
        string queue = Simulation.Centre.Queues[0].Id;
        string csv = await browser.Http.GetStringAsync($"/export/overview.csv?queue={queue}&from=2027-03-08&to=2027-03-12&tz={Uri.EscapeDataString(Zone)}&sort=Available&metric=sum&order=asc");

        Assert.StartsWith("row,agent_id,agent_name,status,sum_ms,avg_ms,max_ms,daily_per_agent_avg_ms\r\n", csv);
        var rows = Rows(csv);
        var team = rows.Where(r => r[0] == "team").ToDictionary(r => r[3], r => long.Parse(r[4]));
        var available = rows.Where(r => r[0] == "agent" && r[3] == "Available").Select(r => (Id: r[1], Sum: long.Parse(r[4]))).ToList();
        Assert.Equal(Simulation.Centre.Queues[0].Members.Length, available.Count);
        Assert.Equal(available.OrderBy(a => a.Sum).Select(a => a.Id), available.Select(a => a.Id)); // ascending, as asked
        Assert.Equal(team["Available"], available.Sum(a => a.Sum));
    }

    [Fact]
    public async Task The_overview_csv_refuses_an_unknown_sort_in_words()
    {
        var response = await browser.Http.GetAsync($"/export/overview.csv?from=2027-03-08&tz={Uri.EscapeDataString(Zone)}&sort=Available&metric=median");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("metric \"median\" must be sum, avg or max.", await response.Content.ReadAsStringAsync());
    }
}
