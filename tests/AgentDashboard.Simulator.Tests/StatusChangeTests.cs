using AgentDashboard.Simulator.Model;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Simulator.Tests;

/// <summary>Statuses set through the API take effect in the simulation and show up in later hits as made by a user.</summary>
public sealed class StatusChangeTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    // A Tuesday mid-morning in New York: most agents are working.
    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync(new DateTimeOffset(2026, 11, 17, 15, 30, 0, TimeSpan.Zero));
    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_supervisors_override_changes_their_agent_and_is_refused_outside_their_team()
    {
        var centre = host.Simulation.Centre;
        var supervisor = centre.Users[1];
        var mine = centre.Agents.First(a => supervisor.Team.Contains(a.Index) && host.Simulation.StatusAt(a, host.Simulation.Now) == Status.Available);
        var theirs = centre.Agents.First(a => !supervisor.CanSee(a));
        var client = host.Client((await host.SignInAsync(supervisor.Zuid)).AccessToken);
        long before = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        var outcome = await client.OverrideOnlineStatusAsync([mine.Id, theirs.Id], "On Break", Ct);

        Assert.True(outcome.Outcomes[0].Succeeded);
        Assert.False(outcome.Outcomes[1].Succeeded);
        Assert.Equal("You don't have permission to perform this action. Please contact your admin.", outcome.Outcomes[1].Message);
        Assert.Equal("On Break", (await client.GetAgentsOnlineStatusAsync([mine.Id], Ct)).Agents[0].OnlineStatus);

        var audit = await client.GetStatusAuditAsync(new StatusAuditQuery
        {
            FromEpoch = before - 1, ToEpoch = before + 60_000, AgentIds = [mine.Id], TimeZone = "America/New_York",
        }, Ct);
        var hit = audit.Agents[0].AllHits.Last();
        Assert.Equal(("Available", "On Break"), (hit.PreviousStatus, hit.CurrentStatus));
        Assert.Equal("User", hit.TriggeredBy);
        Assert.Equal("API", hit.TriggeredByMedium);
        Assert.Equal(supervisor.Name, hit.TriggeredByUsername);
        Assert.Equal(supervisor.Zuid, hit.TriggeredByZuid);
        Assert.Equal("Status Override", hit.TriggeredReason);

        // Ten minutes later the agent notices and sets themselves Available again.
        host.Clock.Advance(host.Simulation.Options.ManualHold + TimeSpan.FromSeconds(5));
        Assert.NotEqual("On Break", (await client.GetAgentsOnlineStatusAsync([mine.Id], Ct)).Agents[0].OnlineStatus);
    }

    [Fact]
    public async Task A_supervisor_who_only_watches_an_agent_may_not_change_them()
    {
        var watcher = host.Simulation.Centre.Users[^1];
        var led = host.Simulation.Centre.Agents.First(a => watcher.Team.Contains(a.Index));
        var watchedOnly = host.Simulation.Centre.Agents.First(a => watcher.Watched.Contains(a.Index) && !watcher.Team.Contains(a.Index));
        var client = host.Client((await host.SignInAsync(watcher.Zuid)).AccessToken);

        Assert.False((await client.GetAgentsOnlineStatusAsync([watchedOnly.Id], Ct)).Agents[0].IsError); // visible
        var outcome = await client.OverrideOnlineStatusAsync([led.Id, watchedOnly.Id], "Busy", Ct);
        Assert.True(outcome.Outcomes[0].Succeeded);
        Assert.Equal("You don't have permission to perform this action. Please contact your admin.", outcome.Outcomes[1].Message);
    }

    [Fact]
    public async Task An_agent_sets_their_own_status()
    {
        var supervisor = host.Simulation.Centre.Users[2];
        var client = host.Client((await host.SignInAsync(supervisor.Zuid)).AccessToken);
        await client.SetOwnOnlineStatusAsync("Busy", Ct);
        Assert.Equal("Busy", (await client.GetOwnOnlineStatusAsync(Ct)).OnlineStatus!.OnlineStatus);
        await client.SetOwnOnlineStatusAsync("Available", Ct);
        Assert.Equal("Available", (await client.GetOwnOnlineStatusAsync(Ct)).OnlineStatus!.OnlineStatus);
    }

    [Fact]
    public async Task A_change_now_leaves_the_past_untouched()
    {
        var admin = host.Client((await host.SignInAsync(host.AdminZuid)).AccessToken);
        var ids = host.Simulation.Centre.Agents.Select(a => a.Id).ToList();
        long now = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var query = new StatusAuditQuery { FromEpoch = now - 6 * 3_600_000L, ToEpoch = now - 1000, AgentIds = ids, TimeZone = "UTC" };
        string Hits(Zoho.Models.StatusAuditResponse r) => string.Join(";", r.Agents.SelectMany(a => a.AllHits).Select(h => $"{h.AgentId}{h.CurrentActionTime}{h.CurrentStatus}"));

        string before = Hits(await admin.GetStatusAuditAsync(query, Ct));
        await admin.OverrideOnlineStatusAsync(ids.Take(5).ToList(), "Offline", Ct);
        Assert.Equal(before, Hits(await admin.GetStatusAuditAsync(query, Ct)));
    }

    [Fact]
    public void A_status_set_while_the_day_is_being_simulated_is_kept()
    {
        var simulation = host.Simulation;
        var agent = simulation.Centre.Agents[3];
        var today = simulation.OrgDate(simulation.Now);
        StatusEvent? set = null;
        // The change lands after today was simulated without it and before that result is kept.
        simulation.AfterSimulating = date => set ??= simulation.SetStatus(agent, Status.OnBreak, simulation.Centre.Users[0]);
        simulation.Day(today);
        simulation.AfterSimulating = null;

        var last = simulation.LastEventBefore(agent, simulation.Now + 1);
        Assert.NotNull(set);
        Assert.Equal((set.Value.Time, Trigger.Api, Status.OnBreak), (last?.Time, last?.Trigger, last?.Status));
    }
}
