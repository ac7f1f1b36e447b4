using System.Text.Json;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Json;
using AgentDashboard.Zoho.Requests;

namespace AgentDashboard.Zoho.Tests;

/// <summary>The vendor's number and id quirks, read through a real HTTP exchange.</summary>
public sealed class QuirkTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private static readonly StatusAuditQuery Query = new()
    {
        FromEpoch = 1729036800000, ToEpoch = 1729123200000, AgentIds = ["1"], TimeZone = "UTC",
    };

    private const string QuirkyAudit = """
        {"code": 200, "status": "SUCCESS", "list": {"agentStatus": [{
          "agent_id": 30290000039040051234567,
          "agentName": "Big Id",
          "dates": [{"start_timestamp": "1729036800000", "index": "0", "hits": [
            {"agent_id": "30290000039040051234567", "previous_action_time": 1.7290368E+12, "current_action_time": "1729040400000",
             "duration": "3.6E6", "previous_status": "Available", "current_status": "Lunch at desk", "logid": 123456789012345678,
             "triggered_by": "Zoho Voice", "triggered_by_zuid": 67560001, "zsoid": 67560292, "some_new_field": {"x": [1, 2]}},
            {"agent_id": "30290000039040051234567", "current_action_time": 1729044000000, "duration": "--",
             "previous_status": "Lunch at desk", "current_status": "Available", "triggered_by_username": null}
          ]}]
        }]}}
        """;

    [Fact]
    public async Task Numbers_as_strings_exponents_numeric_ids_and_missing_fields_are_all_read()
    {
        server.RespondWithJson(QuirkyAudit);
        var answer = await server.CreateClient().GetStatusAuditAsync(Query, Ct);

        Assert.Equal("200", answer.Code); // a number on the wire
        var agent = Assert.Single(answer.Agents);
        Assert.Equal("30290000039040051234567", agent.AgentId); // beyond 64 bits, exact digits kept
        Assert.Null(agent.PreviousResult);
        var day = Assert.Single(agent.Dates!);
        Assert.Equal(1729036800000, day.StartTimestamp);
        Assert.Equal(0, day.Index);

        var first = day.Hits![0];
        Assert.Equal(1729036800000, first.PreviousActionTime);  // 1.7290368E+12
        Assert.Equal(1729040400000, first.CurrentActionTime);   // "1729040400000"
        Assert.Equal(3600000, first.Duration);                  // "3.6E6"
        Assert.Equal("123456789012345678", first.LogId);
        Assert.Equal("67560001", first.TriggeredByZuid);
        Assert.Equal("67560292", first.Zsoid);
        Assert.Equal("Lunch at desk", first.CurrentStatus);     // a custom status is just a status

        var second = day.Hits[1];
        Assert.Null(second.PreviousActionTime);                 // missing
        Assert.Null(second.Duration);                           // "--"
        Assert.Null(second.TriggeredByUsername);                // null
        Assert.Null(second.TriggeredBy);                        // missing
    }

    [Theory]
    [InlineData("40426688", 40426688d)]
    [InlineData("2.0213344E+8", 202133440d)]
    [InlineData("\"0\"", 0d)]
    [InlineData("\"161434.2\"", 161434.2d)]
    [InlineData("\"2.0213344E+8\"", 202133440d)]
    [InlineData("0", 0d)]
    [InlineData("-1.5e-3", -0.0015d)]
    public void A_metric_reads_every_number_form(string json, double expected)
    {
        var metric = JsonSerializer.Deserialize<ZohoMetric>(json);
        Assert.Equal(ZohoMetric.Of(expected), metric);
    }

    [Theory]
    [InlineData("\"--\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("\" -- \"")]
    public void No_value_is_not_zero(string json)
    {
        var metric = JsonSerializer.Deserialize<ZohoMetric>(json);
        Assert.False(metric.HasValue);
        Assert.Null(metric.Milliseconds);
        Assert.NotEqual(ZohoMetric.Of(0), metric);
    }

    [Fact]
    public void A_missing_aggregate_field_is_no_value()
    {
        var aggregate = JsonSerializer.Deserialize("""{"sum": 5}""", ZohoJsonContext.Default.StatusAggregate)!;
        Assert.Equal(5, aggregate.Sum.Value);
        Assert.False(aggregate.Avg.HasValue);
        Assert.False(aggregate.Max.HasValue);
    }

    [Fact]
    public void A_metric_writes_no_value_back_as_the_vendor_marker()
    {
        string json = JsonSerializer.Serialize(new Models.StatusAggregate { Sum = ZohoMetric.Of(0), Avg = ZohoMetric.NoValue }, ZohoJsonContext.Default.StatusAggregate);
        Assert.Contains("\"sum\":0", json);
        Assert.Contains("\"avg\":\"--\"", json);
    }

    [Theory]
    [InlineData("""{"code":"200","status":"SUCCESS","list":{"agentStatus":[{"dates":[{"hits":[{"duration":"abc"}]}]}]}}""", "$.list.agentStatus[0].dates[0].hits[0].duration", "\"abc\"")]
    [InlineData("""{"code":"200","status":"SUCCESS","list":{"agentStatus":[{"dates":[{"start_timestamp":true}]}]}}""", "$.list.agentStatus[0].dates[0].start_timestamp", "a true/false value")]
    [InlineData("""{"code":"200","status":"SUCCESS","list":{"agentStatus":[{"agent_id":{"a":1}}]}}""", "$.list.agentStatus[0].agent_id", "an object")]
    public async Task A_value_of_the_wrong_kind_is_a_malformed_answer_that_says_where(string json, string path, string found)
    {
        server.RespondWithJson(json);
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => server.CreateClient().GetStatusAuditAsync(Query, Ct));
        Assert.Equal(ZohoFailureKind.MalformedResponse, error.Kind);
        Assert.Contains(path, error.Message);
        Assert.Contains(found, error.Message);
        Assert.StartsWith("Zoho Voice's answer to the status audit list request is not the JSON it documents", error.Message);
    }

    [Fact]
    public async Task Overview_with_custom_status_keeps_it_as_a_status()
    {
        server.RespondWithJson("""
            {"code":"200","status":"SUCCESS","overview":{"agentmetrics":{
              "overallAggregation":{"Training":{"sum":"120000","avg":"--","max":120000},"agentCount":"1","daysCount":1},
              "individualAggregation":[{"agent_id":42,"agentName":"A","Training":{"sum":120000}}]}}}
            """);
        var answer = await server.CreateClient().GetOverviewAsync(new OverviewQuery { FromEpoch = 1, ToEpoch = 2, AgentIds = ["42"], TimeZone = "UTC" }, Ct);
        var metrics = answer.Overview!.AgentMetrics!;
        Assert.Equal(120000, metrics.OverallAggregation!["Training"]!.Sum.Value);
        Assert.Equal(1, metrics.OverallAggregation.AgentCount.Value);
        Assert.Equal("42", metrics.IndividualAggregation![0].AgentId);
        Assert.Null(metrics.MaxTimeAgents);
    }

    [Fact]
    public void Repeated_values_share_one_string_and_escapes_are_decoded()
    {
        var answer = JsonSerializer.Deserialize("""
            {"code":"200","status":"SUCCESS","list":{"agentStatus":[{"agent_id":"7","dates":[{"hits":[
              {"agent_id":"7","agentName":"Ren\u00e9e","current_status":"On Break","logid":"a"},
              {"agent_id":7,"agentName":"Ren\u00e9e","current_status":"On Break","logid":"b"}]}]}]}}
            """, ZohoJsonContext.Default.StatusAuditResponse)!;
        var hits = answer.Agents[0].Dates![0].Hits!;
        Assert.Equal("Renée", hits[0].AgentName);
        Assert.Same(hits[0].AgentName, hits[1].AgentName);
        Assert.Same(hits[0].CurrentStatus, hits[1].CurrentStatus);
        Assert.Same(hits[0].AgentId, hits[1].AgentId); // a string in one hit, a number in the other
        Assert.Equal(["a", "b"], hits.Select(h => h.LogId));
    }
}
