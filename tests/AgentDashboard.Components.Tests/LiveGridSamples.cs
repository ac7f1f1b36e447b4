using AgentDashboard.Core.Live;
using AgentDashboard.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The floor the live grid's tests stand on, and how they read the page: the agents of two queues at known times in
/// status, the page opened in MudBlazor's providers, its tiles, counters and URL, and a clock moved a second at a time.
/// </summary>
internal static class LiveGridSamples
{
    public static readonly TimeSpan Wait = MudPageContext.Wait;

    public static LiveAgent Agent(ManualClock clock, string id, string name, string? status, double minutes, params string[] queues) =>
        new(id, name, status, clock.Now.AddMinutes(-minutes), SinceKind.Exact, null, Queues: queues);

    /// <summary>
    /// Sales (q1): Ann, Ben, Dee, Fay. Support (q2): Cy, Dee, Eve, Gus. Under the default thresholds (On Break 15/30,
    /// Busy 10/20, On Call 20/40 minutes) Ben's 20 minutes of break are amber and Cy's 25 of Busy red.
    /// </summary>
    public static LiveAgent[] Floor(ManualClock clock) =>
    [
        Agent(clock, "ann", "Ann", "Available", 5, "q1"),
        Agent(clock, "ben", "Ben", "On Break", 20, "q1"),
        Agent(clock, "cy", "Cy", "Busy", 25, "q2"),
        Agent(clock, "dee", "Dee", "On Call", 2, "q1", "q2"),
        Agent(clock, "eve", "Eve", "Training", 40, "q2"),
        Agent(clock, "fay", "Fay", "Offline", 60, "q1"),
        new LiveAgent("gus", "Gus", null, null, SinceKind.Observed, null, Error: "Agent not found", Queues: ["q2"]),
    ];

    public static IRenderedComponent<IComponent> Open(MudPageContext page, string uri = "/live")
    {
        page.NavigateTo(uri);
        var host = page.Render<LivePage>();
        host.WaitForElement("#agents", Wait);
        return host;
    }

    public static List<string?> Tiles(IRenderedComponent<IComponent> host) =>
        host.FindAll("#agents [data-agent]").Select(t => t.GetAttribute("data-agent")).ToList();

    public static List<(string Status, string Count)> Counters(IRenderedComponent<IComponent> host) =>
        host.FindAll(".counters button.counter").Select(c => (c.GetAttribute("data-status")!, c.QuerySelector(".counter-count")!.TextContent.Trim())).ToList();

    public static Dictionary<string, string> Query(MudPageContext page) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), page.Url).Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    /// <summary>The productive share's box as read, without its icon: "40% productive · 2 of 5 signed in".</summary>
    public static string Share(IRenderedComponent<IComponent> host) => MudMarkup.Words(
        $"{host.Find("#productive-share .counter-count").TextContent} {host.Find("#productive-share .counter-label").TextContent} · {host.Find("#productive-share .counter-of").TextContent}");

    public static string OverThreshold(IRenderedComponent<IComponent> host) => host.Find("#over-threshold .counter-count").TextContent.Trim();

    /// <summary>Moves the clock and waits until the board has drawn that moment (its ticker fires each second).</summary>
    public static void Tick(IRenderedComponent<IComponent> host, ManualClock clock, TimeSpan by)
    {
        clock.Advance(by);
        string now = clock.Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.WaitForAssertion(() => Assert.Equal(now, host.Find("[data-server-now]").GetAttribute("data-server-now")), Wait);
    }

    public static void Pick(IRenderedComponent<IComponent> host, string agentId) => host.Find($"[data-agent='{agentId}'] input[type=checkbox]").Change(true);
}
