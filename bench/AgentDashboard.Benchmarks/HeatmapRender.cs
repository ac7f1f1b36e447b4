using System.Diagnostics;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// A 500-agent x 93-day heatmap in Chromium (demo mode, the simulator's days cached): per run, the time from
/// choosing another metric to the first heatmap cell painted, the calendar-summary fetch alone for the same request
/// (through the dashboard's own client), and the first paint: from the figures' arrival at the server to the heatmap
/// painted in Chromium (building the cells, the render, the transfer and the paint). Target: first paint
/// under 1 s. Options: --agents N (500), --days D (93), --runs R (5).
/// </summary>
internal static class HeatmapRender
{
    private const string Zone = "America/New_York";

    public static async Task RunAsync(string[] args)
    {
        int agents = BenchSupport.Option(args, "--agents", 500), days = BenchSupport.Option(args, "--days", 93), runs = BenchSupport.Option(args, "--runs", 5);
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-heatmap-" + Guid.NewGuid().ToString("N"));
        var app = DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", "--Dashboard:Mode=Demo", $"--Simulator:AgentCount={agents}"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(new BenchSupport.ForwardClock(BenchSupport.TuesdayMorning));
        });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var simulation = app.Services.GetRequiredService<CallCentreSimulation>();
            var admin = simulation.Centre.Users[0];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
            var to = LocalDays.DateOf(simulation.Now, zone);
            var from = to.AddDays(1 - days);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchSupport.LaunchChromiumAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
            string url = $"{address}/heatmap?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&tz={Uri.EscapeDataString(Zone)}";
            await page.GotoAsync(url);
            await page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
            await page.ClickAsync("#accept");
            var cold = Stopwatch.StartNew();
            try
            {
                await page.Locator("#heatmap td.hc").First.WaitForAsync(new() { Timeout = 180_000 });
            }
            catch (TimeoutException)
            {
                Console.WriteLine("The heatmap did not appear. The page says: " + await page.Locator("main").InnerTextAsync());
                throw;
            }
            Console.WriteLine($"first load, simulating {days} days of {agents} agents on demand: {cold.Elapsed.TotalSeconds:F1} s");

            var client = ClientFor(app.Services, admin.Zuid);
            var query = new CalendarSummaryQuery
            {
                QueueIds = simulation.Centre.Queues.Select(q => q.Id).ToList(), TimeZone = Zone,
                FromEpoch = LocalDays.StartOf(from, zone), ToEpoch = Math.Min(LocalDays.StartOf(to.AddDays(1), zone), simulation.Now + 1),
            };
            string[] metrics = ["time:Available", "share:On Call", "working", "time:On Break", "share:Available", "time:Offline"];
            var totals = new List<double>();
            var fetches = new List<double>();
            var paints = new List<double>();
            int rows = 0, cells = 0;
            for (int run = 0; run < runs; run++)
            {
                var fetch = Stopwatch.StartNew();
                int fetched = 0;
                for (int p = 0; ; p++)
                {
                    var answer = await client.GetCalendarSummaryAsync(query with { Page = new Paging(p * 100, 100) }, CancellationToken.None);
                    int n = answer.CalendarSummary?.HistogramAggregation?.Count ?? 0;
                    fetched += n;
                    if (n < 100) break;
                }
                fetches.Add(fetch.Elapsed.TotalMilliseconds);

                string metric = metrics[run % metrics.Length];
                var clock = Stopwatch.StartNew();
                await page.Locator(".metric-select").ClickAsync(); // MudBlazor's select: open it, click the metric
                await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(Label(metric)) + "\\s*$") }).First.ClickAsync();
                try
                {
                    await page.Locator($"table[data-metric='{Label(metric)}'] td.hc").First.WaitForAsync(new() { Timeout = 120_000 });
                }
                catch (TimeoutException)
                {
                    await page.ScreenshotAsync(new() { Path = "/tmp/heatmap-bench-fail.png" });
                    Console.WriteLine("The heatmap did not change. The page says: " + await page.Locator("main").InnerTextAsync());
                    throw;
                }
                // Painted: two animation frames later. From the figures' arrival at the server (the page's data-ready-at).
                double sinceReady = await page.EvaluateAsync<double>(
                    "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(Date.now() - Number(document.querySelector('table[data-ready-at]').dataset.readyAt)))))");
                totals.Add(clock.Elapsed.TotalMilliseconds);
                paints.Add(sinceReady);
                rows = fetched;
                cells = await page.Locator("#heatmap td.hc").CountAsync();
            }
            totals.Sort();
            fetches.Sort();
            paints.Sort();
            double total = totals[totals.Count / 2], api = fetches[fetches.Count / 2], paint = paints[paints.Count / 2];
            Console.WriteLine($"{rows} agents x {days} days; cells in the DOM after first paint: {cells:N0} (rows are virtualised)");
            Console.WriteLine($"choose a metric -> first cell painted: median {total:F0} ms (min {totals[0]:F0}, max {totals[^1]:F0}) over {runs} runs");
            Console.WriteLine($"  of which the calendar summary alone (same request, direct): median {api:F0} ms");
            Console.WriteLine($"first paint, from the figures' arrival to the heatmap painted (build, render, transfer, paint): median {paint:F0} ms (max {paints[^1]:F0})");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Label(string metric) => metric switch
    {
        "working" => "Working Time",
        _ when metric.StartsWith("time:") => metric[5..] + " time",
        _ => metric[6..] + " share of Working Time",
    };

    private static IZohoVoiceClient ClientFor(IServiceProvider services, string zuid)
    {
        return ActivatorUtilities.CreateInstance<ZohoVoiceClient>(services, services.GetRequiredService<IZohoVoiceApi>(), (IZohoUserContext)new FixedUser(zuid));
    }

    private sealed class FixedUser(string zuid) : IZohoUserContext
    {
        public ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(zuid);
    }
}
