using System.Web;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Zoho.Tests;

/// <summary>What the client puts on the wire, and what it refuses to send.</summary>
public sealed class RequestTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private StubZohoServer.Received Last => server.Requests.Last();

    private static System.Collections.Specialized.NameValueCollection QueryOf(StubZohoServer.Received request) =>
        HttpUtility.ParseQueryString(request.Query);

    [Fact]
    public async Task Status_audit_sends_every_parameter_with_zoho_token_header()
    {
        server.RespondWithFixture("statusaudit-list.json");
        await server.CreateClient(token: "1000.abc.def").GetStatusAuditAsync(new StatusAuditQuery
        {
            FromEpoch = 1729036800000,
            ToEpoch = 1729641600000,
            AgentIds = ["3029000000002015", "3029000000003003"],
            TimeZone = "America/New_York",
            ExcludeDays = "76",
            ExcludeStatus = ["On Break", "Offline"],
            Page = new Paging(200, 100),
            Sort = new StatusSort("Working Time", SortMetric.Max, SortOrder.Asc),
        }, Ct);

        var request = Last;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/rest/json/zv/metrics/statusaudit/list", request.Path);
        Assert.Equal("Zoho-oauthtoken 1000.abc.def", request.Authorization);
        Assert.Equal("application/json", request.Accept);
        var query = QueryOf(request);
        Assert.Equal("1729036800000", query["fromEpoch"]);
        Assert.Equal("1729641600000", query["toEpoch"]);
        Assert.Equal("3029000000002015,3029000000003003", query["agentIds"]);
        Assert.Equal("America/New_York", query["tz"]);
        Assert.Equal("67", query["excludeDays"]); // each weekday once, in order
        Assert.Equal("On Break,Offline", query["excludeStatus"]);
        Assert.Equal("200", query["from"]);
        Assert.Equal("100", query["size"]);
        Assert.Equal("Working Time", query["sortField"]);
        Assert.Equal("max", query["sortMetric"]);
        Assert.Equal("asc", query["sortOrder"]);
    }

    [Fact]
    public async Task Optional_parameters_are_left_out_when_not_given()
    {
        server.RespondWithFixture("calendar-summary.json");
        await server.CreateClient().GetCalendarSummaryAsync(new CalendarSummaryQuery
        {
            FromEpoch = 1, ToEpoch = 2, QueueIds = ["3029000004016033"], TimeZone = "UTC",
        }, Ct);

        var query = QueryOf(Last);
        Assert.Equal("/rest/json/zv/metrics/statusaudit/calendarSummary", Last.Path);
        Assert.Equal("3029000004016033", query["queueIds"]);
        Assert.Equal(["fromEpoch", "queueIds", "toEpoch", "tz"], query.AllKeys.Order());
    }

    [Fact]
    public async Task Each_call_goes_to_its_documented_path_and_method()
    {
        var client = server.CreateClient();
        var window = (From: 1729036800000L, To: 1729641600000L);

        server.RespondWithFixture("overview.json");
        await client.GetOverviewAsync(new OverviewQuery { FromEpoch = window.From, ToEpoch = window.To, QueueIds = ["q1"], AgentIds = ["a1"], TimeZone = "UTC" }, Ct);
        Assert.Equal(("GET", "/rest/json/zv/metrics/statusaudit/overview"), (Last.Method, Last.Path));
        Assert.Equal(("a1", "q1"), (QueryOf(Last)["agentIds"], QueryOf(Last)["queueIds"]));

        server.RespondWithFixture("calllog-activity.json");
        await client.GetCallLogActivityAsync(new CallLogActivityQuery { FromEpoch = window.From, ToEpoch = window.To, LogId = "log-1", QueueIds = ["q1", "q2"], TimeZone = "UTC" }, Ct);
        Assert.Equal(("GET", "/rest/json/zv/metrics/statusaudit/list/log"), (Last.Method, Last.Path));
        Assert.Equal(("log-1", "q1,q2"), (QueryOf(Last)["logId"], QueryOf(Last)["queueIds"]));

        server.RespondWithFixture("own-online-status.json");
        await client.GetOwnOnlineStatusAsync(Ct);
        Assert.Equal(("GET", "/rest/json/zv/api/agents/onlineStatus", ""), (Last.Method, Last.Path, Last.Query));

        server.RespondWithFixture("set-own-online-status.json");
        await client.SetOwnOnlineStatusAsync("On Break", Ct);
        Assert.Equal(("PUT", "/rest/json/zv/api/agents/onlineStatus", "On Break"), (Last.Method, Last.Path, QueryOf(Last)["status"]));

        server.RespondWithFixture("agents-online-status.json");
        await client.GetAgentsOnlineStatusAsync(["1", "2"], Ct);
        Assert.Equal(("GET", "/rest/json/zv/api/v2/agents/onlineStatus", "1,2"), (Last.Method, Last.Path, QueryOf(Last)["agentIds"]));
        await client.GetAgentsOnlineStatusByZuidAsync(["67560001"], Ct);
        Assert.Equal(("67560001", null), (QueryOf(Last)["zuids"], QueryOf(Last)["agentIds"]));

        server.RespondWithFixture("override-online-status.json");
        await client.OverrideOnlineStatusAsync(["1", "2"], "Offline", Ct);
        Assert.Equal(("PUT", "/rest/json/zv/api/agents/overrideOnlineStatus"), (Last.Method, Last.Path));
        Assert.Equal(("1,2", "Offline"), (QueryOf(Last)["agentIds"], QueryOf(Last)["status"]));
    }

    public static TheoryData<StatusAuditQuery, string> BadAuditQueries => new()
    {
        { Audit() with { AgentIds = [] }, "agentIds is required" },
        { Audit() with { TimeZone = "" }, "tz is required" },
        { Audit() with { TimeZone = "Mars/Olympus_Mons" }, "not a known IANA time-zone name" },
        { Audit() with { TimeZone = "Eastern Standard Time" }, "not a known IANA time-zone name" },
        { Audit() with { ToEpoch = 1729036800000 }, "toEpoch (1729036800000) must be after fromEpoch" },
        { Audit() with { FromEpoch = -5 }, "fromEpoch must be a time after 1970" },
        { Audit() with { ExcludeDays = "08" }, "excludeDays \"08\" may hold only the digits 1-7" },
        { Audit() with { ExcludeDays = "6,7" }, "without separators" },
        { Audit() with { ExcludeDays = "" }, "may hold only the digits 1-7" },
        { Audit() with { ExcludeDays = "1234567" }, "leaves out every day of the week" },
        { Audit() with { ExcludeStatus = ["On Break,Offline"] }, "excludeStatus holds \"On Break,Offline\"" },
        { Audit() with { AgentIds = ["1", "1"] }, "names the same id more than once" },
        { Audit() with { AgentIds = ["1,2"] }, "is not an id" },
        { Audit() with { Page = new Paging(-1, 10) }, "from (-1) must not be negative" },
        { Audit() with { Page = new Paging(0, 0) }, "size (0) must be at least 1" },
        { Audit() with { Sort = new StatusSort("") }, "sortField must name a status" },
    };

    private static StatusAuditQuery Audit() => new()
    {
        FromEpoch = 1729036800000, ToEpoch = 1729641600000, AgentIds = ["3029000000002015"], TimeZone = "Europe/London",
    };

    [Theory]
    [MemberData(nameof(BadAuditQueries))]
    public async Task A_bad_parameter_is_refused_with_a_clear_message_before_anything_is_sent(StatusAuditQuery query, string expected)
    {
        var error = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => server.CreateClient().GetStatusAuditAsync(query, Ct));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("The status audit list request cannot be sent:", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => server.CreateClient().GetStatusAuditAsync(
            Audit() with { AgentIds = [], TimeZone = "Nowhere/Land", ExcludeDays = "9" }, Ct));
        Assert.Equal(3, error.Problems.Count);
    }

    [Fact]
    public async Task Other_calls_enforce_their_required_parameters()
    {
        var client = server.CreateClient();
        var overview = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => client.GetOverviewAsync(
            new OverviewQuery { FromEpoch = 1, ToEpoch = 2, TimeZone = "UTC" }, Ct));
        Assert.Contains("agentIds or queueIds is required", overview.Message);

        var log = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => client.GetCallLogActivityAsync(
            new CallLogActivityQuery { FromEpoch = 1, ToEpoch = 2, TimeZone = "UTC", LogId = " " }, Ct));
        Assert.Contains("logId is required", log.Message);

        var many = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => client.GetAgentsOnlineStatusAsync([], Ct));
        Assert.Contains("agentIds is required", many.Message);

        var onCall = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => client.SetOwnOnlineStatusAsync("On Call", Ct));
        Assert.Contains("status \"On Call\" cannot be set; choose one of Available, Busy, Offline, On Break", onCall.Message);

        var overrideNobody = await Assert.ThrowsAsync<Requests.ZohoQueryException>(() => client.OverrideOnlineStatusAsync([], "Busy", Ct));
        Assert.Contains("agentIds is required", overrideNobody.Message);

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_long_agent_list_goes_out_in_batches_and_comes_back_as_one_answer_in_order()
    {
        server.Respond = context =>
        {
            var ids = HttpUtility.ParseQueryString(context.Request.QueryString.Value!)["agentIds"]!.Split(',');
            string items = string.Join(",", ids.Select(id => $$"""{"agentId":"{{id}}","onlineStatus":"Available"}"""));
            return StubZohoServer.WriteJson(context, $$"""{"code":"200","status":"SUCCESS","onlineStatus":[{{items}}]}""");
        };
        var ids = Enumerable.Range(0, 250).Select(i => (3029000000002015L + i * 1000).ToString()).ToList();

        var answer = await server.CreateClient().GetAgentsOnlineStatusAsync(ids, Ct);

        Assert.Equal(ids, answer.Agents.Select(a => a.AgentId));
        Assert.Equal([100, 100, 50], server.Requests.Select(r => QueryOf(r)["agentIds"]!.Split(',').Length));
        Assert.All(server.Requests, r => Assert.True(r.Query.Length < 2048, "each URL stays short"));
    }
}
