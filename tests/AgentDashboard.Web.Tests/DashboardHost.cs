using AgentDashboard.Web;
using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Web.Tests;

/// <summary>The real dashboard host, started in-process on a free loopback port.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private DashboardHost(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }
    public Uri Address { get; }

    /// <summary>
    /// Starts the dashboard with its own empty data folder. <paramref name="args"/> are command-line settings
    /// (e.g. <c>--environment=Development</c>, <c>--Simulator:AccessTokenLifetime=00:00:02</c>). The dashboard and
    /// its simulator run on <paramref name="clock"/>, by default from <see cref="SimulatedTime.TuesdayMorning"/>.
    /// </summary>
    public static async Task<DashboardHost> StartAsync(
        string[]? args = null, Action<WebApplicationBuilder>? configure = null, string? dataPath = null, int port = 0, TimeProvider? clock = null)
    {
        dataPath ??= Path.Combine(Path.GetTempPath(), "agentdashboard-test-" + Guid.NewGuid().ToString("N"));
        // Demo mode by name, as production needs it; the simulator's controls on, since many tests drive faults
        // through them. Either can be overridden by args.
        var app = DashboardWebApplication.Create(
            [$"--Dashboard:DataPath={dataPath}", "--Dashboard:Mode=Demo", "--Simulator:ControlEndpoints=true", .. args ?? []], builder =>
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Services.AddSingleton(clock ?? new ShiftedClock(SimulatedTime.TuesdayMorning));
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("The dashboard host reported no address.");
        return new DashboardHost(app, new Uri(address)) { DataPath = dataPath };
    }

    public string DataPath { get; private init; } = "";

    public T Services<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>The dashboard's own Zoho client acting for a user who has signed in (their tokens are in the store).</summary>
    public IZohoVoiceClient ZohoClientFor(string zuid)
    {
        return ActivatorUtilities.CreateInstance<ZohoVoiceClient>(App.Services, App.Services.GetRequiredService<IZohoVoiceApi>(), (IZohoUserContext)new FixedUser(zuid));
    }

    private sealed class FixedUser(string zuid) : IZohoUserContext
    {
        public ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(zuid);
    }

    /// <summary>A port nothing listens on now, for a host that must come back at the same address after a restart.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Stops the host and keeps its data folder, as a server restart would.</summary>
    public async Task StopKeepingDataAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await DeleteDataAsync();
    }

    /// <summary>
    /// A page's database check still under way when the host stopped can write a journal file as the folder is
    /// deleted; it is tried again briefly. A folder left in the temp directory is not the test's failure.
    /// </summary>
    private async Task DeleteDataAsync()
    {
        for (int attempt = 1; Directory.Exists(DataPath); attempt++)
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(200);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}

/// <summary>
/// The standalone simulator (Zoho's own paths, as a Zoho-mode dashboard would call Zoho) on a free loopback port;
/// <see cref="Address"/> has no trailing slash.
/// </summary>
public sealed record StandaloneSimulator(WebApplication App, Uri Address) : IAsyncDisposable
{
    public AgentDashboard.Simulator.Simulation.CallCentreSimulation Simulation => App.Services.GetRequiredService<AgentDashboard.Simulator.Simulation.CallCentreSimulation>();

    public static async Task<StandaloneSimulator> StartAsync(TimeProvider clock)
    {
        var app = AgentDashboard.Simulator.SimulatorProgram.Create(["--urls=http://127.0.0.1:0"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("The simulator reported no address.");
        return new StandaloneSimulator(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
