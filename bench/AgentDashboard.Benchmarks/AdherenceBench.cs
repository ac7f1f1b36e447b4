using System.Diagnostics;
using AgentDashboard.Core;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Timelines;
using AgentDashboard.Zoho.Models;

namespace AgentDashboard.Benchmarks;

/// <summary>
/// Schedule adherence for 500 agents x 31 days (March 2026 in America/New_York, so the clocks go forward on the 8th).
/// Per run: every agent's timeline built from their hits, the schedule grouped by agent and sliced by day, and
/// <see cref="AdherenceCalculator.ForDay"/> for every agent-day, summed into team totals. The inputs are made once,
/// from a fixed seed: 20-40 status changes a working day, a Work/Break/Lunch/Work/Break/Work shift (one agent in five
/// on nights, across midnight), two days off a week. Checks the figures against sums worked out from the inputs, so
/// it cannot time nothing. Target: under 1 s. Options: --runs R (9, after one warm-up), --agents N (500).
/// Prints one line: <c>adherence: agents=500 days=31 median_ms=NNN</c>.
/// </summary>
internal static class AdherenceBench
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly First = new(2026, 3, 1), Last = new(2026, 3, 31);

    // Minutes from the shift's start: 8.5 hours in all.
    private static readonly (string Activity, int From, int To)[] Shift =
        [("Work", 0, 120), ("Break", 120, 135), ("Lunch", 135, 165), ("Work", 165, 330), ("Break", 330, 345), ("Work", 345, 510)];

    // The stretches off the phone: a Break and the Lunch after it are one.
    private static readonly (int From, int To)[] Breaks = [(120, 165), (330, 345)];

    private static readonly string[] Working = [StatusCatalogue.Available, StatusCatalogue.OnCall, StatusCatalogue.Busy];

    public static void Run(string[] args)
    {
        int runs = Math.Max(1, BenchSupport.Option(args, "--runs", 9)), agents = BenchSupport.Option(args, "--agents", 500);
        var days = new LocalDays(First, Last, Zone);
        var (histories, schedule) = Generate(agents, days);
        var rules = ActivityRules.Default;

        var expected = Check(histories, schedule, days, rules);
        var times = new List<double>();
        for (int run = 0; run <= runs; run++) // run 0 warms up
        {
            var watch = Stopwatch.StartNew();
            var team = Measure(histories, schedule, days, rules);
            watch.Stop();
            if (team != expected) throw new InvalidOperationException($"Run {run} gave {team}, not {expected}.");
            if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        double median = times.Order().ElementAt(times.Count / 2);
        Console.WriteLine($"adherence: agents={agents} days={days.Count} median_ms={median:F0}");
    }

    /// <summary>The team's sums in seconds, and how many agent-days had something scheduled.</summary>
    private readonly record struct Team(int Days, int ScheduledDays, long ScheduledS, long AdherentS, long WorkScheduledS, long WorkingS, long LateStartS, long EarlyLeaveS)
    {
        public Team Plus(AdherenceDay d) => new(Days + 1, ScheduledDays + (d.AdherencePct is null ? 0 : 1), ScheduledS + d.ScheduledS, AdherentS + d.AdherentS,
            WorkScheduledS + d.WorkScheduledS, WorkingS + d.WorkingS, LateStartS + d.LateStartS, EarlyLeaveS + d.EarlyLeaveS);
    }

    /// <summary>What is timed: what a page does with the hits and the schedule rows it has read.</summary>
    private static Team Measure(List<AgentStatusHistory> histories, List<ScheduledActivity> schedule, LocalDays days, ActivityRules rules)
    {
        var timelines = TimelineBuilder.Build(histories, days, days.End);
        var byAgent = AgentSchedules(schedule);
        var team = new Team();
        foreach (var timeline in timelines)
        {
            var rows = byAgent.GetValueOrDefault(timeline.AgentId) ?? AgentSchedule.Empty;
            foreach (var day in timeline.Days)
            {
                team = team.Plus(AdherenceCalculator.ForDay(day, rows.Overlapping(day.Start, day.End), rules));
            }
        }
        return team;
    }

    private static Dictionary<string, AgentSchedule> AgentSchedules(List<ScheduledActivity> schedule) =>
        schedule.GroupBy(a => a.AgentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => new AgentSchedule(g), StringComparer.Ordinal);

    /// <summary>One agent's rows by start, found for a day by binary search rather than a scan of the whole month.</summary>
    private sealed class AgentSchedule
    {
        public static AgentSchedule Empty { get; } = new([]);

        private readonly ScheduledActivity[] rows;
        private readonly long[] endsSoFar; // the latest end among rows[0..i]: rising even if rows overlap

        public AgentSchedule(IEnumerable<ScheduledActivity> activities)
        {
            rows = activities.OrderBy(a => a.Start).ToArray();
            endsSoFar = new long[rows.Length];
            for (int i = 0; i < rows.Length; i++) endsSoFar[i] = Math.Max(rows[i].End, i > 0 ? endsSoFar[i - 1] : long.MinValue);
        }

        /// <summary>Every row overlapping [from, to), perhaps with a few that do not (ForDay drops those).</summary>
        public ArraySegment<ScheduledActivity> Overlapping(long from, long to)
        {
            int lo = 0, hi = rows.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (endsSoFar[mid] > from) hi = mid; else lo = mid + 1;
            }
            int end = lo;
            while (end < rows.Length && rows[end].Start < to) end++;
            return new ArraySegment<ScheduledActivity>(rows, lo, end - lo);
        }
    }

    /// <summary>
    /// The figures the timed work must give, and proof they mean something: scheduled and working time equal to sums
    /// made straight from the inputs, a team adherence neither nothing nor everything, and the day slices giving the
    /// same figures as each agent's whole month of rows for a sample of agents.
    /// </summary>
    private static Team Check(List<AgentStatusHistory> histories, List<ScheduledActivity> schedule, LocalDays days, ActivityRules rules)
    {
        var team = Measure(histories, schedule, days, rules);
        long scheduledMs = schedule.Where(a => ActivityRules.IsScheduled(a.Activity))
            .Sum(a => Math.Max(0, Math.Min(a.End, days.End) - Math.Max(a.Start, days.Start)));
        var timelines = TimelineBuilder.Build(histories, days, days.End);
        long workingMs = timelines.SelectMany(t => t.Days).SelectMany(d => d.Segments)
            .Where(s => ActivityRules.Working.Contains(s.Status)).Sum(s => s.End - s.Start);
        double adherence = 100.0 * team.AdherentS / Math.Max(1, team.ScheduledS);
        if (team.Days != histories.Count * days.Count || team.ScheduledDays == 0 || team.ScheduledS != scheduledMs / 1000 || team.WorkingS != workingMs / 1000
            || team.WorkScheduledS <= 0 || team.LateStartS <= 0 || team.EarlyLeaveS <= 0 || adherence is < 50 or > 99)
        {
            throw new InvalidOperationException($"Implausible figures: {team} (scheduled {scheduledMs / 1000} s and working {workingMs / 1000} s from the inputs, adherence {adherence:F1} %).");
        }
        var byAgent = AgentSchedules(schedule);
        foreach (var timeline in timelines.Where((_, i) => i % 25 == 0))
        {
            var whole = schedule.Where(a => a.AgentId == timeline.AgentId).ToList();
            foreach (var day in timeline.Days)
            {
                var sliced = AdherenceCalculator.ForDay(day, byAgent[timeline.AgentId].Overlapping(day.Start, day.End), rules);
                var full = AdherenceCalculator.ForDay(day, whole, rules);
                if (sliced != full) throw new InvalidOperationException($"Agent {timeline.AgentId} on {day.Date}: {sliced} from the day's rows, {full} from all.");
            }
        }
        return team;
    }

    /// <summary>
    /// Hits (made as Zoho's and turned into changes as the loader does) and schedule rows, from the shift that starts the
    /// day before the month, so the first night's morning is there, to the last, which ends in April.
    /// </summary>
    private static (List<AgentStatusHistory>, List<ScheduledActivity>) Generate(int agents, LocalDays days)
    {
        var random = new Random(19);
        var histories = new List<AgentStatusHistory>(agents);
        var schedule = new List<ScheduledActivity>(agents * days.Count * Shift.Length);
        for (int a = 0; a < agents; a++)
        {
            string id = $"a{a:D3}";
            bool nights = a % 5 == 0;
            int startMinute = nights ? 21 * 60 + 30 * random.Next(5) : 7 * 60 + 30 * random.Next(7);
            var daysOff = new[] { (DayOfWeek)(a % 7), (DayOfWeek)((a + 1) % 7) };
            var hits = new List<StatusHit>();
            string status = StatusCatalogue.Offline;
            long last = 0;
            void Hit(long at, string to)
            {
                at = Math.Max(at, last + 1000);
                hits.Add(new StatusHit
                {
                    AgentId = id, AgentName = "Agent " + a, PreviousStatus = status, CurrentStatus = to, PreviousActionTime = last == 0 ? null : last,
                    CurrentActionTime = at, Duration = last == 0 ? null : at - last, TriggeredBy = "User", TriggeredByMedium = "Web", LogId = $"{id}-{hits.Count}",
                });
                (status, last) = (to, at);
            }
            for (var date = First.AddDays(-1); date <= Last; date = date.AddDays(1))
            {
                if (daysOff.Contains(date.DayOfWeek)) continue;
                long start = Instant(date.ToDateTime(TimeOnly.MinValue).AddMinutes(startMinute));
                foreach (var (activity, from, to) in Shift)
                {
                    schedule.Add(new ScheduledActivity(id, start + from * 60_000L, start + to * 60_000L, activity));
                }
                // What the agent did: in a little early or late (now and then much later), breaks roughly kept, out
                // around the end (now and then an hour early), and calls and wrap-ups in between.
                long arrive = start + (random.Next(10) == 0 ? Minutes(random, 30, 60) : Minutes(random, -10, 15));
                long leave = start + Shift[^1].To * 60_000L + (random.Next(10) == 0 ? Minutes(random, -75, -45) : Minutes(random, -20, 10));
                var breaks = Breaks.Select(b => (From: start + b.From * 60_000L + Minutes(random, -3, 5), To: start + b.To * 60_000L + Minutes(random, -2, 10))).ToList();
                int toggles = random.Next(20, 41) - 2 - 2 * breaks.Count;
                var times = new List<long>(toggles);
                while (times.Count < toggles)
                {
                    long t = arrive + random.NextInt64((leave - arrive) / 1000) * 1000;
                    if (!breaks.Any(b => t >= b.From - 60_000 && t < b.To + 60_000)) times.Add(t);
                }
                times.Sort();
                Hit(arrive, StatusCatalogue.Available);
                int next = 0;
                foreach (var (from, to) in breaks.Append((From: leave, To: long.MaxValue)))
                {
                    for (; next < times.Count && times[next] < from; next++)
                    {
                        Hit(times[next], Working.Where(s => s != status).ElementAt(random.Next(Working.Length - 1)));
                    }
                    if (to == long.MaxValue) break;
                    Hit(from, StatusCatalogue.OnBreak);
                    Hit(to, Working[random.Next(Working.Length)]);
                }
                Hit(leave, StatusCatalogue.Offline);
            }
            var changes = hits.Select(TimelineLoader.ToChange).OfType<StatusChange>().ToList();
            histories.Add(new AgentStatusHistory(id, "Agent " + a, changes.LastOrDefault(c => c.At < days.Start),
                changes.Where(c => c.At >= days.Start && c.At < days.End).ToList()));
        }
        schedule.RemoveAll(s => s.End <= days.Start || s.Start >= days.End);
        return (histories, schedule);
    }

    private static long Minutes(Random random, int from, int to) => random.Next(from * 60, to * 60) * 1000L;

    /// <summary>A local time in New York as epoch ms (shifts start at 07:00-10:00 or 21:00-23:00: never skipped nor repeated).</summary>
    private static long Instant(DateTime local) => new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUnixTimeMilliseconds();
}
