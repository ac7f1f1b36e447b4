using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The tests of several instances run alone, not beside other test classes: their takeovers are timed against the
/// poll interval, and a busy machine's stalls are not what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeveralInstances
{
    public const string Name = "Several instances";
}

/// <summary>
/// Several dashboard instances in this process on one fresh PostgreSQL database, in Zoho mode against one standalone
/// simulator, with the settings every instance of the scale-out sample shares (<c>deploy/scale-out/dashboard.env</c>).
/// Only the poll interval is shortened, so that takeovers happen within a test's patience.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    private readonly List<DashboardHost> running = [];

    private ScaleOutCluster(TestDatabase database, StandaloneSimulator simulator, ShiftedClock clock, TimeSpan pollInterval)
    {
        Database = database;
        Simulator = simulator;
        Clock = clock;
        PollInterval = pollInterval;
    }

    public TestDatabase Database { get; }
    public StandaloneSimulator Simulator { get; }
    public ShiftedClock Clock { get; }
    public TimeSpan PollInterval { get; }
    public CallCentreSimulation Simulation => Simulator.Simulation;

    /// <summary>A supervisor who sees every agent of <see cref="Watched"/>.</summary>
    public User Supervisor => Simulation.Centre.Users[1];

    /// <summary>The queue the instances are configured to watch.</summary>
    public Queue Watched => Simulation.Centre.Queues.First(q => q.Members.All(m => Supervisor.CanSee(Simulation.Centre.Agents[m])));

    public static async Task<ScaleOutCluster> StartAsync(int instances, TimeSpan? pollInterval = null)
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var clock = new ShiftedClock(SimulatedTime.TuesdayMorning);
        var cluster = new ScaleOutCluster(database, await StandaloneSimulator.StartAsync(clock), clock, pollInterval ?? TimeSpan.FromSeconds(2));
        await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => cluster.StartInstanceAsync()));
        return cluster;
    }

    /// <summary>The instances started and not yet stopped, in the order they started.</summary>
    public IReadOnlyList<DashboardHost> Instances
    {
        get
        {
            lock (running) return [.. running];
        }
    }

    public async Task<DashboardHost> StartInstanceAsync(int port = 0)
    {
        string zoho = Simulator.Address.ToString().TrimEnd('/');
        var host = await DashboardHost.StartAsync(
        [
            "--environment=Development", .. Repository.ScaleOutSettings(),
            $"--ConnectionStrings:Dashboard={Database.ConnectionString}",
            $"--Dashboard:Live:PollInterval={PollInterval}",
            $"--Zoho:ClientId={ZohoSignInOptions.DemoClientId}", $"--Zoho:ClientSecret={ZohoSignInOptions.DemoClientSecret}",
            $"--Zoho:AccountsUrl={zoho}", $"--Zoho:ApiBaseUrl={zoho}",
            $"--Dashboard:Live:Queues:0={Watched.Id}",
        ], clock: Clock, port: port);
        lock (running) running.Add(host);
        return host;
    }

    /// <summary>Stops an instance as a deployment would (it hands its feeds back), keeping the others.</summary>
    public async Task StopAsync(DashboardHost host)
    {
        lock (running) running.Remove(host);
        await host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Instances) await host.DisposeAsync();
        await Simulator.DisposeAsync();
        await Database.DisposeAsync();
    }
}
