using System.Diagnostics;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Testing;
using AgentDashboard.Web;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Several dashboard instances on one PostgreSQL, in this process, in Zoho mode against one simulator, with the scale-out
/// sample's settings (deploy/scale-out/dashboard.env). Walls on one display link are opened in Chromium through small
/// load balancers (one per instance, failing over to the next), the instance that polls is made to die half-way (its
/// leases neither renewed nor handed back, its connections cut), and the run reports the upstream polls per interval
/// counted at the simulator, the takeover (from the death to the next board another instance publishes), the walls that
/// never showed data again, and the server's managed memory per wall circuit.
/// Options: --instances N (3), --walls N (300), --minutes M (10). PostgreSQL: AGENTDASHBOARD_TEST_POSTGRES, else a
/// throw-away cluster started with tests/postgres.sh.
/// </summary>
internal static class ScaleOut
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args)
    {
        int instances = BenchSupport.Option(args, "--instances", 3), walls = BenchSupport.Option(args, "--walls", 300), minutes = BenchSupport.Option(args, "--minutes", 10);
        using var throwAway = Environment.GetEnvironmentVariable("AGENTDASHBOARD_TEST_POSTGRES") is { Length: > 0 } ? null : ThrowAwayPostgres.Start();
        string server = throwAway?.ConnectionString ?? Environment.GetEnvironmentVariable("AGENTDASHBOARD_TEST_POSTGRES")!;
        string database = "agentdashboard_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        string connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var clock = new BenchSupport.ForwardClock(BenchSupport.TuesdayMorning);
        var statusPolls = new RequestCounter("/rest/json/zv/api/v2/agents/onlineStatus");
        var simulator = SimulatorProgram(clock, statusPolls);
        await simulator.StartAsync();
        var apps = new List<WebApplication>();
        var folders = new List<string>();
        var proxies = new List<FailoverProxy>();
        try
        {
            var simulation = simulator.Services.GetRequiredService<CallCentreSimulation>();
            var supervisor = simulation.Centre.Users[0];
            var queues = simulation.Centre.Queues.Select(q => q.Id).ToList();
            string zoho = AddressOf(simulator);
            for (int i = 0; i < instances; i++)
            {
                string data = Path.Combine(Path.GetTempPath(), "agentdashboard-scaleout-" + Guid.NewGuid().ToString("N"));
                folders.Add(data);
                var app = DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", "--environment=Development", .. Repository.ScaleOutSettings(),
                    $"--Dashboard:DataPath={data}", $"--ConnectionStrings:Dashboard={connectionString}", $"--Dashboard:Live:PollInterval={Interval}",
                    $"--Zoho:ClientId={ZohoSignInOptions.DemoClientId}", $"--Zoho:ClientSecret={ZohoSignInOptions.DemoClientSecret}",
                    $"--Zoho:AccountsUrl={zoho}", $"--Zoho:ApiBaseUrl={zoho}",
                    .. queues.Select((q, n) => $"--Dashboard:Live:Queues:{n}={q}"),
                    $"--Dashboard:Wall:MaxScreensPerLink={walls}", $"--Dashboard:Limits:WallPerMinute={Math.Max(120, walls * 4)}"], builder =>
                {
                    builder.Logging.ClearProviders();
                    builder.Services.AddSingleton<TimeProvider>(clock);
                });
                await app.StartAsync();
                apps.Add(app);
            }
            var addresses = apps.Select(a => new Uri(AddressOf(a))).ToList();
            // One balancer per instance, each falling over to the others in turn: a third of the walls on each.
            for (int i = 0; i < instances; i++) proxies.Add(new FailoverProxy([.. Enumerable.Range(0, instances).Select(n => addresses[(i + n) % instances])]));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BenchSupport.LaunchChromiumAsync(playwright);
            var signIn = await browser.NewPageAsync();
            await signIn.GotoAsync($"{addresses[0]}displays");
            await signIn.Locator("label.user", new() { HasText = supervisor.Name }).ClickAsync();
            await signIn.ClickAsync("#accept");
            await signIn.Locator("main[data-interactive='true']").WaitForAsync(new() { Timeout = 60_000 });
            await signIn.CloseAsync();
            // One queue's agents on every wall: hundreds of walls are hundreds of pages in one Chromium on the same machine.
            var (_, token) = await apps[0].Services.GetRequiredService<DisplayLinkStore>().CreateAsync(supervisor.Zuid, "Scale-out", new WallView([queues[0]]), null, CancellationToken.None);

            long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 960, Height = 540 } });
            var pages = new List<IPage>();
            for (int i = 0; i < walls; i++)
            {
                var page = await context.NewPageAsync();
                await OpenAsync(page, new Uri(proxies[i % instances].Address, "wall/" + token));
                await page.Locator("#wall-tiles .tile").First.WaitForAsync(new() { Timeout = 300_000 });
                pages.Add(page);
                if ((i + 1) % 50 == 0) Console.WriteLine($"{i + 1} walls showing data");
            }
            await Task.Delay(TimeSpan.FromSeconds(10)); // settle
            double kbPerWall = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1024.0 / walls;
            Console.WriteLine($"{walls} walls open on {instances} instances ({string.Join(", ", apps.Select(a => a.Services.GetRequiredService<LiveFeedHub>().FeedCount))} feeds); running {minutes} min, the poller dies half-way");

            var run = Stopwatch.StartNew();
            long pollsAtStart = statusPolls.Count;
            await Task.Delay(TimeSpan.FromMinutes(minutes / 2.0));

            // Half-way: the instance holding the feed's lease dies.
            string holder = await ScalarAsync<string>(connectionString, "SELECT holder FROM feed_leases LIMIT 1");
            long version = await ScalarAsync<long>(connectionString, "SELECT version FROM feed_snapshots LIMIT 1");
            var dying = apps.Single(a => a.Services.GetRequiredService<PostgresFeedSharing>().Instance == holder);
            var died = Stopwatch.StartNew();
            dying.Services.GetRequiredService<PostgresFeedSharing>().Dispose();
            await dying.StopAsync(new CancellationToken(canceled: true));
            double takeover = await NextBoardFromAnotherAsync(connectionString, holder, version, died);
            Console.WriteLine($"instance {apps.IndexOf(dying) + 1} (the poller) died at {run.Elapsed.TotalMinutes:F1} min; another published {takeover:F1} s later");

            await Task.Delay(TimeSpan.FromMinutes(minutes) - run.Elapsed);
            double intervals = run.Elapsed / Interval;
            double pollsPerInterval = (statusPolls.Count - pollsAtStart) / intervals;
            int lost = 0;
            foreach (var page in pages)
            {
                if (!await ShowsFreshDataAsync(page, clock)) lost++;
            }
            Console.WriteLine($"scale-out: instances={instances} walls={walls} polls_per_interval={pollsPerInterval:F2} takeover_s={takeover:F1} lost_walls={lost} kb_per_wall={kbPerWall:F0}");
        }
        finally
        {
            foreach (var proxy in proxies) await proxy.DisposeAsync();
            foreach (var app in apps)
            {
                await app.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                await app.DisposeAsync();
            }
            await simulator.StopAsync();
            await simulator.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            foreach (string folder in folders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Opens a wall, trying again twice when the connection itself fails (on a 2-core machine with hundreds of pages
    /// a socket is sometimes refused), as a kiosk browser would retry; a wall that never opens still ends the run.
    /// </summary>
    private static async Task OpenAsync(IPage page, Uri address)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync(address.ToString(), new() { Timeout = 300_000, WaitUntil = WaitUntilState.Commit });
                return;
            }
            catch (PlaywrightException error) when (attempt < 3 && error.Message.StartsWith("net::", StringComparison.Ordinal))
            {
                Console.WriteLine($"a wall did not connect ({error.Message.Split(' ')[0]}); trying again");
            }
        }
    }

    /// <summary>Seconds from the death to the first board published by another instance.</summary>
    private static async Task<double> NextBoardFromAnotherAsync(string connectionString, string dead, long version, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1 FROM feed_snapshots WHERE holder <> @dead AND version > @version", connection);
            command.Parameters.AddWithValue("dead", dead);
            command.Parameters.AddWithValue("version", version);
            if (await command.ExecuteScalarAsync() is not null) return since.Elapsed.TotalSeconds;
            await Task.Delay(100);
        }
        return double.NaN;
    }

    /// <summary>A wall shows data again: tiles, no offline banner, and a board from the last three intervals.</summary>
    private static async Task<bool> ShowsFreshDataAsync(IPage page, TimeProvider clock)
    {
        try
        {
            if (await page.Locator("#wall-tiles .tile").CountAsync() == 0 || await page.Locator("#wall-offline").IsVisibleAsync()) return false;
            string? epoch = await page.Locator("#wall-asof [data-epoch]").GetAttributeAsync("data-epoch", new() { Timeout = 5_000 });
            return long.TryParse(epoch, out long asOf) && clock.GetUtcNow().ToUnixTimeMilliseconds() - asOf < 3 * Interval.TotalMilliseconds;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private static WebApplication SimulatorProgram(TimeProvider clock, RequestCounter counter) =>
        AgentDashboard.Simulator.SimulatorProgram.Create(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(counter);
        });

    /// <summary>Counts the requests to one path, as they reach the simulator.</summary>
    private sealed class RequestCounter(string path) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        private long count;
        public long Count => Interlocked.Read(ref count);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref count);
                return following(context);
            });
            next(app);
        };
    }

    private static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>tests/postgres.sh's cluster, kept while this program runs: the script stops and removes it when its input closes.</summary>
    private sealed class ThrowAwayPostgres : IDisposable
    {
        private readonly Process script;

        private ThrowAwayPostgres(Process script, string connectionString)
        {
            this.script = script;
            ConnectionString = connectionString;
        }

        public string ConnectionString { get; }

        public static ThrowAwayPostgres Start()
        {
            var script = Process.Start(new ProcessStartInfo("bash", ["-c", "source tests/postgres.sh && pg_start >&2 && echo \"$AGENTDASHBOARD_TEST_POSTGRES\" && read -r _"])
            {
                WorkingDirectory = Repository.Root, RedirectStandardInput = true, RedirectStandardOutput = true,
            })!;
            string? line = script.StandardOutput.ReadLine();
            if (string.IsNullOrEmpty(line)) throw new InvalidOperationException("tests/postgres.sh could not start PostgreSQL (see above).");
            return new ThrowAwayPostgres(script, line);
        }

        public void Dispose()
        {
            script.StandardInput.Close();
            script.WaitForExit(60_000);
        }
    }
}
