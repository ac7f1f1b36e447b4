using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>The live grid rendered with a feed fed by hand.</summary>
public sealed class LivePageTests
{
    private static readonly DateTimeOffset Now = PageContext.Now;

    private static LiveAgent Agent(string id, string name, string? status, double minutes = 5) =>
        new(id, name, status, Now.AddMinutes(-minutes), SinceKind.Exact, null, Queues: ["q1"]);

    [Fact]
    public async Task Two_custom_statuses_show_are_counted_and_styled_apart()
    {
        var live = new LiveFeedOptions
        {
            Queues = ["q1"],
            Thresholds = { ["Training"] = new() { WarningAfter = TimeSpan.FromMinutes(50) }, ["Coaching"] = new() { WarningAfter = TimeSpan.FromMinutes(30) } },
        };
        await using var page = new PageContext(live);
        page.Feeds.Board = new BoardSnapshot([Agent("1", "Ann", "Training"), Agent("2", "Ben", "Coaching", minutes: 45), Agent("3", "Cy", "Coaching")], Now);

        var grid = page.Context.Render<LivePage>();

        Assert.Equal("1", grid.Find(".counter[data-status='Training'] .counter-count").TextContent);
        Assert.Equal("2", grid.Find(".counter[data-status='Coaching'] .counter-count").TextContent);
        var training = grid.Find("[data-agent='1']");
        var coaching = grid.Find("[data-agent='2']");
        Assert.Contains("Training", training.TextContent);
        Assert.Contains("Coaching", coaching.TextContent);
        Assert.NotEqual(training.ClassList.Single(c => c.StartsWith("st-h", StringComparison.Ordinal)), coaching.ClassList.Single(c => c.StartsWith("st-h", StringComparison.Ordinal)));
        // Thresholds by name: Ben's 45 minutes of Coaching are over its 30, Ann's 5 of Training are not.
        Assert.Contains("over-warning", coaching.ClassList);
        Assert.DoesNotContain("over-warning", training.ClassList);
        var forBrowser = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, long[]>>(grid.Find("[data-thresholds]").GetAttribute("data-thresholds")!)!;
        Assert.Equal([3_000_000, 0], forBrowser["Training"]);
        Assert.Equal([1_800_000, 0], forBrowser["Coaching"]);
    }

    [Fact]
    public void Thresholds_for_the_browser_are_keyed_by_status_name()
    {
        var thresholds = new Thresholds(System.Collections.Immutable.ImmutableDictionary.CreateRange(new Dictionary<string, StatusThreshold>
        {
            ["Training"] = new(TimeSpan.FromMinutes(1), null),
            ["Coaching"] = new(null, TimeSpan.FromMinutes(2)),
        }));
        var json = System.Text.Json.JsonDocument.Parse(StatusStyle.ThresholdsJson(thresholds)).RootElement;
        Assert.Equal(60_000, json.GetProperty("Training")[0].GetInt64());
        Assert.Equal(120_000, json.GetProperty("Coaching")[1].GetInt64());
    }

    [Fact]
    public async Task A_filter_on_a_status_nobody_is_in_can_still_be_switched_off()
    {
        await using var page = new PageContext();
        page.Feeds.Board = new BoardSnapshot([Agent("1", "Ann", "Available")], Now);
        page.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/live?status=Training");

        var grid = page.Context.Render<LivePage>();

        var training = grid.Find(".counter[data-status='Training']");
        Assert.Equal("0", training.QuerySelector(".counter-count")!.TextContent);
        Assert.Equal("true", training.GetAttribute("aria-pressed"));
        training.Click();
        Assert.DoesNotContain("status=", page.Context.Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_supervisors_thresholds_replace_the_configured_ones_status_by_status()
    {
        var configured = new Thresholds(System.Collections.Immutable.ImmutableDictionary.CreateRange(new Dictionary<string, StatusThreshold>
        {
            ["Busy"] = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)),
            ["Training"] = new(TimeSpan.FromMinutes(50), null),
        }));
        var own = new LivePreferences(null, new Dictionary<string, ThresholdMinutes> { ["Busy"] = new(null, null), ["On Break"] = new(5, 10) });

        var merged = own.ThresholdsOver(configured).ByStatus;

        Assert.Equal(new StatusThreshold(null, null), merged["Busy"]); // emptied: never
        Assert.Equal(new StatusThreshold(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)), merged["On Break"]);
        Assert.Equal(new StatusThreshold(TimeSpan.FromMinutes(50), null), merged["Training"]); // not theirs to change here: kept
    }
}
