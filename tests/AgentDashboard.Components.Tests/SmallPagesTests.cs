using AgentDashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>The pages with little on them: what they say is all they do.</summary>
public sealed class SmallPagesTests
{
    [Theory]
    [InlineData("Denied", "You chose not to let AgentDashboard use your Zoho account")]
    [InlineData("State", "did not belong to a sign-in started from this browser")]
    [InlineData("ForeignServer", "nothing was sent to it")]
    [InlineData("no-such-reason", "Something went wrong while signing in with Zoho. Start again.")]
    public async Task A_failed_sign_in_says_why_in_words(string reason, string words)
    {
        await using var page = new PageContext();
        page.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/signin-problem?reason=" + reason);

        var problem = page.Context.Render<SignInProblemPage>();

        Assert.Contains(words, problem.Find("#signin-problem").TextContent);
        Assert.Equal("/signin", problem.Find("#signin-problem a.mud-button-root").GetAttribute("href"));
    }

    [Fact]
    public async Task An_address_with_no_page_says_so_and_leads_back()
    {
        await using var page = new PageContext();

        var missing = page.Context.Render<NotFound>();

        Assert.Equal("Page not found", missing.Find("h1").TextContent);
        Assert.Equal("/", missing.Find("#not-found-page a").GetAttribute("href"));
    }

    [Fact]
    public async Task Home_greets_the_supervisor_with_their_status_and_checks_the_connection_on_request()
    {
        await using var page = new PageContext();
        page.Zoho.OwnStatus = "On Break";

        var home = page.Context.Render<Home>();

        Assert.Contains("Signed in as Sam Supervisor", home.Find("#my-status").TextContent);
        Assert.Equal("On Break", home.Find("#own-status").TextContent);
        Assert.Equal("Not checked yet.", home.Find("#connection-result").TextContent.Trim());
        home.Find("#check-connection").Click();
        Assert.Contains("the server answered at 15:30:00 UTC (check 1)", home.Find("#connection-result").TextContent);
    }
}
