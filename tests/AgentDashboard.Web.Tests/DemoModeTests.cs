using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Demo mode is chosen by name: a production host never falls back to the simulator, a demo says so on every
/// page, and the simulator mounted in the dashboard serves its directory but not its controls unless told to.
/// </summary>
public sealed partial class DemoModeTests
{
    private static IReadOnlyList<string> Problems(params string[] settings) => SettingsTests.Problems(settings);

    [Fact]
    public void A_production_host_without_a_mode_or_a_zoho_client_refuses_to_start()
    {
        var problems = Problems("--environment=Production");

        Assert.Contains("Dashboard:Mode is not set, and a Production host does not fall back to the demo: set Dashboard:Mode=Demo to run on the "
            + "embedded simulator, or register the dashboard with Zoho (Zoho:ClientId, Zoho:ClientSecret).", problems);
    }

    [Fact]
    public void A_production_host_starts_in_demo_mode_when_told_so_or_in_zoho_mode_with_a_client()
    {
        Assert.Empty(Problems("--environment=Production", "--Dashboard:Mode=Demo"));
        Assert.Empty(Problems("--environment=Production", "--Zoho:ClientId=1000.MODETEST", "--Zoho:ClientSecret=mode-test-secret"));
        Assert.Empty(Problems("--environment=Development")); // a developer's machine: the demo unless told otherwise
    }

    [Fact]
    public async Task A_demo_says_so_on_its_pages_and_walls_and_zoho_mode_does_not()
    {
        using var http = new HttpClient();
        await using (var demo = await DashboardHost.StartAsync())
        {
            Assert.Contains("id=\"demo-badge\"", await http.GetStringAsync(demo.Address));
            var supervisor = demo.Services<AgentDashboard.Simulator.Simulation.CallCentreSimulation>().Centre.Users[0];
            var (_, token) = await demo.Services<AgentDashboard.Web.Wall.DisplayLinkStore>().CreateAsync(supervisor.Zuid, "Floor 2",
                new AgentDashboard.Web.Wall.WallView([]), null, CancellationToken.None);
            using var wall = await http.GetAsync(new Uri(demo.Address, "wall/" + token));
            Assert.Contains("id=\"demo-badge\"", await wall.Content.ReadAsStringAsync());
        }
        await using var zoho = await DashboardHost.StartAsync(["--Dashboard:Mode=Zoho", "--Zoho:ClientId=1000.MODETEST", "--Zoho:ClientSecret=mode-test-secret"]);
        string page = await http.GetStringAsync(zoho.Address);
        Assert.Contains("<h2>Zoho mode</h2>", page);
        Assert.DoesNotContain("demo-badge", page);
    }

    [Fact]
    public async Task The_mounted_simulator_has_no_controls_unless_they_are_turned_on()
    {
        using var http = new HttpClient();
        await using var host = await DashboardHost.StartAsync(["--Simulator:ControlEndpoints=false"]);
        // The directory is demo data the dashboard reads as its queue catalogue: still served.
        var directory = await http.GetFromJsonAsync<DirectoryAnswer>(new Uri(host.Address, "zoho-sim/sim/directory"));
        Assert.NotEmpty(directory!.Queues);
        string zuid = directory.Users[0].Zuid;

        using (var faults = await http.GetAsync(new Uri(host.Address, "zoho-sim/sim/faults"))) Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        using (var tokens = await http.GetAsync(new Uri(host.Address, $"zoho-sim/sim/users/{zuid}/tokens"))) Assert.Equal(HttpStatusCode.NotFound, tokens.StatusCode);
        // Other methods meet the pages' catch-all route (405 for PUT, 400 for a POST without a form token): the
        // controls answer exactly as an address that never existed.
        using (var nowhere = await http.PutAsJsonAsync(new Uri(host.Address, "zoho-sim/sim/no-such-control"), new { down = true }))
        using (var down = await http.PutAsJsonAsync(new Uri(host.Address, "zoho-sim/sim/faults"), new { down = true }))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, nowhere.StatusCode);
            Assert.Equal(nowhere.StatusCode, down.StatusCode);
        }
        foreach (string control in new[] { "expire-tokens", "revoke-tokens" })
        {
            using var nowhere = await http.PostAsync(new Uri(host.Address, $"zoho-sim/sim/users/{zuid}/no-such-control"), null);
            using var answer = await http.PostAsync(new Uri(host.Address, $"zoho-sim/sim/users/{zuid}/{control}"), null);
            Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
            Assert.Equal(nowhere.StatusCode, answer.StatusCode);
        }

        await using var withControls = await DashboardHost.StartAsync();
        using (var faults = await http.GetAsync(new Uri(withControls.Address, "zoho-sim/sim/faults"))) Assert.Equal(HttpStatusCode.OK, faults.StatusCode);
    }

    private sealed record DirectoryAnswer(IReadOnlyList<DirectoryUser> Users, IReadOnlyList<DirectoryQueue> Queues);
    private sealed record DirectoryUser(string Zuid);
    private sealed record DirectoryQueue(string Id, string Name);

    /// <summary>
    /// The README's one command, <c>dotnet run --project src/AgentDashboard.Web</c>, from a shell with no settings:
    /// its launch settings name the demo, so it starts and serves the demo (an address and data folder of its own here).
    /// </summary>
    [Fact]
    public async Task The_readme_command_starts_the_demo()
    {
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-run-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine("src", "AgentDashboard.Web"), "--no-build", "-c", Configuration,
            "--", "--urls", "http://127.0.0.1:0", "--Dashboard:DataPath", data])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Dashboard__Mode", "ASPNETCORE_URLS" }) start.Environment.Remove(inherited);
        using var run = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
        try
        {
            Uri address = await ListeningAsync(run);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            string page = await http.GetStringAsync(address);
            Assert.Contains("<h2>Demo mode</h2>", page);
            Assert.Contains("id=\"demo-badge\"", page);
        }
        finally
        {
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static async Task<Uri> ListeningAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
        }
        throw new InvalidOperationException("dotnet run exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningLine();
}
