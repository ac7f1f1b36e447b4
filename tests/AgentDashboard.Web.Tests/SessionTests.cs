using System.Net;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Store;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Web.Tests;

/// <summary>Server-side sign-in sessions, over real HTTP: each sign-in its own session, and a cookie honoured only while it lives.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(["--environment=Development"]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private User Supervisor => host.Services<CallCentreSimulation>().Centre.Users[1];
    private Task<StoredZohoTokens?> Stored() => host.Services<IZohoTokenStore>().GetAsync(Supervisor.Zuid, Ct);

    /// <summary>A page fetched with exactly these cookies, as another browser holding them would.</summary>
    private async Task<string> PageWithCookies(string cookieHeader)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await http.SendAsync(request, Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task An_old_cookie_is_refused_after_sign_out_even_once_the_supervisor_signed_in_again()
    {
        using var first = new SignInFlow(host.Address);
        await first.SignInAsync(Supervisor.Zuid);
        string oldCookie = first.CookieHeader;
        Assert.Contains($"Signed in as {Supervisor.Name}", await PageWithCookies(oldCookie));

        using (await first.SignOutAsync()) { }
        using var second = new SignInFlow(host.Address);
        await second.SignInAsync(Supervisor.Zuid);

        string page = await PageWithCookies(oldCookie);
        Assert.DoesNotContain($"Signed in as {Supervisor.Name}", page);
        Assert.Contains("id=\"sign-in\"", page);
        Assert.Contains($"Signed in as {Supervisor.Name}", await second.PageAsync());
    }

    [Fact]
    public async Task Signing_out_in_one_browser_keeps_the_other_signed_in_with_the_tokens()
    {
        using var office = new SignInFlow(host.Address);
        using var laptop = new SignInFlow(host.Address);
        await office.SignInAsync(Supervisor.Zuid);
        await laptop.SignInAsync(Supervisor.Zuid);

        using var response = await office.SignOutAsync();

        Assert.Equal("/?signedOut=here", response.Headers.Location!.OriginalString);
        Assert.Contains("You are signed out in this browser. You are still signed in elsewhere", await office.PageAsync("/?signedOut=here"));
        string page = await laptop.PageAsync();
        Assert.Contains($"Signed in as {Supervisor.Name}", page);
        Assert.Contains("id=\"own-status\"", page); // its Zoho calls still work
        Assert.NotNull(await Stored());
    }

    [Fact]
    public async Task A_sign_in_left_unused_past_the_idle_lifetime_does_not_keep_the_tokens_at_sign_out()
    {
        using var office = new SignInFlow(host.Address);
        using var forgotten = new SignInFlow(host.Address);
        await forgotten.SignInAsync(Supervisor.Zuid);
        // Its browser has not been back for 13 hours (the session times are the real clock's: moved back in the file).
        await using (var connection = await host.Services<AgentDashboard.Web.Store.DashboardDatabase>().OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE sign_in_sessions SET last_seen_at = last_seen_at - @hours13";
            command.With("hours13", (long)TimeSpan.FromHours(13).TotalMilliseconds);
            await command.ExecuteNonQueryAsync(Ct);
        }
        await office.SignInAsync(Supervisor.Zuid);

        using var response = await office.SignOutAsync();

        Assert.Equal("/?signedOut=1", response.Headers.Location!.OriginalString);
        Assert.Null(await Stored());
        Assert.DoesNotContain($"Signed in as {Supervisor.Name}", await forgotten.PageAsync());
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_and_the_tokens()
    {
        using var office = new SignInFlow(host.Address);
        using var laptop = new SignInFlow(host.Address);
        await office.SignInAsync(Supervisor.Zuid);
        await laptop.SignInAsync(Supervisor.Zuid);

        using var response = await office.SignOutAsync("/signout/everywhere");

        Assert.Equal("/?signedOut=everywhere", response.Headers.Location!.OriginalString);
        Assert.Contains("You are signed out everywhere", await office.PageAsync("/?signedOut=everywhere"));
        Assert.DoesNotContain($"Signed in as {Supervisor.Name}", await laptop.PageAsync());
        Assert.Null(await Stored());
        Assert.Equal(0, host.Services<Simulator.Accounts.TokenStore>().Count(Supervisor.Index).RefreshTokens);
    }

    [Fact]
    public async Task Sign_out_everywhere_needs_the_pages_antiforgery_token()
    {
        using var browser = new SignInFlow(host.Address);
        await browser.SignInAsync(Supervisor.Zuid);

        using var forged = await browser.PostFormAsync("/signout/everywhere", "not-a-token");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains($"Signed in as {Supervisor.Name}", await browser.PageAsync());
    }

    [Fact]
    public void Open_pages_check_their_session_with_the_revalidating_provider()
    {
        using var scope = host.App.Services.CreateScope();
        Assert.IsType<SessionRevalidation>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }
}
