using System.Diagnostics;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Holds many wall circuits open against the dashboard (demo mode) for minutes and reports the server's memory per
/// circuit, its CPU, whether memory grows over the run, and the upstream polls (one feed however many walls).
/// The server runs in this process; Chromium (the walls) runs in its own. Options: --walls N (100), --minutes M (10),
/// --sample-s S (30).
/// </summary>
internal static class WallSoak
{
    public static async Task RunAsync(string[] args)
    {
        int walls = BenchSupport.Option(args, "--walls", 100), minutes = BenchSupport.Option(args, "--minutes", 10), sampleSeconds = BenchSupport.Option(args, "--sample-s", 30);
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-wallsoak-" + Guid.NewGuid().ToString("N"));
        var circuits = new CircuitCounter();
        // Every wall on one link from one address: the per-link screen cap and the per-address wall limit are raised to fit.
        var app = DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", "--Dashboard:Mode=Demo",
            $"--Dashboard:Wall:MaxScreensPerLink={walls}", $"--Dashboard:Limits:WallPerMinute={Math.Max(120, walls * 4)}"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(new BenchSupport.ForwardClock(BenchSupport.TuesdayMorning));
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<CircuitHandler>(circuits));
        });
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var simulation = app.Services.GetRequiredService<CallCentreSimulation>();
            var hub = app.Services.GetRequiredService<LiveFeedHub>();
            var admin = simulation.Centre.Users[0];
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchSupport.LaunchChromiumAsync(playwright);

            // The supervisor signs in once (their tokens are what the walls' feed uses), then makes a link.
            var signIn = await browser.NewPageAsync();
            await signIn.GotoAsync($"{address}/displays");
            await signIn.Locator("label.user", new() { HasText = admin.Name }).ClickAsync();
            await signIn.ClickAsync("#accept");
            await signIn.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            await signIn.CloseAsync();
            var (_, token) = await app.Services.GetRequiredService<DisplayLinkStore>().CreateAsync(admin.Zuid, "Soak",
                new WallView(simulation.Centre.Queues.Select(q => q.Id).ToList()), null, CancellationToken.None);
            string url = $"{address}/wall/{token}";

            var process = Process.GetCurrentProcess();
            var before = Sample(process, circuits, hub);
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 960, Height = 540 } });
            var pages = new List<IPage>();
            for (int i = 0; i < walls; i++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(url);
                pages.Add(page);
            }
            foreach (var page in pages)
            {
                await page.Locator("#wall-tiles .tile").First.WaitForAsync(new() { Timeout = 120_000 });
            }
            await Task.Delay(TimeSpan.FromSeconds(10)); // settle
            var opened = Sample(process, circuits, hub);
            Console.WriteLine($"{walls} walls open ({opened.Circuits} circuits), {Environment.ProcessorCount} cores; sampling every {sampleSeconds} s for {minutes} min");
            Console.WriteLine($"{"min",5} {"circuits",8} {"heap MB",8} {"working set MB",14} {"server CPU %",12} {"polls/min",9}");

            var samples = new List<Snapshot> { opened };
            var end = DateTime.UtcNow.AddMinutes(minutes);
            while (DateTime.UtcNow < end)
            {
                await Task.Delay(TimeSpan.FromSeconds(sampleSeconds));
                var now = Sample(process, circuits, hub);
                var last = samples[^1];
                double cpu = (now.Cpu - last.Cpu).TotalMilliseconds / (now.At - last.At).TotalMilliseconds / Environment.ProcessorCount * 100;
                double polls = (now.Polls - last.Polls) / (now.At - last.At).TotalMinutes;
                Console.WriteLine($"{(now.At - opened.At).TotalMinutes,5:F1} {now.Circuits,8} {now.HeapBytes / 1e6,8:F1} {now.WorkingSet / 1e6,14:F0} {cpu,12:F1} {polls,9:F1}");
                samples.Add(now);
            }

            var final = samples[^1];
            double perCircuitHeap = (opened.HeapBytes - before.HeapBytes) / (double)walls;
            double perCircuitWorkingSet = (opened.WorkingSet - before.WorkingSet) / (double)walls;
            double totalCpu = (final.Cpu - opened.Cpu).TotalMilliseconds / (final.At - opened.At).TotalMilliseconds / Environment.ProcessorCount * 100;
            var half = samples.Skip(samples.Count / 2).ToList();
            Console.WriteLine($"per circuit: {perCircuitHeap / 1024:F0} KB of managed heap, {perCircuitWorkingSet / 1024:F0} KB of working set (opened minus before, / {walls})");
            Console.WriteLine($"server CPU over the run: {totalCpu:F1} % of {Environment.ProcessorCount} cores");
            Console.WriteLine($"heap after opening {opened.HeapBytes / 1e6:F1} MB, at the end {final.HeapBytes / 1e6:F1} MB; over the second half min {half.Min(s => s.HeapBytes) / 1e6:F1} / max {half.Max(s => s.HeapBytes) / 1e6:F1} MB");
            Console.WriteLine($"circuits at the end: {final.Circuits}; live feeds: {hub.FeedCount}");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private readonly record struct Snapshot(DateTime At, int Circuits, long HeapBytes, long WorkingSet, TimeSpan Cpu, long Polls);

    /// <summary>Managed heap after a full collection (what is really held), working set and CPU of this process.</summary>
    private static Snapshot Sample(Process process, CircuitCounter circuits, LiveFeedHub hub)
    {
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        process.Refresh();
        return new Snapshot(DateTime.UtcNow, circuits.Open, heap, process.WorkingSet64, process.TotalProcessorTime, hub.Polls);
    }

    private sealed class CircuitCounter : CircuitHandler
    {
        private int open;
        public int Open => Volatile.Read(ref open);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }
    }
}
