using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>The queue-call page in Chromium against the simulator, on a Tuesday at 10:30 in New York.</summary>
public sealed class CallPageBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private async Task<IPage> SignedInAsync(string path)
    {
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        await page.GotoAsync(new Uri(host.Address, path).ToString());
        await page.Locator("label.user", new() { HasText = Simulation.Centre.Users[0].Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    /// <summary>Today's calls so far, with their log ids.</summary>
    private List<(CallRecord Call, string LogId)> TodaysCalls()
    {
        var day = Simulation.Day(Simulation.OrgDate(Simulation.Now));
        return day.Calls.Where(c => c.ExitTime < Simulation.Now).Select(c => (c, day.LogId(Simulation.Options.Seed, c))).ToList();
    }

    [Fact]
    public async Task A_missed_call_shows_who_rang_who_was_not_free_and_why_nobody_answered()
    {
        var (call, logId) = TodaysCalls().Last(c => !c.Call.Answered);
        var queue = Simulation.Centre.Queues[call.Queue];
        string today = LocalDays.DateOf(call.EntryTime, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("yyyy-MM-dd");

        var page = await SignedInAsync($"calls/{logId}?date={today}&tz={Uri.EscapeDataString(Zone)}");

        await Assertions.Expect(page.Locator("#call-outcome")).ToContainTextAsync("Missed: nobody answered", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#call-outcome")).ToContainTextAsync(queue.Name);
        await Assertions.Expect(page.Locator("#ringing-order tbody tr")).ToHaveCountAsync(queue.Members.Length);
        foreach (var ring in call.Rings)
        {
            var row = page.Locator($"#ringing-order [data-ring='{Simulation.Centre.Agents[ring.Agent].Id}']");
            await Assertions.Expect(row).ToContainTextAsync("No answer");
            await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ring-missed"));
        }
        // The members who were not rung show the status that kept them out.
        foreach (int member in queue.Members.Except(call.Rings.Select(r => r.Agent)))
        {
            var agent = Simulation.Centre.Agents[member];
            var row = page.Locator($"#ringing-order [data-ring='{agent.Id}']");
            await Assertions.Expect(row).ToContainTextAsync("not rung");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(Simulation.StatusAt(agent, call.EntryTime).Name());
        }
        await Assertions.Expect(page.Locator("#call-lanes [data-call-lane]")).ToHaveCountAsync(queue.Members.Length);
        await Browser.MaybeScreenshotAsync(page, "call-missed");
    }

    [Fact]
    public async Task An_answered_call_is_reached_from_the_answering_agents_timeline()
    {
        var (call, logId) = TodaysCalls().Last(c => c.Call.Answered);
        var agent = Simulation.Centre.Agents[call.AnsweredBy];
        var page = await SignedInAsync($"timeline?agentIds={agent.Id}&tz={Uri.EscapeDataString(Zone)}");

        var segment = page.Locator($"rect.seg[data-call='{logId}']");
        await segment.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await Browser.ScriptsReadyAsync(page); // the segment's details come from the timeline's script
        await segment.ClickAsync(new() { Force = true, Timeout = 15_000 }); // a call can be a sliver of the day
        await page.Locator("#seg-tip a").ClickAsync();

        await Assertions.Expect(page.Locator("#call-outcome")).ToContainTextAsync($"Answered by {agent.Name}", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"#ringing-order [data-ring='{agent.Id}']")).ToContainTextAsync("Answered");
        // The link carried the call's time, not its day: the form shows the day it found, ready for another log id.
        string day = LocalDays.DateOf(call.EntryTime, TimeZoneInfo.FindSystemTimeZoneById(Zone)).ToString("yyyy-MM-dd");
        await Assertions.Expect(page.Locator("#call-date")).ToHaveValueAsync(day);
        await Browser.MaybeScreenshotAsync(page, "call-answered");
    }

    [Fact]
    public async Task An_unknown_log_id_says_so_in_words()
    {
        var page = await SignedInAsync($"calls/not-a-call?tz={Uri.EscapeDataString(Zone)}");

        await Assertions.Expect(page.Locator(".notice-error")).ToContainTextAsync("no incoming queue call with log id not-a-call", new() { Timeout = 15_000 });
    }
}
