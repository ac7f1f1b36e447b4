using System.Net;
using AgentDashboard.Simulator;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Wall;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// Display links over HTTP against the real host: what a wall address answers for a link that does not open, the
/// purge of old links at start-up, and the administrators' list of every supervisor's links.
/// </summary>
public sealed class DisplayLinkHttpTests : IAsyncLifetime
{
    /// <summary>The demo organisation (the simulator's default seed): its admin is made a display-link administrator by e-mail.</summary>
    private static readonly CallCentre Centre = CallCentre.Create(new SimulatorOptions());
    private static User Admin => Centre.Users[0];
    private static User Supervisor => Centre.Users[1];
    private static CancellationToken Ct => CancellationToken.None;

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "agentdashboard-links-http-" + Guid.NewGuid().ToString("N"));
    private readonly ShiftedClock clock = new(SimulatedTime.TuesdayMorning);
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    private Task<DashboardHost> StartAsync() =>
        DashboardHost.StartAsync(["--environment=Development", $"--Dashboard:Admins:0={Admin.Email}"], dataPath: dataPath, clock: clock);

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    private DisplayLinkStore Store => host.Services<DisplayLinkStore>();

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(host.Address, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_link_answers_404_and_a_revoked_or_expired_one_410_each_in_words_without_starting_a_live_connection()
    {
        var (revoked, revokedToken) = await Store.CreateAsync(Supervisor.Zuid, "Revoked wall", new WallView(["q1"]), null, Ct);
        Assert.True(await Store.RevokeAsync(Supervisor.Zuid, revoked.Id, Ct));
        var (_, expiredToken) = await Store.CreateAsync(Supervisor.Zuid, "Expired wall", new WallView(["q1"]), TimeSpan.FromHours(1), Ct);
        var (_, openToken) = await Store.CreateAsync(Supervisor.Zuid, "Open wall", new WallView(["q1"]), null, Ct);
        clock.Advance(TimeSpan.FromHours(2));

        var cases = new[]
        {
            ("wall/never-issued-token", HttpStatusCode.NotFound, "This display link is not known. Ask a supervisor for a new one."),
            ("wall/" + revokedToken, HttpStatusCode.Gone, "This display link has been revoked. Ask a supervisor for a new one."),
            ("wall/" + expiredToken, HttpStatusCode.Gone, "This display link has expired. Ask a supervisor for a new one."),
            ("wall/" + revokedToken + "/", HttpStatusCode.Gone, "This display link has been revoked. Ask a supervisor for a new one."),
        };
        foreach (var (path, status, words) in cases)
        {
            var (answered, body) = await GetAsync(path);
            Assert.Equal(status, answered);
            Assert.Contains($"""<div class="wall-closed" id="wall-closed" role="alert">{words}</div>""", body);
            Assert.DoesNotContain("blazor.web.js", body); // no live connection is started for it
            Assert.DoesNotContain("Revoked wall", body);
        }

        var (openStatus, openBody) = await GetAsync("wall/" + openToken);
        Assert.Equal(HttpStatusCode.OK, openStatus);
        Assert.Contains("Open wall", openBody);
        Assert.Contains("blazor.web.js", openBody);
    }

    [Fact]
    public async Task Unknown_tokens_write_nothing_to_the_database()
    {
        await Store.CreateAsync(Supervisor.Zuid, "Lobby", new WallView(["q1"]), null, Ct);
        string database = Path.Combine(dataPath, "agentdashboard.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(database);

        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"wall/flood-{i:D3}-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).Status);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
    }

    [Fact]
    public async Task A_link_revoked_over_30_days_ago_is_gone_after_a_restart_and_answers_404()
    {
        var (link, token) = await Store.CreateAsync(Supervisor.Zuid, "Lobby", new WallView(["q1"]), null, Ct);
        Assert.True(await Store.RevokeAsync(Supervisor.Zuid, link.Id, Ct));
        var (_, keptToken) = await Store.CreateAsync(Supervisor.Zuid, "Kept", new WallView(["q1"]), null, Ct);
        Assert.Equal(HttpStatusCode.Gone, (await GetAsync("wall/" + token)).Status);

        await host.StopKeepingDataAsync();
        clock.Advance(TimeSpan.FromDays(31));
        host = await StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("wall/" + token)).Status);
        Assert.Null(await Store.FindAsync(token, Ct));
        Assert.Equal(["Kept"], (await Store.ListAllAsync(Ct)).Select(l => l.Name));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("wall/" + keptToken)).Status);
    }

    [Fact]
    public async Task An_admin_lists_every_supervisors_links_and_anyone_else_is_refused_with_403_in_words()
    {
        Assert.Equal(Admin.Zuid, host.Services<CallCentreSimulation>().Centre.Users[0].Zuid); // the organisation the host runs
        await Store.CreateAsync(Supervisor.Zuid, "Night shift", new WallView(["q1"]), null, Ct, madeBy: Supervisor.Name);

        using var supervisor = new SignInFlow(host.Address);
        await supervisor.SignInAsync(Supervisor.Zuid);
        using var refused = await supervisor.Http.GetAsync("/displays/all");
        string refusal = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only the dashboard's administrators see every supervisor's display links.", refusal);
        Assert.DoesNotContain("Night shift", refusal);

        using var admin = new SignInFlow(host.Address);
        await admin.SignInAsync(Admin.Zuid);
        using var listed = await admin.Http.GetAsync("/displays/all");
        string list = await listed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("Night shift", list);
        Assert.Contains($"data-supervisor=\"{Supervisor.Zuid}\"", list); // the supervisor who made it

        // Nobody signed in: sent to sign in, as for every supervisor's page.
        Assert.Equal(HttpStatusCode.Redirect, (await GetAsync("displays/all")).Status);
    }
}
