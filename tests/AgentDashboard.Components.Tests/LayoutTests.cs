using AgentDashboard.Web.Components.Layout;
using AgentDashboard.Web.Configuration;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Components.Tests;

/// <summary>The dashboard's frame around every page.</summary>
public sealed class LayoutTests
{
    private sealed class FailingPage : ComponentBase
    {
        public static bool Fail { get; set; } = true;

        protected override void OnInitialized()
        {
            if (Fail) throw new InvalidOperationException("the page broke");
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) => builder.AddContent(0, "page works");
    }

    private static RenderFragment Page => builder =>
    {
        builder.OpenComponent<FailingPage>(0);
        builder.CloseComponent();
    };

    [Fact]
    public async Task A_failing_page_shows_a_short_notice_in_its_place_and_the_frame_lives_on()
    {
        await using var page = new PageContext();
        FailingPage.Fail = true;

        var layout = page.Context.Render<MainLayout>(p => p.Add(l => l.Body, Page));

        var notice = layout.Find("#page-failed");
        Assert.Contains("This page stopped working.", notice.TextContent);
        Assert.DoesNotContain("the page broke", layout.Markup); // no exception text on the page
        Assert.NotNull(layout.Find("#own-status-button")); // the app bar still works

        FailingPage.Fail = false;
        layout.Render(p => p.Add(l => l.Body, Page)); // navigating renders the layout with a new body
        Assert.Contains("page works", layout.Markup);
        Assert.Empty(layout.FindAll("#page-failed"));
    }

    [Fact]
    public async Task A_demo_wears_a_demo_badge_in_the_app_bar_and_zoho_mode_does_not()
    {
        await using (var demo = new PageContext(mode: DashboardMode.Demo))
        {
            FailingPage.Fail = false;
            var layout = demo.Context.Render<MainLayout>(p => p.Add(l => l.Body, Page));
            Assert.Equal("Demo", layout.Find(".topbar #demo-badge").TextContent);
        }
        await using var zoho = new PageContext(mode: DashboardMode.Zoho);
        var real = zoho.Context.Render<MainLayout>(p => p.Add(l => l.Body, Page));
        Assert.Empty(real.FindAll("#demo-badge"));
    }

    [Fact]
    public async Task A_demo_wall_wears_the_badge_too()
    {
        await using var demo = new PageContext(mode: DashboardMode.Demo);
        var wall = demo.Context.Render<WallLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "tiles"))));
        Assert.Equal("Demo", wall.Find("main.wall-main #demo-badge").TextContent);
    }
}
