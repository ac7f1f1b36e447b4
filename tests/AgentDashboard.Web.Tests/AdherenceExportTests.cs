using System.Globalization;
using System.Net;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// <c>/export/adherence.csv</c> through HTTP against the simulator, with schedules fed by hand. The clock stands on
/// Tuesday 2027-03-16 15:30 UTC; 14 March is New York's 23-hour day.
/// </summary>
public sealed class AdherenceExportTests : IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private const string Header = "agent_id,agent_name,date,scheduled_s,adherent_s,adherence_pct,work_scheduled_s,working_s,conformance_pct,late_start_s,early_leave_s";
    private static readonly DateTimeOffset Now = new(2027, 3, 16, 15, 30, 0, TimeSpan.Zero);
    private readonly FakeScheduleSource schedules = new();
    private DashboardHost host = null!;
    private SignInFlow browser = null!;

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development"], clock: new ShiftedClock(Now),
            configure: builder => builder.Services.AddSingleton<IScheduleSource>(schedules));
        browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Simulation.Centre.Users[0].Zuid);
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await host.DisposeAsync();
    }

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private IReadOnlyList<Agent> TwoAgents => Simulation.Centre.Queues[0].Members.Take(2).Select(i => Simulation.Centre.Agents[i]).ToList();

    /// <summary>An instant of New York's local time on a March 2027 day (after the 14th: daylight time, -04:00).</summary>
    private static long NewYork(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2027, 3, day, hour, minute, 0, day > 14 ? TimeSpan.FromHours(-4) : TimeSpan.FromHours(-5)).ToUnixTimeMilliseconds();

    private static string Query(IEnumerable<Agent> agents, string from, string to) =>
        $"agentIds={string.Join(',', agents.Select(a => a.Id))}&from={from}&to={to}&tz={Uri.EscapeDataString(Zone)}";

    /// <summary>The agent's statuses over [from, to) as the simulation made them, stretch by stretch.</summary>
    private List<(long Start, long End, Status Status)> Statuses(Agent agent, long from, long to)
    {
        var stretches = new List<(long, long, Status)>();
        var status = Simulation.LastEventBefore(agent, from)?.Status ?? Status.Offline;
        long at = from;
        foreach (var e in Simulation.Events(agent, from, to))
        {
            if (e.Time > at) stretches.Add((at, e.Time, status));
            (at, status) = (Math.Max(at, e.Time), e.Status);
        }
        stretches.Add((at, to, status));
        return stretches;
    }

    private static bool Working(Status s) => s is Status.Available or Status.OnCall or Status.Busy;

    private static long Overlap((long Start, long End, Status) s, long from, long to) => Math.Max(0, Math.Min(s.End, to) - Math.Max(s.Start, from));

    [Fact]
    public async Task Each_agent_day_is_a_row_whose_figures_the_simulated_statuses_add_up_to()
    {
        var (ann, ben) = (TwoAgents[0], TwoAgents[1]);
        // Ann: Work 09:00-17:00 on Monday 15 March, then Off. Ben: nothing scheduled.
        schedules.Add(new ScheduledActivity(ann.Id, NewYork(15, 9), NewYork(15, 17), "Work"),
            new ScheduledActivity(ann.Id, NewYork(15, 17), NewYork(15, 23), "Off"));

        var response = await browser.Http.GetAsync("/export/adherence.csv?" + Query([ann, ben], "2027-03-14", "2027-03-15"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("adherence-2027-03-14-to-2027-03-15.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        string csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(Header + "\r\n", csv);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal([(ann.Id, "2027-03-14"), (ann.Id, "2027-03-15"), (ben.Id, "2027-03-14"), (ben.Id, "2027-03-15")], rows.Select(r => (r[0], r[2])));

        // Ann's Monday, from the simulation's own status changes: kept = working within 09:00-17:00; working over the
        // whole local day; late from 09:00 to the first working moment; early from the last one to 17:00.
        long start = NewYork(15, 9), end = NewYork(15, 17);
        var day = Statuses(ann, NewYork(15, 0), NewYork(16, 0));
        long keptMs = day.Where(s => Working(s.Status)).Sum(s => Overlap(s, start, end));
        long workingMs = day.Where(s => Working(s.Status)).Sum(s => s.End - s.Start);
        var inShift = day.Where(s => Working(s.Status) && Overlap(s, start, end) > 0).ToList();
        long lateMs = inShift.Count == 0 ? end - start : Math.Max(inShift[0].Start, start) - start;
        long earlyMs = inShift.Count == 0 ? end - start : end - Math.Min(inShift[^1].End, end);
        Assert.True(keptMs > 0 && workingMs > 0, "the simulated agent should work some of a Monday");
        string Pct(long part, long whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.Equal(
            [ann.Id, ann.Name, "2027-03-15", "28800", (keptMs / 1000).ToString(), Pct(keptMs / 1000, 28_800), "28800", (workingMs / 1000).ToString(),
             Pct(workingMs / 1000, 28_800), (lateMs / 1000).ToString(), (earlyMs / 1000).ToString()],
            rows[1]);

        // Nothing scheduled (Ann's Sunday, all of Ben's): zero seconds scheduled and empty percentages; working time still counted.
        foreach (var row in new[] { rows[0], rows[2], rows[3] })
        {
            Assert.Equal(("0", "0", "", "0", "", "0", "0"), (row[3], row[4], row[5], row[6], row[8], row[9], row[10]));
        }
        long bensSunday = Statuses(ben, NewYork(14, 0), NewYork(15, 0)).Where(s => Working(s.Status)).Sum(s => s.End - s.Start);
        Assert.Equal((bensSunday / 1000).ToString(), rows[2][7]);
    }

    [Theory]
    [InlineData("from=2027-03-15&to=2027-03-12", "The end date (2027-03-12) is before the start date (2027-03-15).")]
    [InlineData("tz=Mars/Olympus_Mons", "tz \"Mars/Olympus_Mons\" is not a known time zone")]
    [InlineData("agentIds=", "agentIds is required")]
    public async Task Bad_parameters_get_a_400_that_says_what_is_wrong_and_read_no_schedules(string bad, string message)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(Query(TwoAgents, "2027-03-12", "2027-03-15"));
        var b = System.Web.HttpUtility.ParseQueryString(bad);
        foreach (string key in b.AllKeys!) parameters[key] = b[key];

        var response = await browser.Http.GetAsync("/export/adherence.csv?" + parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, schedules.Reads);
    }

    [Fact]
    public async Task It_sits_behind_the_export_guard_like_the_others()
    {
        string path = "/export/adherence.csv?" + Query(TwoAgents, "2027-03-15", "2027-03-15");
        using var stranger = new SignInFlow(host.Address);
        var signedOut = await stranger.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/signin", signedOut.Headers.Location!.ToString());

        using var crossSite = new HttpRequestMessage(HttpMethod.Get, path);
        crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        var refused = await browser.Http.SendAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, schedules.Reads);
    }
}
