using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Demo;

namespace AgentDashboard.Web.Tests;

/// <summary>Demo mode stores the simulator's planned shifts, read from its own schedule file over HTTP, so adherence has figures from the first run.</summary>
public sealed class DemoSchedulesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 17, 15, 30, 0, TimeSpan.Zero); // Tuesday 10:30 in New York
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--environment=Development"], clock: new ShiftedClock(Now));

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    [Fact]
    public async Task The_simulators_plan_is_stored_from_five_weeks_back_to_two_ahead_and_the_export_gives_it_back()
    {
        await host.Services<DemoSchedules>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));

        var (_, agents, from, to, _) = await host.Services<ScheduleStore>().SummaryAsync(CancellationToken.None);
        Assert.Equal(Simulation.Centre.Agents.Count, agents);
        var zone = Simulation.Centre.TimeZone;
        Assert.Equal(new DateOnly(2026, 10, 13), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(from!.Value), zone).DateTime));
        Assert.Equal(new DateOnly(2026, 12, 1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(to!.Value), zone).DateTime));

        // The dashboard's export of a day, for an agent of the centre's zone, is the simulator's own file's rows for that day.
        var agent = Simulation.Centre.Agents.First(a => a.TimeZone.Id == zone.Id && a.WorkDays.Contains(DayOfWeek.Tuesday));
        using var http = new HttpClient();
        string published = await http.GetStringAsync(new Uri(host.Address, "zoho-sim/sim/schedules.csv?from=2026-11-17&to=2026-11-17"));
        var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Simulation.Centre.Users[0].Zuid);
        string exported = await browser.Http.GetStringAsync($"/export/schedules.csv?agentIds={agent.Id}&from=2026-11-17&to=2026-11-17&tz={Uri.EscapeDataString(zone.Id)}");

        var mine = published.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith(agent.Id + ",", StringComparison.Ordinal)).ToList();
        Assert.Contains(mine, l => l.EndsWith(",Lunch", StringComparison.Ordinal));
        Assert.Equal(["agent_id,start,end,activity", .. mine], exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        // A supervisor's own schedule for that agent's Thursday, then a restart a day later: the demo adds the new
        // day at the end and leaves what the supervisor imported.
        var thursday = (Start: DateTimeOffset.Parse("2026-11-19T09:00:00-05:00").ToUnixTimeMilliseconds(), End: DateTimeOffset.Parse("2026-11-19T17:00:00-05:00").ToUnixTimeMilliseconds());
        await host.Services<ScheduleStore>().ImportAsync([new(agent.Id, thursday.Start, thursday.End, "Training")], CancellationToken.None);
        await host.StopKeepingDataAsync();
        host = await DashboardHost.StartAsync(["--environment=Development"], dataPath: host.DataPath, clock: new ShiftedClock(Now.AddDays(1)));
        await host.Services<DemoSchedules>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));

        var after = await host.Services<ScheduleStore>().SummaryAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 12, 2), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(after.To!.Value), zone).DateTime));
        Assert.Equal(from, after.From);
        Assert.Equal([new(agent.Id, thursday.Start, thursday.End, "Training")],
            await host.Services<ScheduleStore>().GetAsync([agent.Id], thursday.Start, thursday.End, CancellationToken.None));
    }
}
