using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Tests;

/// <summary>
/// The published schedule (<c>/sim/schedules.csv</c>): canonical CSV of every rostered day's plan, and the
/// simulated days stray from it as people do.
/// </summary>
public sealed partial class ScheduleTests : IAsyncLifetime
{
    private SimulatorHost host = null!;

    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private sealed record Row(Agent Agent, DateTimeOffset Start, DateTimeOffset End, string Activity);

    [GeneratedRegex(@"^(\d+),(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d),(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d),(Work|Break|Lunch|Meeting)$")]
    private static partial Regex RowPattern();

    private static async Task<string> CsvAsync(SimulatorHost on, string from, string to)
    {
        using var response = await on.GetAsync($"sim/schedules.csv?from={from}&to={to}", accessToken: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Checks the text form line by line and reads the rows.</summary>
    private static List<Row> Read(string csv, CallCentre centre)
    {
        Assert.EndsWith("\r\n", csv);
        Assert.DoesNotContain('\n', csv.Replace("\r\n", ""));
        var lines = csv[..^2].Split("\r\n");
        Assert.Equal("agent_id,start,end,activity", lines[0]);
        var rows = new List<Row>();
        foreach (string line in lines.Skip(1))
        {
            var match = RowPattern().Match(line);
            Assert.True(match.Success, $"not a canonical row: {line}");
            var agent = centre.FindAgent(match.Groups[1].Value);
            Assert.NotNull(agent);
            var start = DateTimeOffset.ParseExact(match.Groups[2].Value, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
            var end = DateTimeOffset.ParseExact(match.Groups[3].Value, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
            Assert.Equal(agent.TimeZone.GetUtcOffset(start), start.Offset);
            Assert.Equal(agent.TimeZone.GetUtcOffset(end), end.Offset);
            Assert.True(end > start, $"end is not after start: {line}");
            rows.Add(new Row(agent, start, end, match.Groups[4].Value));
        }
        return rows;
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-22")]
    [InlineData("2026-10-28", "2026-11-03")] // New York's clocks go back on 1 November
    public async Task Each_rostered_day_is_work_with_two_breaks_lunch_and_a_weekly_meeting_by_agent_then_start(string from, string to)
    {
        var centre = host.Simulation.Centre;
        var rows = Read(await CsvAsync(host, from, to), centre);

        // By agent (in the directory's order), then start, and no agent's rows overlap.
        var order = centre.Agents.Select((a, i) => (a, i)).ToDictionary(x => x.a.Id, x => x.i);
        for (int i = 1; i < rows.Count; i++)
        {
            int previous = order[rows[i - 1].Agent.Id], current = order[rows[i].Agent.Id];
            Assert.True(previous < current || previous == current && rows[i].Start >= rows[i - 1].End,
                $"row {i + 1} is out of order or overlaps the one before");
        }

        var dates = Enumerable.Range(0, 7).Select(d => DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(d)).ToList();
        string[] shape = ["Work", "Break", "Work", "Lunch", "Work", "Break", "Work"];
        foreach (var agent in centre.Agents)
        {
            var days = rows.Where(r => r.Agent == agent).GroupBy(r => DateOnly.FromDateTime(r.Start.DateTime)).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(dates.Where(d => agent.WorkDays.Contains(d.DayOfWeek)), days.Keys.Order());
            var meetings = days.Values.SelectMany(d => d).Where(r => r.Activity == "Meeting").ToList();
            Assert.Single(meetings); // one team meeting a week, from Work to Work, 180 minutes into the shift
            var meetingDay = days[DateOnly.FromDateTime(meetings[0].Start.DateTime)];
            int m = meetingDay.IndexOf(meetings[0]);
            Assert.Equal(("Work", "Work"), (meetingDay[m - 1].Activity, meetingDay[m + 1].Activity));
            Assert.Equal((TimeSpan.FromMinutes(180), TimeSpan.FromMinutes(30)), (meetings[0].Start - meetingDay[0].Start, meetings[0].End - meetings[0].Start));
            foreach (var (date, withMeeting) in days)
            {
                // Without the meeting (its Work either side made one again), every day has the same shape.
                var day = withMeeting.Where(r => r.Activity != "Meeting").ToList();
                for (int i = day.Count - 1; i > 0; i--)
                {
                    if (day[i].Activity == "Work" && day[i - 1].Activity == "Work")
                    {
                        Assert.Equal(day[i - 1].End, meetings[0].Start);
                        day[i - 1] = day[i - 1] with { End = day[i].End };
                        day.RemoveAt(i);
                    }
                }
                Assert.Equal(shape, day.Select(r => r.Activity));
                var start = day[0].Start;
                Assert.Equal(TimeSpan.FromMinutes(agent.ShiftStartMinutes), start.TimeOfDay);
                for (int i = 1; i < day.Count; i++) Assert.Equal(day[i - 1].End, day[i].Start); // no gaps inside a shift
                Assert.Equal(TimeSpan.FromMinutes(agent.ShiftLengthMinutes), day[^1].End - start);
                Assert.Equal((TimeSpan.FromMinutes(120), TimeSpan.FromMinutes(15)), (day[1].Start - start, day[1].End - day[1].Start));
                Assert.Equal((TimeSpan.FromMinutes(240), TimeSpan.FromMinutes(30)), (day[3].Start - start, day[3].End - day[3].Start));
                Assert.Equal((TimeSpan.FromMinutes(380), TimeSpan.FromMinutes(15)), (day[5].Start - start, day[5].End - day[5].Start));
            }
        }
        Assert.Contains(rows, r => r.Agent.TimeZone.Id != centre.TimeZone.Id); // remote agents keep their own offsets
    }

    [Fact]
    public async Task The_schedule_is_served_when_the_controls_are_off()
    {
        await using var demo = await SimulatorHost.StartAsync(configure: o => o.ControlEndpoints = false);
        using (var faults = await demo.GetAsync("sim/faults", accessToken: null))
        {
            Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        }
        Assert.NotEmpty(Read(await CsvAsync(demo, "2026-11-17", "2026-11-17"), demo.Simulation.Centre));
    }

    [Theory]
    [InlineData("", "The parameters from and to are both required")]
    [InlineData("?from=2026-11-16", "The parameters from and to are both required")]
    [InlineData("?from=16/11/2026&to=2026-11-22", "must both be real dates written as yyyy-MM-dd")]
    [InlineData("?from=2026-02-29&to=2026-03-02", "must both be real dates written as yyyy-MM-dd")]
    [InlineData("?from=2026-11-22&to=2026-11-16", "to (2026-11-16) is before from (2026-11-22).")]
    [InlineData("?from=2026-01-01&to=2026-04-03", "At most 92 days can be asked for at once; 2026-01-01 to 2026-04-03 is 93 days.")]
    public async Task Bad_dates_or_too_long_a_range_get_400_in_words(string query, string words)
    {
        using var response = await host.GetAsync("sim/schedules.csv" + query, accessToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(words, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ninety_two_days_are_served()
    {
        var rows = Read(await CsvAsync(host, "2026-01-01", "2026-04-02"), host.Simulation.Centre);
        Assert.Equal(new DateOnly(2026, 4, 2), rows.Max(r => DateOnly.FromDateTime(r.Start.DateTime)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_schedule_and_another_seed_another()
    {
        async Task<string> Schedule(int seed)
        {
            await using var other = await SimulatorHost.StartAsync(configure: o => o.Seed = seed);
            return await CsvAsync(other, "2026-11-16", "2026-11-29");
        }
        string first = await Schedule(11), second = await Schedule(11), other = await Schedule(12);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Simulated_days_stray_from_the_plan_around_it()
    {
        var simulation = host.Simulation;
        var rows = Read(await CsvAsync(host, "2026-11-03", "2026-11-16"), simulation.Centre); // 14 days, all before the pinned now
        var late = new List<double>();
        var lunchOverrun = new List<double>();
        int absent = 0, stillAvailableAtNight = 0, meetings = 0, meetingsKept = 0;
        foreach (var day in rows.GroupBy(r => (r.Agent, Date: DateOnly.FromDateTime(r.Start.DateTime))))
        {
            var agent = day.Key.Agent;
            var plannedStart = day.First().Start.ToUnixTimeMilliseconds();
            var events = simulation.Events(agent, plannedStart - 3_600_000, plannedStart + 14 * 3_600_000).ToList();
            var checkIn = events.FirstOrDefault(e => e.Trigger == Trigger.Schedule);
            if (checkIn == default)
            {
                absent++; // an unplanned day off: scheduled, but nobody came
                continue;
            }
            late.Add((checkIn.Time - plannedStart) / 60_000.0);

            var lunch = day.Single(r => r.Activity == "Lunch");
            long lunchStart = lunch.Start.ToUnixTimeMilliseconds();
            int taken = events.FindIndex(e => e.Status == Status.OnBreak && Math.Abs(e.Time - lunchStart) <= 10 * 60_000);
            if (taken >= 0 && taken + 1 < events.Count)
            {
                lunchOverrun.Add((events[taken + 1].Time - events[taken].Time) / 60_000.0 - 30);
            }
            if (day.SingleOrDefault(r => r.Activity == "Meeting") is { } meeting)
            {
                meetings++;
                long meetingStart = meeting.Start.ToUnixTimeMilliseconds();
                var then = simulation.LastEventBefore(agent, meetingStart + 10 * 60_000);
                if (then is { Status: Status.Busy, Trigger: Trigger.Agent } busy && Math.Abs(busy.Time - meetingStart) <= 6 * 60_000) meetingsKept++;
            }
            long plannedEnd = day.Last().End.ToUnixTimeMilliseconds();
            if (simulation.StatusAt(agent, plannedEnd + 3 * 3_600_000) == Status.Available) stillAvailableAtNight++;
        }

        Assert.True(late.Count > 300, $"{late.Count} check-ins");
        Assert.True(late.Count(m => m > 5) > late.Count / 10, "some agents start well after the planned start");
        Assert.Contains(late, m => m >= 15);
        Assert.True(late.Count(m => Math.Abs(m) <= 10) > late.Count * 3 / 4, "most start near the planned start");
        Assert.True(lunchOverrun.Count > late.Count / 2, $"{lunchOverrun.Count} lunches found near their planned start");
        Assert.True(lunchOverrun.Count(m => m > 5) > lunchOverrun.Count / 10, "some lunches run long");
        Assert.Contains(lunchOverrun, m => m >= 30);
        Assert.True(stillAvailableAtNight > 0, "some agents forget to sign off");
        Assert.True(absent > 0, "some scheduled days nobody comes");
        // A call at the time keeps some away (and some are Busy with after-call work then anyway).
        Assert.True(meetingsKept > meetings / 3, $"{meetingsKept} of {meetings} agents Busy in their weekly meeting");
    }
}
