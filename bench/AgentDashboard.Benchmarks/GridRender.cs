using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AgentDashboard.Core.Live;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// A 1,000-agent live grid open in Chromium (Debian's, as the tests use) while the simulator's agents change:
/// per update, the server's render time (from the page's metric) and the bytes the circuit sends to the browser
/// (WebSocket frames read in Chromium), beside how many agents changed. Targets: under 5 ms and under 4 KB.
/// Options: --agents N (1000), --seconds S (30), --interval-s I (5: about 16 agents change per poll), --view tiles|table (table).
/// </summary>
internal static class GridRender
{
    public static async Task RunAsync(string[] args)
    {
        int agents = BenchSupport.Option(args, "--agents", 1000), seconds = BenchSupport.Option(args, "--seconds", 30), interval = BenchSupport.Option(args, "--interval-s", 5);
        string view = args.SkipWhile(a => a != "--view").Skip(1).FirstOrDefault() ?? "table";
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-gridrender-" + Guid.NewGuid().ToString("N"));
        var app = DashboardWebApplication.Create([
            "--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", "--Dashboard:Mode=Demo", $"--Simulator:AgentCount={agents}", $"--Dashboard:Live:PollInterval={TimeSpan.FromSeconds(interval)}",
        ], builder =>
        {
            builder.Logging.ClearProviders();
            // A weekday mid-morning in New York: the centre is busy.
            builder.Services.AddSingleton<TimeProvider>(new BenchSupport.ForwardClock(BenchSupport.TuesdayMorning));
        });
        await app.StartAsync();
        var renders = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == LiveMetrics.MeterName) l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => renders.Enqueue(value));
        listener.Start();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var admin = app.Services.GetRequiredService<CallCentreSimulation>().Centre.Users[0];
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchSupport.LaunchChromiumAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
            await page.GotoAsync($"{address}/live?view={view}");
            await page.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
            await page.ClickAsync("#accept");
            await page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            await page.Locator("#agents [data-agent]").First.WaitForAsync(new() { Timeout = 60_000 });
            int shown = await page.Locator("#agents [data-agent]").CountAsync();

            // Count what the feed changes per update, from a subscription of our own to the same feed.
            var changes = new ConcurrentQueue<int>();
            using var subscription = app.Services.GetRequiredService<LiveFeedHub>().Subscribe(admin.Zuid, await app.Services.GetRequiredService<AgentDashboard.Web.Agents.QueueCatalogue>().EverythingAsync(CancellationToken.None));
            var previous = subscription.Current;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var frames = new ConcurrentQueue<(DateTime At, int Bytes)>();
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
                frames.Enqueue((DateTime.UtcNow, frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "")));
            var updates = new ConcurrentQueue<DateTime>();
            await page.ReloadAsync(); // a fresh circuit, watched from its start
            await page.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            renders.Clear();
            frames.Clear();
            try
            {
                await foreach (var board in subscription.Updates.ReadAllAsync(stop.Token))
                {
                    // The board keeps unchanged agents as the same instances, in the same order.
                    var before = previous.Agents;
                    changes.Enqueue(before.Length == board.Agents.Length ? board.Agents.Where((a, i) => !ReferenceEquals(a, before[i])).Count() : board.Agents.Length);
                    updates.Enqueue(DateTime.UtcNow);
                    previous = board;
                }
            }
            catch (OperationCanceledException)
            {
            }

            var renderMs = renders.Order().ToList();
            // Per feed update: the frames within 400 ms after it (its render batch), skipping the first update.
            var frameList = frames.ToList();
            var updateFrames = updates.Skip(1)
                .Select(at => frameList.Where(f => f.At >= at && f.At < at.AddMilliseconds(400)).Sum(f => f.Bytes))
                .Order().ToList();
            var tickFrames = frameList.Select(f => f.Bytes).Where(b => b > 0).Order().ToList();
            var changed = changes.Order().ToList();
            Console.WriteLine($"Grid render: {shown} agents shown ({view} view), {seconds} s, poll every {interval} s, {Environment.ProcessorCount} cores.");
            Console.WriteLine($"Agents changed per update: median {Median(changed)}, max {changed.LastOrDefault()}");
            Console.WriteLine($"Server render per update ({renderMs.Count}): median {Median(renderMs):0.00} ms, p95 {P95(renderMs):0.00} ms, max {renderMs.LastOrDefault():0.00} ms");
            Console.WriteLine($"Bytes to the browser per feed update ({updateFrames.Count}): median {Median(updateFrames):0} B, max {updateFrames.LastOrDefault()} B");
            Console.WriteLine($"All frames ({tickFrames.Count}, incl. the once-a-second header render): median {Median(tickFrames):0} B");
        }
        finally
        {
            listener.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static double Median<T>(List<T> sorted) where T : IConvertible => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2].ToDouble(null);
    private static double P95<T>(List<T> sorted) where T : IConvertible => sorted.Count == 0 ? 0 : sorted[(int)(sorted.Count * 0.95)].ToDouble(null);
}
