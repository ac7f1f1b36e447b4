using Microsoft.Playwright;

namespace AgentDashboard.Benchmarks;

/// <summary>What the load programs share: options, a clock set to a busy hour, and Debian's Chromium.</summary>
internal static class BenchSupport
{
    public static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out int value) ? value : fallback;
    }

    /// <summary>Tuesday 17 November 2026 at 15:30 UTC (10:30 in New York): the simulated centre is busy, on the same day every run.</summary>
    public static DateTimeOffset TuesdayMorning { get; } = new(2026, 11, 17, 15, 30, 0, TimeSpan.Zero);

    /// <summary>Real time from a chosen start.</summary>
    public sealed class ForwardClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan offset = start - System.GetUtcNow();
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    /// <param name="more">Switches of the program's own (e.g. fewer renderer processes for hundreds of walls).</param>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright, params string[] more) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", .. more],
    });
}
