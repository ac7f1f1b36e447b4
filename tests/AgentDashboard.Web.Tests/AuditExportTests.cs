using System.Net;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator;
using AgentDashboard.Web.Audit;

namespace AgentDashboard.Web.Tests;

/// <summary><c>GET /export/audit.csv</c> over HTTP: the page's filters and visibility, one row per agent's change, times in the zone asked for.</summary>
public sealed class AuditExportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = SimulatedTime.TuesdayMorning; // 15:30 UTC, 10:30 in New York
    private DashboardHost host = null!;

    /// <summary>The demo organisation (the simulator's default seed): its admin is made an administrator by e-mail, as /displays/all takes them.</summary>
    private static readonly CallCentre Centre = CallCentre.Create(new SimulatorOptions());
    private static User Admin => Centre.Users.First(u => u.Role == Role.Admin);
    private static User Supervisor => Centre.Users.First(u => u.Role == Role.Supervisor);

    public async Task InitializeAsync() =>
        host = await DashboardHost.StartAsync(["--environment=Development", $"--Dashboard:Admins:0={Admin.Email}"], clock: new ShiftedClock(Now));

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<SignInFlow> SignedInAsync(User user)
    {
        var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(user.Zuid);
        return browser;
    }

    private async Task SeedAsync() => await host.Services<AuditStore>().AppendAsync(
    [
        new("e1", Now.AddHours(-1).ToUnixTimeMilliseconds(), AuditKinds.Override, Supervisor.Zuid, "Sam, \"the\" Supervisor", "a1", "Ann",
            "Available", "On Break", AuditOutcome.Succeeded, null, "=Team meeting"),
        new("e2", Now.ToUnixTimeMilliseconds(), AuditKinds.Override, Admin.Zuid, "Ada Admin", "a2", "Bob",
            null, "Busy", AuditOutcome.Failed, "The agent is on a call.", ""),
    ], CancellationToken.None);

    private const string Header = "at,kind,by_zuid,by_name,agent_id,agent_name,from_status,to_status,outcome,message,reason";

    [Fact]
    public async Task A_supervisor_gets_only_the_changes_they_made_with_every_field_quoted_safely()
    {
        await SeedAsync();
        using var browser = await SignedInAsync(Supervisor);

        var response = await browser.Http.GetAsync("/export/audit.csv?tz=America%2FNew_York");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audit.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(
            Header + "\r\n" +
            $"2026-11-17T09:30:00.000-05:00,override,{Supervisor.Zuid},\"Sam, \"\"the\"\" Supervisor\",a1,Ann,Available,On Break,succeeded,,'=Team meeting\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_gets_everyones_newest_first_and_the_filters_narrow_it_as_on_the_page()
    {
        await SeedAsync();
        using var browser = await SignedInAsync(Admin);

        string all = await browser.Http.GetStringAsync("/export/audit.csv?tz=UTC");
        Assert.Equal([Header, "2026-11-17T15:30:00.000+00:00,override," + Admin.Zuid + ",Ada Admin,a2,Bob,,Busy,failed,The agent is on a call.,",
            $"2026-11-17T14:30:00.000+00:00,override,{Supervisor.Zuid},\"Sam, \"\"the\"\" Supervisor\",a1,Ann,Available,On Break,succeeded,,'=Team meeting"],
            all.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        string byAgent = await browser.Http.GetStringAsync("/export/audit.csv?agent=bob&tz=UTC");
        Assert.Equal(2, byAgent.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(",a2,Bob,", byAgent);
        string dayBefore = await browser.Http.GetStringAsync("/export/audit.csv?from=2026-11-16&to=2026-11-16&tz=UTC");
        Assert.Equal(Header + "\r\n", dayBefore);

        var refused = await browser.Http.GetAsync("/export/audit.csv?from=17-11-2026");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The export was not made:\nfrom \"17-11-2026\" is not a date; write it as yyyy-MM-dd.\n", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_signed_in_gets_no_trail()
    {
        await SeedAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };

        var response = await http.GetAsync("/export/audit.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Ann", await response.Content.ReadAsStringAsync());
    }
}
