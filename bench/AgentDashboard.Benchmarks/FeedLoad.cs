using System.Diagnostics;
using System.Net;
using System.Web;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Opens 1, 10 and 100 viewers on one supervisor's feed in the real dashboard (demo mode, real HTTP and OAuth)
/// and counts the v2 online-status calls that reach the simulator per poll interval. Prints its figures.
/// Options: --seconds S per round (10), --interval-ms I (1000).
/// </summary>
internal static class FeedLoad
{
    public static async Task RunAsync(string[] args)
    {
        int seconds = Option(args, "--seconds", 10), intervalMs = Option(args, "--interval-ms", 1000);
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-feedload-" + Guid.NewGuid().ToString("N"));
        var calls = new UpstreamCounter();
        var app = DashboardWebApplication.Create([
            "--environment=Development", "--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", "--Dashboard:Mode=Demo",
            $"--Dashboard:Live:PollInterval={TimeSpan.FromMilliseconds(intervalMs)}", "--Dashboard:Live:IdleGrace=00:00:01",
        ], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IStartupFilter>(calls);
        });
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var supervisor = app.Services.GetRequiredService<CallCentreSimulation>().Centre.Users[1];
            await SignInAsync(address, supervisor.Zuid);
            var hub = app.Services.GetRequiredService<LiveFeedHub>();
            var scope = await app.Services.GetRequiredService<AgentDashboard.Web.Agents.QueueCatalogue>().EverythingAsync(CancellationToken.None);
            Console.WriteLine($"Feed load: supervisor {supervisor.Name}, {scope.QueueIds.Length} queues, poll every {intervalMs} ms, {seconds} s per round.");
            foreach (int viewers in new[] { 1, 10, 100 })
            {
                var subscriptions = Enumerable.Range(0, viewers).Select(_ => hub.Subscribe(supervisor.Zuid, scope)).ToList();
                await foreach (var board in subscriptions[^1].Updates.ReadAllAsync())
                {
                    if (!board.Agents.IsEmpty) break;
                }
                long before = calls.Count;
                var clock = Stopwatch.StartNew();
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                double intervals = clock.Elapsed.TotalMilliseconds / intervalMs;
                long made = calls.Count - before;
                Console.WriteLine($"{viewers,4} viewers: {made} v2 online-status calls in {intervals:0.0} intervals = {made / intervals:0.00} per interval");
                subscriptions.ForEach(s => s.Dispose());
                await Task.Delay(TimeSpan.FromSeconds(2)); // the idle feed stops; the next round starts a new one
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

    /// <summary>Counts the v2 online-status requests the embedded simulator receives.</summary>
    private sealed class UpstreamCounter : IStartupFilter
    {
        private long count;
        public long Count => Interlocked.Read(ref count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path.Value?.EndsWith("/api/v2/agents/onlineStatus", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref count);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>The browser's sign-in, scripted: challenge, the simulator's consent, the callback.</summary>
    private static async Task SignInAsync(Uri address, string zuid)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        using var challenge = await http.GetAsync("/signin");
        var authorize = challenge.Headers.Location!;
        var query = HttpUtility.ParseQueryString(authorize.Query);
        var form = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        form["user"] = zuid;
        form["decision"] = "accept";
        using var consent = await http.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        using var callback = await http.GetAsync(consent.Headers.Location!);
        if (callback.StatusCode != HttpStatusCode.Redirect || callback.Headers.Location?.ToString().Contains("problem") == true)
        {
            throw new InvalidOperationException("Sign-in failed: " + callback.Headers.Location);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) ? value : fallback;
    }
}
