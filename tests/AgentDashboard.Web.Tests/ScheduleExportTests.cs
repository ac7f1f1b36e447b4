using System.Net;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;

namespace AgentDashboard.Web.Tests;

/// <summary><c>GET /export/schedules.csv</c> over HTTP: the stored schedule in the canonical form, only for agents the supervisor can see.</summary>
public sealed class ScheduleExportTests : IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private static readonly DateTimeOffset Now = new(2027, 3, 16, 15, 30, 0, TimeSpan.Zero);
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--environment=Development"], clock: new ShiftedClock(Now));

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private async Task<SignInFlow> SignedInAsync(User user)
    {
        var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(user.Zuid);
        return browser;
    }

    [Fact]
    public async Task The_stored_schedule_comes_back_in_the_canonical_form_across_the_clock_change_and_imports_back_unchanged()
    {
        var agent = Simulation.Centre.Agents[0];
        var store = host.Services<ScheduleStore>();
        // Before the days the demo loads, so only these rows are stored for them. 1 November 2026: clocks go back at 02:00.
        await store.ImportAsync(
        [
            new(agent.Id, At("2026-10-31T22:00:00-04:00"), At("2026-11-01T06:00:00-05:00"), "Work"),
            new(agent.Id, At("2026-11-01T09:00:00-05:00"), At("2026-11-01T09:30:00-05:00"), "Team, \"weekly\""),
        ], CancellationToken.None);
        using var browser = await SignedInAsync(Simulation.Centre.Users[0]);

        var response = await browser.Http.GetAsync($"/export/schedules.csv?agentIds={agent.Id}&from=2026-11-01&to=2026-11-01&tz={Uri.EscapeDataString(Zone)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("schedules-2026-11-01-to-2026-11-01.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        string csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            "agent_id,start,end,activity\r\n" +
            $"{agent.Id},2026-10-31T22:00:00.000-04:00,2026-11-01T06:00:00.000-05:00,Work\r\n" +
            $"{agent.Id},2026-11-01T09:00:00.000-05:00,2026-11-01T09:30:00.000-05:00,\"Team, \"\"weekly\"\"\"\r\n", csv);

        // Read back by the import's own reader, the file is the same rows.
        var file = ScheduleCsv.Parse(new StringReader(csv), TimeZoneInfo.Utc);
        Assert.True(file.IsGood, string.Join("\n", file.Problems));
        Assert.Equal(await store.GetAsync([agent.Id], At("2026-11-01T00:00:00-04:00"), At("2026-11-02T00:00:00-05:00"), CancellationToken.None),
            file.Rows.Select(r => new ScheduledActivity(r.Agent, r.Start, r.End, r.Activity)));
    }

    [Fact]
    public async Task A_supervisor_gets_only_the_agents_they_can_see_and_bad_parameters_are_refused_in_words()
    {
        var supervisor = Simulation.Centre.Users.First(u => u.Role == Role.Supervisor);
        var seen = Simulation.Centre.Agents.First(a => supervisor.CanSee(a) && a.Index != supervisor.Agent.Index);
        var unseen = Simulation.Centre.Agents.First(a => !supervisor.CanSee(a));
        await host.Services<ScheduleStore>().ImportAsync(
        [
            new(seen.Id, At("2027-01-04T09:00:00-05:00"), At("2027-01-04T17:00:00-05:00"), "Work"),
            new(unseen.Id, At("2027-01-04T09:00:00-05:00"), At("2027-01-04T17:00:00-05:00"), "Work"),
        ], CancellationToken.None);
        using var browser = await SignedInAsync(supervisor);

        string csv = await browser.Http.GetStringAsync($"/export/schedules.csv?agentIds={seen.Id},{unseen.Id}&from=2027-01-04&to=2027-01-04&tz={Uri.EscapeDataString(Zone)}");
        Assert.Equal(["agent_id,start,end,activity", $"{seen.Id},2027-01-04T09:00:00.000-05:00,2027-01-04T17:00:00.000-05:00,Work"],
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        var refused = await browser.Http.GetAsync($"/export/schedules.csv?from=2027-01-04&to=2027-01-01&tz={Uri.EscapeDataString(Zone)}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("The export was not made:", await refused.Content.ReadAsStringAsync());
    }
}
