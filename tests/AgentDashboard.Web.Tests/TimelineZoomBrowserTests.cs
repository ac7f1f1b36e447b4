using System.Globalization;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Simulator.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AgentDashboard.Web.Tests;

/// <summary>Zooming the timeline in Chromium against the simulator: a mouse drag across the axis, and the keys.</summary>
public sealed class TimelineZoomBrowserTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private const string Zone = "America/New_York";
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private CallCentreSimulation Simulation => host.Services<CallCentreSimulation>();
    private DateOnly Today => LocalDays.DateOf(Simulation.Now, TimeZoneInfo.FindSystemTimeZoneById(Zone));

    private async Task<IPage> SignedInAsync(string path)
    {
        var context = await browser.Chromium.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, path).ToString());
        await page.Locator("label.user", new() { HasText = Simulation.Centre.Users[0].Name }).ClickAsync();
        await page.ClickAsync("#accept");
        await page.Locator("main[data-interactive='true']").WaitForAsync();
        return page;
    }

    private static int Seconds(string clock) => (int)TimeSpan.ParseExact(clock, "hh\\:mm\\:ss", CultureInfo.InvariantCulture).TotalSeconds;

    /// <summary>Drags the mouse across the axis between two clock times of the span shown (seconds from midnight).</summary>
    private static async Task DragAsync(IPage page, int fromS, int toS)
    {
        var timeline = page.Locator("#timeline");
        int start = int.Parse((await timeline.GetAttributeAsync("data-span-start"))!, CultureInfo.InvariantCulture);
        int end = int.Parse((await timeline.GetAttributeAsync("data-span-end"))!, CultureInfo.InvariantCulture);
        var axis = (await page.Locator("#timeline .axis").BoundingBoxAsync())!;
        float X(int seconds) => (float)(axis.X + axis.Width * (Math.Clamp(seconds, start, end) - start) / (end - start));
        float y = axis.Y + axis.Height / 2;
        await page.Mouse.MoveAsync(X(fromS), y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(X(toS), y, new() { Steps = 8 });
        await Assertions.Expect(page.Locator(".zoom-select")).ToBeVisibleAsync(); // the stretch shows while dragging
        await page.Mouse.UpAsync();
        await Assertions.Expect(timeline).Not.ToHaveAttributeAsync("data-span-start", start.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dragging_across_the_axis_zooms_every_lane_so_a_short_segment_can_be_clicked_and_keys_zoom_too()
    {
        var agents = Simulation.Centre.Queues[0].Members.Take(3).Select(i => Simulation.Centre.Agents[i]).ToList();
        string day = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // a whole past day
        var page = await SignedInAsync($"timeline?agentIds={string.Join(',', agents.Select(a => a.Id))}&from={day}&to={day}&tz={Uri.EscapeDataString(Zone)}");
        await Assertions.Expect(page.Locator("#timeline [data-lane]")).ToHaveCountAsync(3, new() { Timeout = 15_000 });
        await Browser.ScriptsReadyAsync(page);

        // The day's shortest segment that does not cross midnight: under a pixel wide at the whole day.
        var segments = await page.Locator("#timeline rect.seg").EvaluateAllAsync<string[][]>(
            "rects => rects.map(r => [r.closest('[data-lane]').dataset.lane, r.dataset.from, r.dataset.to, String(r.getBoundingClientRect().width)])");
        var shortest = segments.Where(s => s[2] != "00:00:00").MinBy(s => Seconds(s[2]) - Seconds(s[1]))!;
        var (lane, from, to) = (shortest[0], shortest[1], shortest[2]);
        Assert.True(double.Parse(shortest[3], CultureInfo.InvariantCulture) < 1, $"the shortest segment, {from}-{to}, is {shortest[3]} px wide");

        // Drag across the axis from half an hour before it to half an hour after, then, zoomed, from two minutes
        // before to two after (at the whole day a few minutes are a few pixels, too few to drag).
        await DragAsync(page, Seconds(from) - 1800, Seconds(to) + 1800);
        await Assertions.Expect(page.Locator("#span-shown")).Not.ToHaveTextAsync("Whole day");
        Assert.Contains("span=", page.Url);
        await DragAsync(page, Seconds(from) - 120, Seconds(to) + 120);
        await Assertions.Expect(page.Locator(".zoom-select")).ToHaveCountAsync(0);

        // Every lane shows the same stretch, at least five minutes and well under the half hour.
        var widths = await page.Locator("#timeline svg.lane").EvaluateAllAsync<string[]>("svgs => svgs.map(s => s.getAttribute('viewBox'))");
        Assert.Equal(3, widths.Length);
        Assert.Single(widths.Distinct());
        double minutes = double.Parse(widths[0].Split(' ')[2], CultureInfo.InvariantCulture);
        Assert.InRange(minutes, 5, 30);

        // The short segment is now wide enough to click, and its details say its exact times.
        var segment = page.Locator($"[data-lane='{lane}'] rect.seg[data-from='{from}'][data-to='{to}']");
        var box = (await segment.BoundingBoxAsync())!;
        Assert.True(box.Width >= 4, $"{from}-{to} is {box.Width} px wide zoomed");
        await segment.ClickAsync();
        await Assertions.Expect(page.Locator("#seg-tip")).ToContainTextAsync($"{from} – {to}");

        // A refreshed link comes back zoomed.
        string zoomed = (await page.Locator("#span-shown").TextContentAsync())!;
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#span-shown")).ToHaveTextAsync(zoomed, new() { Timeout = 15_000 });

        // Keys on the focused axis: + halves the span (not under five minutes), 0 shows the whole day.
        await page.Locator("#timeline .axis").FocusAsync();
        await page.Keyboard.PressAsync("0");
        await Assertions.Expect(page.Locator("#span-shown")).ToHaveTextAsync("Whole day");
        Assert.DoesNotContain("span=", page.Url);
        await page.Locator("#timeline .axis").FocusAsync();
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(page.Locator("#span-shown")).ToHaveTextAsync("06:00 – 18:00 (12 h)");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Locator("#span-shown")).ToHaveTextAsync("09:00 – 21:00 (12 h)");
        Assert.Contains("span=09%3A00-21%3A00", page.Url);
    }
}
