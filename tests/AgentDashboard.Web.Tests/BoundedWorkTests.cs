using System.Diagnostics;
using System.Net;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Security;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The exports' bounds over HTTP, signed in through the simulator's OAuth, with the default limits: a request's size
/// checked before Zoho is asked, unknown queues refused, other sites' links refused, two long loads per supervisor at
/// a time, rows written as Zoho's pages arrive, and Zoho's rate limit waited out while paging.
/// </summary>
public sealed class BoundedWorkTests : IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private static readonly DateTimeOffset Now = new(2027, 3, 16, 15, 30, 0, TimeSpan.Zero);
    private DashboardHost host = null!;
    private SignInFlow browser = null!;
    private readonly CapturedLogs logs = new();

    public async Task InitializeAsync()
    {
        host = await DashboardHost.StartAsync(["--environment=Development"], builder => builder.Logging.AddProvider(logs), clock: new ShiftedClock(Now));
        browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Admin.Zuid);
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        await host.DisposeAsync();
    }

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private FaultInjector Faults => host.Services<FaultInjector>();
    private User Admin => Simulation.Centre.Users[0];
    private IReadOnlyList<Agent> Agents(int count) => Simulation.Centre.Agents.Take(count).ToList();

    private static string Query(IEnumerable<Agent> agents, string from, string to) =>
        $"agentIds={string.Join(',', agents.Select(a => a.Id))}&from={from}&to={to}&tz={Uri.EscapeDataString(Zone)}";

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "Timed out waiting until " + what);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_export_of_more_agent_days_than_allowed_is_a_400_in_words_before_Zoho_is_asked()
    {
        Faults.Set(new() { Down = true }); // any call to Zoho would make this a 502

        // 22 agents over 93 days (13 Dec 2026 to 15 Mar 2027) is 2,046 agent-days; the default allows 2,000.
        var response = await browser.Http.GetAsync("/export/timeline.csv?" + Query(Agents(22), "2026-12-13", "2027-03-15"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The export was not made:\n22 agents over 93 days is 2,046 agent-days; at most 2,000 can be read at once. Pick fewer agents or a shorter range.\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_heatmap_export_allows_a_500_agent_quarter_but_not_more_agent_days_than_that()
    {
        Faults.Set(new() { Down = true }); // any call to Zoho would make this a 502
        string Ids(int count) => string.Join(',', Enumerable.Range(1, count).Select(i => "agent" + i));

        // Figures per agent and day: 500 agents over 93 days (46,500) is within the default 50,000; 600 is not.
        var within = await browser.Http.GetAsync($"/export/heatmap.csv?agentIds={Ids(500)}&from=2026-12-13&to=2027-03-15&tz={Zone}");
        var beyond = await browser.Http.GetAsync($"/export/heatmap.csv?agentIds={Ids(600)}&from=2026-12-13&to=2027-03-15&tz={Zone}");

        Assert.Equal(HttpStatusCode.BadGateway, within.StatusCode); // asked of Zoho, which is down
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Equal("The export was not made:\n600 agents over 93 days is 55,800 agent-days; at most 50,000 can be read at once. Pick fewer agents or a shorter range.\n",
            await beyond.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_period_export_of_an_unknown_queue_is_a_400_in_words()
    {
        var response = await browser.Http.GetAsync($"/export/heatmap.csv?queue=no-such-queue&from=2027-03-12&to=2027-03-15&tz={Zone}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("queue \"no-such-queue\" is not one of the organisation's queues", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.OK)]
    [InlineData("same-site", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task Exports_started_by_another_site_are_refused_in_words(string? fetchSite, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/export/timeline-totals.csv?" + Query(Agents(2), "2027-03-15", "2027-03-15"));
        if (fetchSite is not null) request.Headers.Add("Sec-Fetch-Site", fetchSite);

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        if (expected == HttpStatusCode.Forbidden)
            Assert.Equal("The export was not made: it was asked for by another site. Open the export from the dashboard itself.\n", body);
        else
            Assert.StartsWith("agent_id,agent_name,date,status,total_ms\r\n", body);
    }

    [Fact]
    public async Task A_third_export_at_once_is_a_429_with_Retry_After_and_one_after_them_is_made()
    {
        Faults.Set(new() { LatencyMs = 1500 });
        string path = "/export/timeline-totals.csv?" + Query(Agents(1), "2027-03-15", "2027-03-15");
        var first = browser.Http.GetAsync(path);
        var second = browser.Http.GetAsync(path);
        var loads = host.Services<LongLoads>();
        await WaitUntil(() => loads.Running(Admin.Zuid) == 2, "both exports are running");

        var third = await browser.Http.GetAsync(path);

        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), third.Headers.RetryAfter?.Delta);
        Assert.Contains("You already have 2 long loads running", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);

        Faults.Set(new());
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(path)).StatusCode);
        Assert.Equal(0, loads.Running(Admin.Zuid));
    }

    [Fact]
    public async Task Rows_are_sent_as_Zohos_pages_arrive_not_after_the_last_one()
    {
        // Four agents over 31 days: read an agent at a time. Zoho goes down once the first rows have arrived; had the
        // export read every page before answering, the file would still be whole.
        var agents = Agents(4);
        Faults.Set(new() { LatencyMs = 300 });
        using var response = await browser.Http.GetAsync("/export/timeline-totals.csv?" + Query(agents, "2027-02-13", "2027-03-15"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("agent_id,agent_name,date,status,total_ms", await reader.ReadLineAsync());
        Assert.StartsWith(agents[0].Id + ",", await reader.ReadLineAsync());

        Faults.Set(new() { Down = true });
        var seen = new HashSet<string>();
        bool ended = false;
        try
        {
            while (await reader.ReadLineAsync() is { } line) seen.Add(line.Split(',')[0]);
            ended = true;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            // the download was cut off: the server aborted it when Zoho failed part-way
        }

        Assert.False(ended && seen.Contains(agents[3].Id), "the whole file arrived although Zoho went down after its first rows");
        Assert.False(ended, "a download that lost its last agents must not end as if it were complete");
        await WaitUntil(() => logs.All.Contains("The timeline-totals export stopped part-way: "), "the export's end is logged");
        Assert.DoesNotContain(logs.Lines, l => !l.StartsWith("Debug") && !l.StartsWith("Trace") && l.Contains("   at "));
    }

    [Fact]
    public async Task Zohos_rate_limit_met_while_paging_is_waited_out_for_its_Retry_After()
    {
        // Four 429s in a row: more than the HTTP client's own retries, each asking for a one-second wait.
        Faults.Set(new() { RateLimitBurst = 4, RetryAfterSeconds = 1 });

        var response = await browser.Http.GetAsync("/export/timeline-totals.csv?" + Query(Agents(2), "2027-03-15", "2027-03-15"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(Agents(2).Select(a => a.Id).ToHashSet(), ids);
        Assert.True(Faults.Injected >= 4, $"only {Faults.Injected} rate-limited answers were sent");
    }
}
