using System.Diagnostics;
using AgentDashboard.Core.Timelines;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Builds timelines (segments cut at local midnights, and day totals) from 100k to 1M synthetic status-audit hits:
/// agents x 31 days in America/New_York, ~32 hits per agent-day. Prints the median build time, the bytes the build
/// allocates and keeps, the working set with the input alone and the peak after one build of it. Options:
/// --runs R (5), --agents N (one size only, so that the peak working set is that size's).
/// </summary>
internal static class TimelineBuild
{
    private static readonly string[] Statuses = ["Available", "On Call", "Busy", "On Break", "Available", "On Call", "Available"];

    public static void Run(string[] args)
    {
        int runs = Option(args, "--runs", 5);
        int[] sizes = Option(args, "--agents", 0) is > 0 and var only ? [only] : [100, 250, 500, 1000];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var first = new DateOnly(2024, 10, 1);
        var days = new LocalDays(first, first.AddDays(30), zone);
        Console.WriteLine($"{"hits",10} {"agents",7} {"median ms",10} {"ns/hit",7} {"alloc MB",9} {"kept MB",8} {"segments",9} {"input WS MB",12} {"peak WS MB",11}");
        foreach (int agents in sizes)
        {
            var input = Generate(agents, days);
            long hits = input.Sum(a => (long)a.Changes.Count);
            GC.Collect();
            long inputWorkingSet = Process.GetCurrentProcess().WorkingSet64;
            // The peak a page pays: the input and one build (a high-water mark, so with one --agents size only).
            TimelineBuilder.Build(input, days, long.MaxValue);
            long peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
            // Then past the JIT's tiers (it optimises only after ~100 ms without new tier-0 code), before timing.
            for (var warming = Stopwatch.StartNew(); warming.ElapsedMilliseconds < 1500;) TimelineBuilder.Build(input, days, long.MaxValue);
            var times = new List<double>();
            long allocated = 0, kept = 0, segments = 0;
            for (int run = 0; run < runs; run++)
            {
                long heapBefore = GC.GetTotalMemory(true), allocBefore = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                var timelines = TimelineBuilder.Build(input, days, long.MaxValue);
                watch.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocBefore;
                kept = GC.GetTotalMemory(true) - heapBefore;
                segments = timelines.Sum(t => t.Days.Sum(d => (long)d.Segments.Count));
                times.Add(watch.Elapsed.TotalMilliseconds);
                GC.KeepAlive(timelines);
            }
            double median = times.Order().ElementAt(times.Count / 2);
            Console.WriteLine($"{hits,10:N0} {agents,7} {median,10:F0} {median * 1e6 / hits,7:F0} {allocated / 1e6,9:F0} {kept / 1e6,8:F0} {segments,9:N0} {inputWorkingSet / 1e6,12:F0} {peakWorkingSet / 1e6,11:F0}");
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;

    /// <summary>Each agent changes status every 45 min on average through a 24-hour day, with an automatic check-in each morning.</summary>
    private static List<AgentStatusHistory> Generate(int agents, LocalDays days)
    {
        var random = new Random(7);
        var list = new List<AgentStatusHistory>(agents);
        for (int a = 0; a < agents; a++)
        {
            var changes = new List<StatusChange>(days.Count * 32);
            string status = "Offline";
            for (int d = 0; d < days.Count; d++)
            {
                long t = days.Bounds[d];
                changes.Add(new StatusChange(t + 8 * 3_600_000, status) { PreviousStatus = status, TriggeredBy = "Zoho Voice", TriggeredReason = "Agent Schedule" });
                for (int i = 0; i < 31; i++)
                {
                    t += random.Next(1, 90) * 30_000;
                    string next = i == 30 ? "Offline" : Statuses[random.Next(Statuses.Length)];
                    if (next == status) next = "Busy";
                    changes.Add(new StatusChange(t, next) { PreviousStatus = status, TriggeredBy = "User", TriggeredByMedium = "Web", LogId = "x" });
                    status = next;
                }
                changes.Sort((x, y) => x.At.CompareTo(y.At));
            }
            list.Add(new AgentStatusHistory(a.ToString(), "Agent " + a, null, changes));
        }
        return list;
    }
}
