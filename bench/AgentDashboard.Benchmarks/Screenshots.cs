using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Every page of the dashboard in Chromium, at 1366x768 and 1920x1080, light and dark (the device's preference:
/// the dashboard follows it by default), saved as PNG files to look at. Demo mode on a fixed busy Tuesday morning.
/// Options: --out DIR (TestResults/screenshots/pages), --only NAME[,NAME] (those pages), --html (the page's HTML beside each picture), --full (the whole page, not the screen).
/// </summary>
internal static class Screenshots
{
    private const string Zone = "America%2FNew_York";

    public static async Task RunAsync(string[] args)
    {
        int at = Array.IndexOf(args, "--out");
        string output = at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine("TestResults", "screenshots", "pages");
        int only = Array.IndexOf(args, "--only");
        string? onlyPage = only >= 0 && only + 1 < args.Length ? args[only + 1] : null;
        Directory.CreateDirectory(output);
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-shots-" + Guid.NewGuid().ToString("N"));
        var app = DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", "--Dashboard:Mode=Demo"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(new BenchSupport.ForwardClock(BenchSupport.TuesdayMorning));
            // The demo's administrator may see every supervisor's display links (/displays/all).
            builder.Services.AddOptions<DisplayLinkOptions>().PostConfigure<CallCentreSimulation>((o, simulation) => o.Admins = [simulation.Centre.Users[0].Zuid]);
        });
        await app.StartAsync();
        try
        {
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var simulation = app.Services.GetRequiredService<CallCentreSimulation>();
            // The demo's schedules, so the timeline, grid and walls show adherence.
            await app.Services.GetRequiredService<AgentDashboard.Web.Demo.DemoSchedules>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
            var admin = simulation.Centre.Users[0];
            var today = simulation.Day(simulation.OrgDate(simulation.Now));
            var missed = today.Calls.Last(c => !c.Answered && c.ExitTime < simulation.Now);
            var (_, wallToken) = await app.Services.GetRequiredService<DisplayLinkStore>().CreateAsync(admin.Zuid, "Floor 2",
                new WallView(simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None, madeBy: admin.Name);
            await SeedAuditAsync(app.Services, simulation);
            var agents = string.Join(',', simulation.Centre.Queues[0].Members.Take(3).Select(i => simulation.Centre.Agents[i].Id));
            var pages = new (string Name, string Path, string WaitFor, string? Click)[]
            {
                ("home", "/", "h1", null),
                ("live-tiles", "/live", "#agents [data-agent]", null),
                ("live-table", "/live?view=table", "#agents [data-agent]", null),
                ("timeline", $"/timeline?agentIds={agents}&from=2026-11-11&to=2026-11-17&tz={Zone}", "#timeline [data-lane]", null),
                ("timeline-zoom", $"/timeline?agentIds={agents}&from=2026-11-16&to=2026-11-16&span=10:00-10:15&tz={Zone}", "#timeline [data-lane]", null),
                ("heatmap", $"/heatmap?from=2026-10-21&to=2026-11-17&tz={Zone}", "#heatmap td.hc", null),
                ("overview", $"/overview?from=2026-10-21&to=2026-11-17&tz={Zone}", "#leaderboard", null),
                ("call", $"/calls/{today.LogId(simulation.Options.Seed, missed)}?date=2026-11-17&tz={Zone}", "#call-outcome", null),
                ("calls", $"/calls?tz={Zone}", "h1", null),
                ("displays", "/displays", "h1", null),
                ("schedules", $"/schedules?tz={Zone}", "#stored-summary", null),
                ("wall", "/wall/" + wallToken, "#wall-tiles .tile", null),
                ("signin-problem", "/signin-problem?reason=State", "h1", null),
                ("not-found", "/no/such/page", "h1", null),
                ("timeline-picker", $"/timeline?from=2026-11-17&tz={Zone}", "#timeline [data-lane]", "#agent-picker"),
                ("live-override", "/live", "#agents [data-agent]", "#agents [data-agent] input[type=checkbox] >> nth=0 ;; #override"),
                ("live-override-done", "/live", "#agents [data-agent]", "#agents [data-agent] input[type=checkbox] >> nth=0 ;; #override ;; #confirm ;; #override-outcomes"),
                ("live-settings", "/live", "#agents [data-agent]", "#open-settings"),
                ("live-paused", "/live?view=table", "#agents [data-agent]", "#pause"),
                ("user-menu", "/", "h1", "#signed-in-as"),
                ("displays-all", "/displays/all", "h1", null),
                ("audit", $"/audit?tz={Zone}", "#audit-entries", null),
                ("wall-unknown", "/wall/no-such-link", "#wall-closed", null),
                ("live-alerts", "/live", "#agents [data-agent]", "#alerts-toggle"),
                ("wall-alerts", "/wall/" + wallToken + "?alerts=sound", "#wall-tiles .tile", null),
                ("timeline-too-big", $"/timeline?from=2026-08-20&to=2026-11-17&tz={Zone}", "#request-problems", null),
            };
            // Pages answered before Blazor starts (a wall link that does not open) never turn interactive.
            bool Static(string name) => name == "wall-unknown";

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchSupport.LaunchChromiumAsync(playwright);
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme, TimezoneId = "America/New_York" });
                var page = await context.NewPageAsync();
                await page.GotoAsync(address + "/live");
                await page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
                await page.ClickAsync("#accept");
                await page.Locator("main[data-interactive='true']").WaitForAsync();
                foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    foreach (var (name, path, waitFor, click) in pages.Where(p => onlyPage is null || onlyPage.Split(',').Contains(p.Name)))
                    {
                        try
                        {
                            await page.GotoAsync(address + path);
                            await page.Locator(waitFor).First.WaitForAsync(new() { Timeout = 60_000 });
                            if (!Static(name)) await page.Locator("main[data-interactive='true'], .wall-main[data-interactive='true']").First.WaitForAsync(new() { Timeout = 30_000 });
                        }
                        catch (Exception e) when (e is TimeoutException or PlaywrightException)
                        {
                            Console.WriteLine($"{name}: {waitFor} did not appear ({e.Message.Split('\n')[0]})");
                        }
                        foreach (string target in click?.Split(" ;; ") ?? [])
                        {
                            await page.Locator(target).ClickAsync(); // a dialog or popover opened, to see it too
                        }
                        await page.WaitForTimeoutAsync(700); // let the ticking clocks and transitions settle for the picture
                        string file = Path.Combine(output, $"{name}-{width}x{height}-{scheme.ToString().ToLowerInvariant()}.png");
                        await page.ScreenshotAsync(new() { Path = file, FullPage = args.Contains("--full") });
                        if (args.Contains("--html")) await File.WriteAllTextAsync(Path.ChangeExtension(file, ".html"), await page.ContentAsync());
                        Console.WriteLine(file);
                        if (name == "live-alerts") await page.EvaluateAsync("() => localStorage.removeItem('agentdashboard.alerts')"); // the other pictures without
                    }
                }
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A morning's changes made in the dashboard, for the audit page's picture: overrides with and without reasons, each outcome, an own-status change.</summary>
    private static async Task SeedAuditAsync(IServiceProvider services, CallCentreSimulation simulation)
    {
        var admin = simulation.Centre.Users[0];
        var supervisor = simulation.Centre.Users[1];
        var agents = simulation.Centre.Agents;
        long at = BenchSupport.TuesdayMorning.ToUnixTimeMilliseconds();
        long minutes(int n) => at - n * 60_000L;
        AgentDashboard.Web.Audit.AuditEntry Entry(int n, long when, string kind, AgentDashboard.Simulator.Model.User by, int agent, string? from, string to,
            AgentDashboard.Web.Audit.AuditOutcome outcome, string? message, string reason) =>
            new($"shot{n:00}", when, kind, by.Zuid, by.Name, agents[agent].Id, agents[agent].Name, from, to, outcome, message, reason);
        const string Override = AgentDashboard.Web.Audit.AuditKinds.Override;
        var ok = AgentDashboard.Web.Audit.AuditOutcome.Succeeded;
        await services.GetRequiredService<AgentDashboard.Web.Audit.AuditStore>().AppendAsync(
        [
            Entry(1, minutes(95), Override, admin, 0, "Available", "On Break", ok, null, "Team meeting in room 2"),
            Entry(2, minutes(95), Override, admin, 1, "Available", "On Break", ok, null, "Team meeting in room 2"),
            Entry(3, minutes(95), Override, admin, 2, "On Call", "On Break", AgentDashboard.Web.Audit.AuditOutcome.Failed, "The agent is on a call.", "Team meeting in room 2"),
            Entry(4, minutes(62), Override, supervisor, 3, "Offline", "Available", ok, null, "Forgot to sign in after the early shift"),
            Entry(5, minutes(40), AgentDashboard.Web.Audit.AuditKinds.OwnStatus, admin, admin.Agent.Index, "Available", "Busy", ok, null, ""),
            Entry(6, minutes(12), Override, admin, 4, "Busy", "Available", AgentDashboard.Web.Audit.AuditOutcome.Unknown, "Zoho Voice did not answer in time.", ""),
            Entry(7, minutes(3), Override, admin, 5, "On Break", "Available", ok, null, "Queue building up"),
        ], CancellationToken.None);
    }
}
