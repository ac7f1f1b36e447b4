using System.Collections.Concurrent;
using System.Globalization;
using AgentDashboard.Core.Live;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Calls;
using AgentDashboard.Web.Live;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Rules that must hold on any day, checked on ten fixed days against the simulation's own record: every day of the
/// week at a different hour, both days New York's clocks change, and the morning after two agents' day off.
/// One dashboard per day, shared by the tests of that day, with the admin (who sees everyone) signed in.
/// </summary>
public sealed class DaySweep : IAsyncDisposable
{
    private const string Zone = "America/New_York";

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    public static readonly IReadOnlyDictionary<string, DateTimeOffset> Days = new Dictionary<string, DateTimeOffset>
    {
        ["Monday 08:10, after a weekend off"] = At(2026, 11, 16, 8, 10),
        ["Tuesday 10:30"] = At(2026, 11, 17, 10, 30),
        ["Wednesday 13:00"] = At(2026, 11, 11, 13, 0),
        ["Thursday 16:45"] = At(2026, 11, 12, 16, 45),
        ["Friday 19:00"] = At(2026, 11, 13, 19, 0),
        ["Saturday 11:00"] = At(2026, 11, 14, 11, 0),
        ["Sunday 15:00"] = At(2026, 11, 8, 15, 0),
        ["Sunday 12:00, clocks forward (23 h)"] = At(2026, 3, 8, 12, 0),
        ["Sunday 12:00, clocks back (25 h)"] = At(2026, 11, 1, 12, 0),
        ["Thursday 09:30, after a day off"] = At(2026, 11, 5, 9, 30),
    };

    public static TheoryData<string> Names() => [.. Days.Keys];

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    private readonly ConcurrentDictionary<string, Task<(DashboardHost Host, SignInFlow Admin)>> hosts = new();

    /// <summary>The dashboard of that day, its clock started at that day's instant, with the admin signed in.</summary>
    public Task<(DashboardHost Host, SignInFlow Admin)> HostAsync(string day) => hosts.GetOrAdd(day, async name =>
    {
        var host = await DashboardHost.StartAsync(["--environment=Development", "--Dashboard:Live:PollInterval=00:00:00.5"], clock: new ShiftedClock(Days[name]));
        var admin = new SignInFlow(host.Address);
        await admin.SignInAsync(host.Services<CallCentreSimulation>().Centre.Users[0].Zuid);
        return (host, admin);
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var started in hosts.Values)
        {
            var (host, admin) = await started;
            admin.Dispose();
            await host.DisposeAsync();
        }
    }
}

public sealed class DaySweepTests(DaySweep sweep) : IClassFixture<DaySweep>
{
    [Theory]
    [MemberData(nameof(DaySweep.Names), MemberType = typeof(DaySweep))]
    public async Task The_board_shows_every_agent_in_their_status_since_it_began(string day)
    {
        var (host, _) = await sweep.HostAsync(day);
        var simulation = host.Services<CallCentreSimulation>();
        var members = simulation.Centre.Queues.SelectMany(q => q.Members).Distinct().Select(i => simulation.Centre.Agents[i]).ToList();

        long subscribedAt = simulation.Now;
        using var subscription = host.Services<LiveFeedHub>().Subscribe(simulation.Centre.Users[0].Zuid, LiveScope.Queues([.. simulation.Centre.Queues.Select(q => q.Id)]));
        var board = subscription.Current;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (board.Agents.IsEmpty || board.Agents.Any(a => a.Status is null))
        {
            board = await subscription.Updates.ReadAsync(timeout.Token);
        }
        long asOf = board.AsOf!.Value.ToUnixTimeMilliseconds();

        Assert.Equal(members.Select(a => a.Id).Order(), board.Agents.Select(a => a.AgentId).Order());
        int exactStarts = 0;
        foreach (var shown in board.Agents)
        {
            var agent = members.Single(m => m.Id == shown.AgentId);
            Assert.Equal(agent.Name, shown.Name);
            Assert.Contains(shown.Status, simulation.StatusesDuring(agent, subscribedAt, asOf));
            if (simulation.ChangedDuring(agent, subscribedAt, asOf)) continue; // which side the board saw is not known

            Assert.Equal(simulation.StatusAt(agent, asOf).Name(), shown.Status);
            // The feed reads a day of changes and the last one before (previousResult): the start is known unless
            // that last one was itself a check-in into the status the agent is still in.
            long? began = simulation.StatusBegan(agent, asOf);
            var lastBeforeLookBack = simulation.LastEventBefore(agent, subscribedAt - 86_400_000L);
            if (began is { } start && (lastBeforeLookBack is null || start >= lastBeforeLookBack.Value.Time))
            {
                Assert.Equal((SinceKind.Exact, start, agent.Name), (shown.SinceKind, shown.Since?.ToUnixTimeMilliseconds(), shown.Name));
                exactStarts++;
            }
            else
            {
                // Unknown start: the board says only "before", and that must be true.
                Assert.Equal(SinceKind.Before, shown.SinceKind);
                Assert.True(began is null || began < shown.Since?.ToUnixTimeMilliseconds(), $"{agent.Name}: began {began}, shown before {shown.Since}");
            }
        }
        Assert.True(exactStarts > members.Count / 2, $"only {exactStarts} of {members.Count} exact starts");
    }

    [Theory]
    [MemberData(nameof(DaySweep.Names), MemberType = typeof(DaySweep))]
    public async Task A_missed_call_shows_who_rang_and_every_members_status_when_it_came_in(string day)
    {
        var (host, _) = await sweep.HostAsync(day);
        var simulation = host.Services<CallCentreSimulation>();
        var (call, logId) = LastMissedCall(simulation);
        var queue = simulation.Centre.Queues[call.Queue];
        var loader = new CallForensicsLoader(host.ZohoClientFor(simulation.Centre.Users[0].Zuid), host.Services<TimeProvider>());

        var view = await loader.LoadAsync(logId, call.EntryTime - 3 * 3_600_000L, call.EntryTime + 3 * 3_600_000L, DaySweep.NewYork, CancellationToken.None);

        Assert.NotNull(view);
        Assert.False(view.Answered);
        Assert.Equal(queue.Name, view.QueueName);
        // The rung in the order they rang, none answering; the members not rung listed with no ringing time.
        Assert.Equal(call.Rings.Select(r => simulation.Centre.Agents[r.Agent].Id), view.RingingOrder.Where(r => r.RingingMs > 0).Select(r => r.AgentId));
        Assert.All(view.RingingOrder, ring => Assert.False(ring.Answered));
        // Every member, rung or not, in the status they were in when the call came in.
        Assert.Equal(queue.Members.Select(m => simulation.Centre.Agents[m].Id).Order(), view.Agents.Select(a => a.AgentId).Order());
        foreach (var shown in view.Agents)
        {
            var agent = simulation.Centre.FindAgent(shown.AgentId)!;
            Assert.Equal((agent.Name, simulation.StatusAt(agent, call.EntryTime).Name()), (shown.AgentName, shown.StatusAtEntry));
        }
    }

    [Theory]
    [MemberData(nameof(DaySweep.Names), MemberType = typeof(DaySweep))]
    public async Task Todays_timeline_runs_from_midnight_to_now_without_gaps_in_the_simulated_statuses(string day)
    {
        var (host, admin) = await sweep.HostAsync(day);
        var simulation = host.Services<CallCentreSimulation>();
        var agents = simulation.Centre.Agents.ToList();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Services<TimeProvider>().GetUtcNow(), DaySweep.NewYork).DateTime);
        long midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), DaySweep.NewYork.GetUtcOffset(today.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds();

        long asked = simulation.Now;
        string csv = await admin.Http.GetStringAsync($"/export/timeline.csv?agentIds={string.Join(',', agents.Select(a => a.Id))}&from={today:yyyy-MM-dd}&tz=America%2FNew_York");
        long answered = simulation.Now;

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var agent in agents)
        {
            var segments = rows.Where(r => r[0] == agent.Id)
                .Select(r => (Status: r[3], Start: Instant(r[4]), End: Instant(r[5]))).ToList();
            // From local midnight (or the first change on record) to now, end to end; a blank lane with nothing on record.
            long? first = simulation.LastEventBefore(agent, midnight) is null ? simulation.Events(agent, midnight, answered).FirstOrDefault().Time : midnight;
            if (first is null or 0)
            {
                Assert.Empty(segments);
                continue;
            }
            Assert.True(segments.Count > 0, $"{agent.Name} ({agent.Id}) has no lane; last before midnight {simulation.LastEventBefore(agent, midnight)}");
            Assert.Equal(first, segments[0].Start);
            Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
            Assert.InRange(segments[^1].End, asked, answered);
            // Each segment in the simulated status at its middle (the last one may have changed since it was read).
            Assert.All(segments.SkipLast(1), s => Assert.Equal(simulation.StatusAt(agent, (s.Start + s.End) / 2).Name(), s.Status));
            Assert.Contains(segments[^1].Status, simulation.StatusesDuring(agent, segments[^1].Start, answered));
        }
    }

    [Fact]
    public async Task The_days_are_what_their_names_say()
    {
        var (host, _) = await sweep.HostAsync("Thursday 09:30, after a day off");
        var simulation = host.Services<CallCentreSimulation>();
        var wednesday = new DateOnly(2026, 11, 4);
        long from = simulation.DayStart(wednesday), to = simulation.DayStart(wednesday.AddDays(1));
        Assert.Contains(simulation.Centre.Agents, a => a.WorkDays.Contains(DayOfWeek.Wednesday) && !simulation.Events(a, from, to).Any());
        Assert.Equal(TimeSpan.FromHours(-5), DaySweep.NewYork.GetUtcOffset(new DateTime(2026, 3, 8, 1, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(-4), DaySweep.NewYork.GetUtcOffset(new DateTime(2026, 3, 8, 12, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(-4), DaySweep.NewYork.GetUtcOffset(new DateTime(2026, 11, 1, 0, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(-5), DaySweep.NewYork.GetUtcOffset(new DateTime(2026, 11, 1, 12, 0, 0)));
    }

    private static long Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    /// <summary>The last queue call nobody answered, in the two days before now.</summary>
    private static (CallRecord Call, string LogId) LastMissedCall(CallCentreSimulation simulation)
    {
        long now = simulation.Now;
        for (var date = simulation.OrgDate(now); date >= simulation.OrgDate(now - 2 * 86_400_000L); date = date.AddDays(-1))
        {
            var simulated = simulation.Day(date);
            if (simulated.Calls.LastOrDefault(c => !c.Answered && c.ExitTime < now) is { } call)
            {
                return (call, simulated.LogId(simulation.Options.Seed, call));
            }
        }
        throw new Xunit.Sdk.XunitException("no missed call in the two days before " + DateTimeOffset.FromUnixTimeMilliseconds(now));
    }
}
