using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Simulator.Tests;

/// <summary>One simulator whose clock stands on Wednesday 2024-11-06, 17:00 in New York, read by the admin.</summary>
public sealed class ContractFixture : IAsyncLifetime
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public SimulatorHost Host { get; private set; } = null!;
    public IZohoVoiceClient Admin { get; private set; } = null!;
    public IZohoVoiceClient Supervisor { get; private set; } = null!;

    /// <summary>Monday 2024-10-28 to Tuesday 2024-11-05 inclusive (New York days): 9 days, the 25-hour 3 November among them.</summary>
    public long From { get; } = LocalMidnight(new DateOnly(2024, 10, 28), NewYork);
    public long To { get; } = LocalMidnight(new DateOnly(2024, 11, 6), NewYork);

    public IReadOnlyList<string> AllAgentIds => Host.Simulation.Centre.Agents.Select(a => a.Id).ToList();

    public async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new DateTimeOffset(2024, 11, 6, 22, 0, 0, TimeSpan.Zero));
        Admin = Host.Client((await Host.SignInAsync(Host.AdminZuid)).AccessToken);
        Supervisor = Host.Client((await Host.SignInAsync(Host.SupervisorZuid(0))).AccessToken);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static long LocalMidnight(DateOnly date, TimeZoneInfo zone) =>
        new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone)).ToUnixTimeMilliseconds();
}

/// <summary>
/// The foundation's Zoho client against the simulator, for every call; the simulator's aggregates are checked
/// against aggregates recomputed from its own hits.
/// </summary>
public sealed class ContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    private static CancellationToken Ct => TestTimeout.Token;
    private SimulatorHost Host => fixture.Host;

    private StatusAuditQuery Audit(string tz = "America/New_York") => new()
    {
        FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = fixture.AllAgentIds, TimeZone = tz,
    };

    [Fact]
    public async Task Status_audit_hits_form_one_unbroken_chain_bucketed_by_local_day()
    {
        var agents = await fixture.Admin.GetAllStatusAuditAsync(Audit(), pageSize: 400, cancellationToken: Ct);

        Assert.Equal(fixture.AllAgentIds.Count, agents.Count);
        Assert.True(agents.Sum(a => a.AllHits.Count()) > 5_000, "a 44-agent centre makes thousands of changes in nine days");
        foreach (var agent in agents)
        {
            var previous = agent.PreviousResult;
            Assert.NotNull(previous?.CurrentStatus);
            var hits = agent.AllHits.ToList();
            for (int i = 0; i < hits.Count; i++)
            {
                var before = i == 0 ? previous! : hits[i - 1];
                Assert.Equal(before.CurrentActionTime, hits[i].PreviousActionTime);
                Assert.Equal(before.CurrentStatus, hits[i].PreviousStatus);
                Assert.Equal(hits[i].CurrentActionTime - hits[i].PreviousActionTime, hits[i].Duration);
                Assert.InRange(hits[i].CurrentActionTime!.Value, fixture.From, fixture.To - 1);
            }
            foreach (var day in agent.Dates!)
            {
                var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(day.StartTimestamp!.Value), ContractFixture.NewYork).DateTime);
                Assert.Equal(ContractFixture.LocalMidnight(local, ContractFixture.NewYork), day.StartTimestamp);
                Assert.Equal(local.DayNumber - new DateOnly(2024, 10, 28).DayNumber, day.Index);
                long next = ContractFixture.LocalMidnight(local.AddDays(1), ContractFixture.NewYork);
                Assert.All(day.Hits!, h => Assert.InRange(h.CurrentActionTime!.Value, day.StartTimestamp!.Value, next - 1));
            }
        }
        var triggers = agents.SelectMany(a => a.AllHits).GroupBy(h => (h.TriggeredBy, h.TriggeredReason)).Select(g => g.Key).ToHashSet();
        Assert.Contains(("Zoho Voice", "Agent Schedule"), triggers);
        Assert.Contains(("Zoho Voice", "Call"), triggers);
        Assert.Contains(("User", ""), triggers);
        Assert.Contains(agents.SelectMany(a => a.AllHits), h => h.IsCheckIn); // someone forgot to sign off the day before
    }

    [Fact]
    public async Task Paging_gives_the_same_hits_whatever_the_page_size()
    {
        var query = Audit() with { AgentIds = fixture.AllAgentIds.Take(6).ToList() };
        var small = await fixture.Admin.GetAllStatusAuditAsync(query, pageSize: 37, cancellationToken: Ct);
        var whole = await fixture.Admin.GetStatusAuditAsync(query, Ct);
        Assert.Equal(whole.Agents.Select(Signature), small.Select(Signature));

        static string Signature(AgentStatusAudit a) =>
            a.AgentId + ":" + string.Join(",", a.AllHits.Select(h => $"{h.CurrentActionTime}{h.CurrentStatus}{h.LogId}"));
    }

    [Fact]
    public async Task Agents_without_hits_come_on_the_first_page_even_when_it_is_full()
    {
        // Sunday 3 November around 10:00: most agents are off and have no hits, the few at work have many.
        long from = fixture.From + (6 * 24 + 11) * 3_600_000L, to = from + 2 * 3_600_000L;
        var query = Audit() with { FromEpoch = from, ToEpoch = to };
        var whole = await fixture.Admin.GetStatusAuditAsync(query, Ct);
        int withHits = whole.Agents.Count(a => a.AllHits.Any());
        Assert.InRange(withHits, 1, whole.Agents.Count - 1);

        var first = await fixture.Admin.GetStatusAuditAsync(query with { Page = new Paging(0, 1) }, Ct);
        Assert.Equal(whole.Agents.Where(a => !a.AllHits.Any()).Select(a => a.AgentId).Order(),
            first.Agents.Where(a => !a.AllHits.Any()).Select(a => a.AgentId).Order());
        Assert.All(first.Agents.Where(a => !a.AllHits.Any()), a => Assert.NotNull(a.PreviousResult?.CurrentStatus));
        Assert.Equal(whole.Agents.Count, (await fixture.Admin.GetAllStatusAuditAsync(query, pageSize: 3, cancellationToken: Ct)).Count);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Kolkata")]
    public async Task Calendar_summary_and_overview_equal_what_the_hits_add_up_to(string tz)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
        var ids = fixture.AllAgentIds;
        var audit = await fixture.Admin.GetAllStatusAuditAsync(Audit(tz), pageSize: 5000, cancellationToken: Ct);
        var calendar = await fixture.Admin.GetCalendarSummaryAsync(new CalendarSummaryQuery { FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = ids, TimeZone = tz }, Ct);
        var overview = await fixture.Admin.GetOverviewAsync(new OverviewQuery { FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = ids, TimeZone = tz }, Ct);

        var days = calendar.CalendarSummary!.HistogramAggregation![0].IntervalsList!;
        int daysCount = days.Count;
        var overall = overview.Overview!.AgentMetrics!.OverallAggregation!;
        Assert.Equal(daysCount, overall.DaysCount.Value);
        Assert.Equal(ids.Count, overall.AgentCount.Value);

        var histograms = calendar.CalendarSummary.HistogramAggregation!.ToDictionary(h => h.TotalRow!.AgentId!);
        var individuals = overview.Overview.AgentMetrics.IndividualAggregation!.ToDictionary(a => a.AgentId!);
        foreach (var agent in audit)
        {
            var expected = HitTotals.ByDayAndStatus(agent, fixture.From, fixture.To, zone);
            var histogram = histograms[agent.AgentId!];
            foreach (string day in days)
            {
                var figures = histogram.IntervalsData![day].Statuses!;
                foreach (string status in new[] { "Available", "On Call", "Busy", "On Break", "Offline" })
                {
                    Assert.Equal(expected.GetValueOrDefault((day, status)), figures[status].Sum.Milliseconds);
                }
                long dayLength = HitTotals.DayLength(DateOnly.Parse(day), zone, fixture.From, fixture.To);
                Assert.Equal(dayLength, figures.Where(f => f.Key != "Working Time").Sum(f => f.Value.Sum.Milliseconds));
                Assert.Equal(dayLength - figures["Offline"].Sum.Milliseconds, figures["Working Time"].Sum.Milliseconds);
                // The inference the contract draws from the vendor's example: a day's avg is its sum / daysCount.
                Assert.Equal(figures["Available"].Sum.Value!.Value / daysCount, figures["Available"].Avg.Value!.Value, precision: 1);
            }
            var individual = individuals[agent.AgentId!];
            foreach (string status in new[] { "Available", "On Call", "Busy", "On Break", "Offline" })
            {
                long sum = expected.Where(e => e.Key.Status == status).Sum(e => e.Value);
                var figures = individual[status]!;
                if (sum == 0)
                {
                    Assert.Equal(0, figures.Sum.Value);      // "0"
                    Assert.False(figures.Avg.HasValue);      // "--"
                }
                else
                {
                    Assert.Equal(sum, figures.Sum.Milliseconds);
                    Assert.Equal((double)sum / daysCount, figures.Avg.Value!.Value, precision: 1);
                    Assert.True(figures.Max.Value <= sum);
                }
                Assert.Equal(individual[status]!.Sum.Value, histogram.TotalRow![status]!.Sum.Value);
            }
        }
        foreach (string status in new[] { "Working Time", "Available", "On Call", "Offline" })
        {
            double sum = individuals.Values.Sum(a => a[status]!.Sum.Value ?? 0);
            Assert.Equal(sum, overall[status]!.Sum.Value);
            Assert.Equal(sum / daysCount, overall[status]!.Avg.Value!.Value, precision: 1);
            Assert.Equal(sum / (daysCount * ids.Count), overall[status]!.DailyPerAgentAvg.Value!.Value, precision: 1);
            var top = overview.Overview.AgentMetrics.MaxTimeAgents![status];
            Assert.Equal(individuals.Values.Max(a => a[status]!.Sum.Value ?? 0), top.Duration.Value);
        }
    }

    [Fact]
    public async Task The_day_clocks_go_back_has_25_hours_and_the_day_they_go_forward_23()
    {
        var id = fixture.AllAgentIds[0];
        var autumn = await fixture.Admin.GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            FromEpoch = ContractFixture.LocalMidnight(new DateOnly(2024, 11, 3), ContractFixture.NewYork),
            ToEpoch = ContractFixture.LocalMidnight(new DateOnly(2024, 11, 4), ContractFixture.NewYork),
            AgentIds = [id], TimeZone = "America/New_York",
        }, Ct);
        var day = autumn.CalendarSummary!.HistogramAggregation![0].IntervalsData!["2024-11-03"].Statuses!;
        Assert.Equal(25 * 3_600_000L, day.Where(f => f.Key != "Working Time").Sum(f => f.Value.Sum.Milliseconds));

        var audit = await fixture.Admin.GetStatusAuditAsync(Audit() with { AgentIds = [id] }, Ct);
        var starts = audit.Agents[0].Dates!.Select(d => d.StartTimestamp!.Value).ToList();
        int sunday = audit.Agents[0].Dates!.ToList().FindIndex(d => d.Index == 6);
        Assert.Equal(25 * 3_600_000L, starts[sunday + 1] - starts[sunday]);
    }

    [Fact]
    public async Task Excluded_days_and_statuses_are_left_out()
    {
        var ids = fixture.AllAgentIds.Take(10).ToList();
        var calendar = await fixture.Admin.GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = ids, TimeZone = "America/New_York", ExcludeDays = "67", ExcludeStatus = ["Offline"],
        }, Ct);
        var histogram = calendar.CalendarSummary!.HistogramAggregation![0];
        Assert.Equal(["2024-10-28", "2024-10-29", "2024-10-30", "2024-10-31", "2024-11-01", "2024-11-04", "2024-11-05"], histogram.IntervalsList);
        Assert.DoesNotContain("2024-11-02", histogram.IntervalsData!.Keys);
        Assert.All(histogram.IntervalsData.Values, d => Assert.DoesNotContain("Offline", d.Statuses!.Keys));

        var overview = await fixture.Admin.GetOverviewAsync(new OverviewQuery
        {
            FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = ids, TimeZone = "America/New_York", ExcludeDays = "67",
        }, Ct);
        Assert.Equal(7, overview.Overview!.AgentMetrics!.OverallAggregation!.DaysCount.Value);

        var audit = await fixture.Admin.GetStatusAuditAsync(Audit() with { AgentIds = ids, ExcludeDays = "67", ExcludeStatus = ["On Break", "Offline"] }, Ct);
        var hits = audit.Agents.SelectMany(a => a.AllHits).ToList();
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.CurrentStatus is "On Break" or "Offline");
        Assert.DoesNotContain(hits, h => TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(h.CurrentActionTime!.Value), ContractFixture.NewYork).DayOfWeek
            is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public async Task Overview_sorts_and_pages_agents_by_the_asked_figure()
    {
        var query = new OverviewQuery
        {
            FromEpoch = fixture.From, ToEpoch = fixture.To, AgentIds = fixture.AllAgentIds, TimeZone = "America/New_York",
            Sort = new StatusSort("On Call", SortMetric.Sum, SortOrder.Desc),
        };
        var all = (await fixture.Admin.GetOverviewAsync(query, Ct)).Overview!.AgentMetrics!.IndividualAggregation!;
        var sums = all.Select(a => a["On Call"]!.Sum.Value ?? 0).ToList();
        Assert.Equal(sums.OrderDescending(), sums);
        Assert.True(sums[0] > 0);

        var page = (await fixture.Admin.GetOverviewAsync(query with { Page = new Paging(5, 5) }, Ct)).Overview!.AgentMetrics!.IndividualAggregation!;
        Assert.Equal(all.Skip(5).Take(5).Select(a => a.AgentId), page.Select(a => a.AgentId));

        var ascending = (await fixture.Admin.GetOverviewAsync(query with { Sort = new StatusSort("On Call", SortMetric.Max, SortOrder.Asc) }, Ct))
            .Overview!.AgentMetrics!.IndividualAggregation!.Select(a => a["On Call"]!.Max.Value ?? 0).ToList();
        Assert.Equal(ascending.Order(), ascending);
    }

    [Fact]
    public async Task Overview_by_queue_counts_the_queue_members_the_caller_may_see()
    {
        var centre = Host.Simulation.Centre;
        var queue = centre.Queues[0];
        var answer = await fixture.Admin.GetOverviewAsync(new OverviewQuery
        {
            FromEpoch = fixture.From, ToEpoch = fixture.To, QueueIds = [queue.Id], AgentIds = [fixture.AllAgentIds[^1]], TimeZone = "America/New_York",
        }, Ct);
        Assert.Equal(queue.Members.Select(m => centre.Agents[m].Id).Order(), answer.Overview!.AgentMetrics!.IndividualAggregation!.Select(a => a.AgentId!).Order());
    }

    [Fact]
    public async Task A_call_log_tells_who_rang_who_answered_and_why_others_did_not()
    {
        var simulation = Host.Simulation;
        var centre = simulation.Centre;
        var days = Enumerable.Range(0, 9).Select(i => simulation.Day(new DateOnly(2024, 10, 28).AddDays(i))).ToList();
        var answered = days.SelectMany(d => d.Calls.Select(c => (Day: d, Call: c))).First(x => x.Call.Answered && centre.Queues[x.Call.Queue].Strategy == Model.QueueStrategy.RingAll);
        var missed = days.SelectMany(d => d.Calls.Select(c => (Day: d, Call: c))).FirstOrDefault(x => !x.Call.Answered);
        Assert.NotNull(missed.Call); // a realistic centre misses some calls

        var window = (From: answered.Call.EntryTime - 3_600_000, To: answered.Call.EntryTime + 3_600_000);
        var log = await fixture.Admin.GetCallLogActivityAsync(new CallLogActivityQuery
        {
            FromEpoch = window.From, ToEpoch = window.To, LogId = answered.Day.LogId(simulation.Options.Seed, answered.Call), TimeZone = "America/New_York",
        }, Ct);
        var call = Assert.Single(log.Calls);
        var queue = centre.Queues[answered.Call.Queue];
        var answerer = centre.Agents[answered.Call.AnsweredBy];
        Assert.True(call.WasAnswered);
        Assert.Equal(answerer.Id, call.AnsweredAgent!.AgentId);
        Assert.Equal(queue.Id, call.QueueDetails!.QueueId);
        Assert.Equal("ring-all", call.QueueDetails.Strategy);
        Assert.Equal(queue.Members.Select(m => centre.Agents[m].Id).Order(), call.RingingOrder!.Select(r => r.AgentId!).Order());
        var answeredRing = call.RingingOrder!.Single(r => r.AgentId == answerer.Id).Rings![0];
        Assert.True(answeredRing.IsAnswered);
        Assert.Equal("NORMAL_CLEARING", answeredRing.HangupCause!.Code);
        // The answering agent's own hits show the call: On Call from the moment the queue let the customer go.
        var hits = call.AgentStatus!.Single(a => a.AgentId == answerer.Id).AllHits;
        var answerHit = Assert.Single(hits, h => h.CurrentStatus == "On Call" && h.CurrentActionTime == call.QueueDetails.CustomerExitTime);
        // ... and carries the call's log id, so a timeline can link to this call (the agent's other hits do not).
        string callLogId = answered.Day.LogId(simulation.Options.Seed, answered.Call);
        Assert.Equal(callLogId, answerHit.LogId);
        Assert.Single(hits, h => h.LogId == callLogId);
        // Members who did not ring were not free at that moment, and say so.
        foreach (var ring in call.RingingOrder!.Where(r => r.Rings![0].RingingTime == 0))
        {
            Assert.False(ring.Rings![0].IsAnswered);
            Assert.NotEqual("NORMAL_CLEARING", ring.Rings[0].HangupCause!.Code);
        }

        var missedLog = await fixture.Admin.GetCallLogActivityAsync(new CallLogActivityQuery
        {
            FromEpoch = missed.Call.EntryTime - 60_000, ToEpoch = missed.Call.EntryTime + 60_000,
            LogId = missed.Day.LogId(simulation.Options.Seed, missed.Call), TimeZone = "America/New_York",
        }, Ct);
        var missedCall = Assert.Single(missedLog.Calls);
        Assert.False(missedCall.WasAnswered);
        Assert.True(missedCall.AnsweredAgent!.IsEmpty);
        Assert.Equal(60, missedCall.QueueDetails!.RingTimeInQueueSeconds);
        Assert.DoesNotContain(missedCall.RingingOrder!, r => r.Rings![0].IsAnswered);
    }

    [Fact]
    public async Task Online_status_follows_the_latest_hit_and_visibility_follows_the_role()
    {
        var ids = fixture.AllAgentIds;
        var all = await fixture.Admin.GetAgentsOnlineStatusAsync(ids, Ct);
        Assert.DoesNotContain(all.Agents, a => a.IsError);
        var now = Host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var recent = await fixture.Admin.GetStatusAuditAsync(new StatusAuditQuery
        {
            FromEpoch = now - 2 * 86_400_000L, ToEpoch = now + 60_000, AgentIds = ids, TimeZone = "UTC",
        }, Ct);
        foreach (var agent in recent.Agents)
        {
            string expected = agent.AllHits.LastOrDefault()?.CurrentStatus ?? agent.PreviousResult!.CurrentStatus!;
            Assert.Equal(expected, all.Agents.Single(a => a.AgentId == agent.AgentId).OnlineStatus);
        }

        var centre = Host.Simulation.Centre;
        var supervisor = centre.Users[1];
        var hidden = centre.Agents.First(a => !supervisor.CanSee(a));
        var visible = centre.Agents.First(a => supervisor.Team.Contains(a.Index));
        var mixed = await fixture.Supervisor.GetAgentsOnlineStatusAsync([visible.Id, hidden.Id, "3029999999999999"], Ct);
        Assert.False(mixed.Agents[0].IsError);
        Assert.Equal("You are not authorised to view this agent's status.", mixed.Agents[1].Error);
        Assert.Equal("Invalid agent.", mixed.Agents[2].Error);

        var byZuid = await fixture.Supervisor.GetAgentsOnlineStatusByZuidAsync([visible.Zuid], Ct);
        Assert.Equal(visible.Id, Assert.Single(byZuid.Agents).AgentId);

        var audit = await fixture.Supervisor.GetStatusAuditAsync(Audit() with { AgentIds = [visible.Id, hidden.Id] }, Ct);
        Assert.Equal([visible.Id], audit.Agents.Select(a => a.AgentId));

        var own = await fixture.Supervisor.GetOwnOnlineStatusAsync(Ct);
        Assert.Equal(supervisor.Agent.Id, own.OnlineStatus!.AgentId);
    }
}

/// <summary>Adds up an agent's time per local day and status from status-audit hits alone, as a dashboard would.</summary>
internal static class HitTotals
{
    public static Dictionary<(string Day, string Status), long> ByDayAndStatus(AgentStatusAudit agent, long from, long to, TimeZoneInfo zone)
    {
        var totals = new Dictionary<(string, string), long>();
        string status = agent.PreviousResult?.CurrentStatus ?? "Offline";
        long since = from;
        foreach (var hit in agent.AllHits.OrderBy(h => h.CurrentActionTime))
        {
            Add(status, since, hit.CurrentActionTime!.Value);
            status = hit.CurrentStatus!;
            since = hit.CurrentActionTime.Value;
        }
        Add(status, since, to);
        return totals;

        void Add(string s, long start, long end)
        {
            while (start < end)
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(start), zone).DateTime);
                long dayEnd = Math.Min(end, ContractFixture.LocalMidnight(day.AddDays(1), zone));
                var key = (day.ToString("yyyy-MM-dd"), s);
                totals[key] = totals.GetValueOrDefault(key) + (dayEnd - start);
                start = dayEnd;
            }
        }
    }

    /// <summary>How much of the window falls on this local day (23, 24 or 25 hours inside it).</summary>
    public static long DayLength(DateOnly day, TimeZoneInfo zone, long from, long to) =>
        Math.Min(to, ContractFixture.LocalMidnight(day.AddDays(1), zone)) - Math.Max(from, ContractFixture.LocalMidnight(day, zone));
}
