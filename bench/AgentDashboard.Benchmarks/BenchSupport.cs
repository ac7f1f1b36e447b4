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

    /// <summary>The next Tuesday at 15:30 UTC (10:30 in New York): the simulated centre is busy.</summary>
    public static DateTimeOffset NextTuesdayMorning()
    {
        var today = DateTimeOffset.UtcNow.Date;
        int days = ((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7;
        return new DateTimeOffset(today.AddDays(days == 0 ? 7 : days).AddHours(15).AddMinutes(30), TimeSpan.Zero);
    }

    /// <summary>Real time from a chosen start; forward only, as cookies carry expiry dates the browser checks.</summary>
    public sealed class ForwardClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan offset = start - System.GetUtcNow();
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
