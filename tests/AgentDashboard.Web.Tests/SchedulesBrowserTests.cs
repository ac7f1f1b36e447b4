using System.Text;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Adherence;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>A supervisor imports schedule files in Chromium: a bad one is listed row by row, a good one is stored.</summary>
public sealed class SchedulesBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();

    private static FilePayload Csv(string text) => new() { Name = "december.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task A_bad_file_is_refused_row_by_row_and_a_good_one_is_stored_with_its_e_mails_resolved()
    {
        var agent = Simulation.Centre.Agents[0];
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "schedules?tz=America%2FNew_York").ToString());
        await page.Locator("label.user", new() { HasText = Simulation.Centre.Users[0].Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();

        await page.SetInputFilesAsync("#schedule-file", Csv($"""
            agent_id,start,end,activity
            {agent.Email},2031-01-06 09:00,2031-01-06 12:00,Work
            {agent.Email},2031-01-06 11:30,2031-01-06 12:30,Lunch
            """));
        await Assertions.Expect(page.Locator("#import-problems li")).ToHaveTextAsync(["Line 3: overlaps line 2 for " + agent.Email + "."]);
        await Browser.MaybeScreenshotAsync(page, "schedules-problems");

        await page.SetInputFilesAsync("#schedule-file", Csv($"""
            agent_id,start,end,activity
            {agent.Email},2031-01-06 09:00,2031-01-06 12:00,Work
            {agent.Email},2031-01-06 12:00,2031-01-06 12:30,Lunch
            """));
        await Assertions.Expect(page.Locator("#import-done")).ToHaveTextAsync("Imported “december.csv”: 2 stretches for 1 agent, from 6 Jan 2031 09:00 to 6 Jan 2031 12:30.");

        var stored = await host.Services<ScheduleStore>().GetAsync([agent.Id],
            DateTimeOffset.Parse("2031-01-06T00:00:00-05:00").ToUnixTimeMilliseconds(), DateTimeOffset.Parse("2031-01-07T00:00:00-05:00").ToUnixTimeMilliseconds(), CancellationToken.None);
        Assert.Equal(["Work 14:00-17:00", "Lunch 17:00-17:30"],
            stored.Select(s => $"{s.Activity} {DateTimeOffset.FromUnixTimeMilliseconds(s.Start):HH:mm}-{DateTimeOffset.FromUnixTimeMilliseconds(s.End):HH:mm}"));
    }
}
