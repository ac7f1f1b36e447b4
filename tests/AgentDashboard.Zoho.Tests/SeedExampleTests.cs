using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Zoho.Tests;

/// <summary>
/// Every response example of the vendor's pages, repaired to valid JSON (Fixtures/), served over real HTTP
/// and read by the client, gives the values the pages show.
/// </summary>
public sealed class SeedExampleTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private static StatusAuditQuery AuditQuery => new()
    {
        FromEpoch = 1729036800000,
        ToEpoch = 1729641600000,
        AgentIds = ["3029000000002015"],
        TimeZone = "UTC",
    };

    [Fact]
    public async Task Status_audit_example_gives_the_previous_result_and_hits_the_page_shows()
    {
        server.RespondWithFixture("statusaudit-list.json");
        var answer = await server.CreateClient().GetStatusAuditAsync(AuditQuery, Ct);

        var jan = Assert.Single(answer.Agents);
        Assert.Equal("3029000000002015", jan.AgentId);
        Assert.Equal("Jan", jan.AgentName);
        Assert.Equal("janice@zylker.com", jan.AgentEmail);

        var before = Assert.IsType<StatusHit>(jan.PreviousResult);
        Assert.Equal("Available", before.CurrentStatus);
        Assert.Equal("Offline", before.PreviousStatus);
        Assert.Equal(1728977814592, before.CurrentActionTime);
        Assert.Equal(1614482, before.Duration);
        Assert.Equal("67560001", before.TriggeredByZuid);

        var dates = jan.Dates!;
        Assert.Equal(7, dates.Count);
        Assert.Equal([1729036800000, 1729123200000, 1729209600000, 1729296000000, 1729382400000, 1729468800000, 1729555200000],
            dates.Select(d => d.StartTimestamp!.Value));
        Assert.Equal(Enumerable.Range(0, 7), dates.Select(d => d.Index));

        var checkIn = dates[0].Hits![0];
        Assert.Equal("6prJk5IB_xciauz1XOy0", checkIn.LogId);
        Assert.Equal("Zoho Voice", checkIn.TriggeredBy);
        Assert.Equal("Agent Schedule", checkIn.TriggeredReason);
        Assert.Equal("Automatic Check In", checkIn.TriggeredReasonDesc);
        Assert.Null(checkIn.TriggeredByUsername); // absent on system-triggered hits
        Assert.True(checkIn.IsCheckIn);
        // The arithmetic the page proves: duration = current_action_time - previous_action_time.
        Assert.Equal(78485517, checkIn.Duration);
        Assert.Equal(checkIn.CurrentActionTime - checkIn.PreviousActionTime, checkIn.Duration);

        var offline = dates[0].Hits![1];
        Assert.Equal(("Available", "Offline"), (offline.PreviousStatus, offline.CurrentStatus));
        Assert.Equal(5508836, offline.Duration);
        Assert.Equal("Jan", offline.TriggeredByUsername);
        Assert.Equal("Web", offline.TriggeredByMedium);
        Assert.False(offline.IsCheckIn);

        Assert.Empty(dates[3].Hits!); // a weekend day: a bucket with no hits
        Assert.All(jan.AllHits, h => Assert.Equal(h.CurrentActionTime - h.PreviousActionTime, h.Duration));
    }

    [Fact]
    public async Task Call_log_example_keeps_numeric_ids_as_strings_and_reads_a_missed_call()
    {
        server.RespondWithFixture("calllog-activity.json");
        var answer = await server.CreateClient().GetCallLogActivityAsync(new CallLogActivityQuery
        {
            FromEpoch = 1729251000000,
            ToEpoch = 1729252000000,
            LogId = "a1b2c3d4-0000-4000-8000-1729251587000",
            TimeZone = "Asia/Kolkata",
        }, Ct);

        var call = Assert.Single(answer.Calls);
        Assert.False(call.WasAnswered);
        Assert.True(call.AnsweredAgent!.IsEmpty);

        Assert.Equal(["3029000003904005", "3029000004016005", "3029000000002015"], call.RingingOrder!.Select(r => r.AgentId));
        var ring = Assert.Single(call.RingingOrder![0].Rings!);
        Assert.Equal("3029000003904005", ring.AgentNumber); // a JSON number on the wire
        Assert.Equal(1729251588000, ring.StartTime);
        Assert.Equal("All in One", ring.QueueName);
        Assert.Equal("aravindan.e5", ring.AgentName);
        Assert.Equal(0, ring.RingingTime);
        Assert.False(ring.IsAnswered);
        Assert.Equal("ring-all", ring.Strategy);
        Assert.Equal("UNALLOCATED_NUMBER", ring.HangupCause!.Code);
        Assert.Equal("User unreachable", ring.HangupCause.DisplayName);
        Assert.Equal("The user you are trying to reach is not available.", ring.HangupCause.Description);

        var queue = call.QueueDetails!;
        Assert.Equal("3029000004016033", queue.QueueId); // a JSON number on the wire
        Assert.Equal(60, queue.RingTimeInQueueSeconds);
        Assert.Equal(1729251587000, queue.CustomerEntryTime);
        Assert.Equal(1729251647000, queue.CustomerExitTime);
        Assert.Equal(queue.RingTimeInQueueSeconds * 1000, queue.CustomerExitTime - queue.CustomerEntryTime);

        Assert.Equal(["aravindan.e5", "aravindan.e3", "AravindaN1", "aravindan2", "aravindan.e4"], call.AgentStatus!.Select(a => a.AgentName));
        // Here an agent's hits come without day buckets.
        var offline = Assert.Single(call.AgentStatus![0].AllHits);
        Assert.Equal(("Available", "Offline"), (offline.PreviousStatus, offline.CurrentStatus));
        Assert.Equal(10_000_000, offline.Duration);
        Assert.Empty(call.AgentStatus![4].AllHits);
    }

    [Fact]
    public async Task Overview_example_gives_the_page_figures_and_keeps_no_value_apart_from_zero()
    {
        server.RespondWithFixture("overview.json");
        var answer = await server.CreateClient().GetOverviewAsync(new OverviewQuery
        {
            FromEpoch = 1729036800000,
            ToEpoch = 1729641600000,
            AgentIds = ["600000000039003"],
            TimeZone = "UTC",
            ExcludeDays = "67",
        }, Ct);
        var metrics = answer.Overview!.AgentMetrics!;

        var overall = metrics.OverallAggregation!;
        Assert.Equal(4, overall.AgentCount.Value);
        Assert.Equal(5, overall.DaysCount.Value);
        var working = overall["Working Time"]!;
        Assert.Equal(140780500.4, working.Avg.Value);
        Assert.Equal(162421466, working.Max.Value);
        Assert.Equal(703902502, working.Sum.Value);
        Assert.Equal(35195125.1, working.DailyPerAgentAvg.Value);
        Assert.Equal("Working Time", working.OnlineStatus);
        // The arithmetic the page proves: avg = sum / daysCount; daily per-agent avg = sum / (days x agents).
        double sum = working.Sum.Value!.Value, days = overall.DaysCount.Value!.Value, agents = overall.AgentCount.Value!.Value;
        Assert.Equal(sum / days, working.Avg.Value!.Value, precision: 1);
        Assert.Equal(sum / (days * agents), working.DailyPerAgentAvg.Value!.Value, precision: 1);

        var onBreak = metrics.MaxTimeAgents!["On Break"];
        Assert.False(onBreak.Duration.HasValue);
        Assert.False(onBreak.HasAgent);
        Assert.Equal("On Break", onBreak.PreviousStatus);

        var jack = metrics.IndividualAggregation![0];
        Assert.Equal(("600000000039003", "Jack", "jacques@zylker.com"), (jack.AgentId, jack.AgentName, jack.AgentEmail));
        Assert.Equal(202133440, jack["Working Time"]!.Sum.Value); // 2.0213344E+8 on the wire
        Assert.Equal(40426688, jack["Working Time"]!.Avg.Value);
        Assert.Equal(161471551, jack["Working Time"]!.Max.Value);
        Assert.Equal(201326269, jack["Available"]!.Sum.Value);
        Assert.Equal(40265253.8, jack["Available"]!.Avg.Value);
        Assert.Equal(807171, jack["On Call"]!.Sum.Value);
        Assert.Equal(311311, jack["On Call"]!.Max.Value);
        // Working Time = every status except Offline: here Available + On Call.
        Assert.Equal(jack["Available"]!.Sum.Value + jack["On Call"]!.Sum.Value, jack["Working Time"]!.Sum.Value);

        var jackBreak = jack["On Break"]!;
        Assert.Equal(0, jackBreak.Sum.Value);       // "0": a real zero
        Assert.True(jackBreak.Sum.HasValue);
        Assert.False(jackBreak.Avg.HasValue);       // "--": no value, not zero
        Assert.False(jackBreak.Max.HasValue);
        Assert.False(jackBreak.DailyPerAgentAvg.HasValue);
        Assert.Equal("--", jackBreak.Avg.ToString());

        Assert.Equal(4, metrics.IndividualAggregation!.Count);
        Assert.Equal(working.Sum.Value, metrics.IndividualAggregation.Sum(a => a["Working Time"]!.Sum.Value));
    }

    [Fact]
    public async Task Calendar_summary_example_gives_each_day_and_leaves_the_weekend_absent()
    {
        server.RespondWithFixture("calendar-summary.json");
        var answer = await server.CreateClient().GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            FromEpoch = 1729036800000,
            ToEpoch = 1729641600000,
            AgentIds = ["600000000039003"],
            TimeZone = "UTC",
            ExcludeDays = "67",
        }, Ct);
        var jack = Assert.Single(answer.CalendarSummary!.HistogramAggregation!);

        Assert.Equal(["2024-10-16", "2024-10-17", "2024-10-18", "2024-10-21", "2024-10-22"], jack.IntervalsList);
        Assert.False(jack.IntervalsData!.ContainsKey("2024-10-19"));
        Assert.False(jack.IntervalsData.ContainsKey("2024-10-20"));

        var friday = jack.IntervalsData["2024-10-18"];
        Assert.Equal("2024-10-18", friday.Interval);
        var day = friday.Statuses!;
        Assert.Equal(29333440, day["Working Time"].Sum.Value); // 2.933344E+7 on the wire
        Assert.Equal(5866688, day["Working Time"].Avg.Value);
        Assert.Equal(26068280, day["Working Time"].Max.Value);
        Assert.Equal(28661275, day["Available"].Sum.Value);
        Assert.Equal(5732255, day["Available"].Avg.Value);
        Assert.Equal(672165, day["On Call"].Sum.Value);
        Assert.Equal(134433, day["On Call"].Avg.Value);
        Assert.Equal(311311, day["On Call"].Max.Value);
        Assert.Equal(0, day["On Break"].Sum.Value);
        Assert.Equal("Working Time", day["Working Time"].PreviousStatus);
        // The inference the contract draws: a day's avg is that day's sum / the period's daysCount (5).
        Assert.All(day.Values, s => Assert.Equal(s.Sum.Value / 5, s.Avg.Value));

        Assert.Equal(202133440, jack.TotalRow!["Working Time"]!.Sum.Value);
        Assert.Equal(jack.TotalRow["Available"]!.Sum.Value, jack.IntervalsData.Values.Sum(d => d.Statuses!["Available"].Sum.Value));
        Assert.Equal("Jack", Assert.Single(answer.CalendarSummary.IndividualAggregation!).AgentName);
    }

    [Fact]
    public async Task Online_status_examples_read_own_status_and_per_agent_outcomes()
    {
        var client = server.CreateClient();

        server.RespondWithFixture("own-online-status.json");
        var own = await client.GetOwnOnlineStatusAsync(Ct);
        Assert.Equal(("96000000016003", "Available"), (own.OnlineStatus!.AgentId, own.OnlineStatus.OnlineStatus));

        server.RespondWithFixture("agents-online-status.json");
        var many = await client.GetAgentsOnlineStatusAsync(["96000000016003", "96000000016005", "97685746000"], Ct);
        Assert.Equal(3, many.Agents.Count);
        Assert.Equal("Busy", many.Agents[1].OnlineStatus);
        var invalid = many.Agents[2];
        Assert.True(invalid.IsError);
        Assert.Equal("97685746000", invalid.AgentId);
        Assert.Equal("Invalid agent.", invalid.Error);

        server.RespondWithFixture("set-own-online-status.json");
        var set = await client.SetOwnOnlineStatusAsync("On Break", Ct);
        Assert.Equal("success", set.Message);
        Assert.True(set.IsSuccess);

        server.RespondWithFixture("override-online-status.json");
        var overridden = await client.OverrideOnlineStatusAsync(["96000000016003", "96000000016009"], "Busy", Ct);
        Assert.True(overridden.Outcomes[0].Succeeded);
        Assert.False(overridden.Outcomes[1].Succeeded);
        Assert.Equal("You don't have permission to perform this action. Please contact your admin.", overridden.Outcomes[1].Message);
    }
}
