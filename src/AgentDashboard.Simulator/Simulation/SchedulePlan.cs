using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Simulation;

/// <summary>One planned stretch of an agent's shift: [<see cref="Start"/>, <see cref="End"/>) in epoch ms.</summary>
internal readonly record struct PlannedActivity(string Activity, long Start, long End);

/// <summary>
/// What a workforce planner gives an agent for a day: the shift, with two breaks and lunch, and once a week a
/// team meeting. The simulator
/// publishes it as a schedule, and each simulated day strays from it (late starts, long lunches, forgotten
/// sign-offs), so both come from here and cannot drift apart.
/// </summary>
internal static class SchedulePlan
{
    public const string Work = "Work", Break = "Break", Lunch = "Lunch", Meeting = "Meeting";

    /// <summary>Minutes after the shift's start, and lengths in minutes.</summary>
    public const int FirstBreakAt = 120, MeetingAt = 180, LunchAt = 240, SecondBreakAt = 380, BreakMinutes = 15, MeetingMinutes = 30, LunchMinutes = 30;

    private const long Minute = 60_000;

    /// <summary>Whether the agent is rostered on that (their local) day. Unplanned absences are still scheduled.</summary>
    public static bool IsScheduled(Agent agent, DateOnly date) => agent.WorkDays.Contains(date.DayOfWeek);

    /// <summary>The planned start of the shift: its local start time in the agent's zone.</summary>
    public static long ShiftStart(Agent agent, DateOnly date) =>
        DaySimulator.LocalToInstant(date, TimeSpan.FromMinutes(agent.ShiftStartMinutes), agent.TimeZone);

    /// <summary>The weekly team meeting: on Tuesday, Wednesday or Thursday by the agent's first queue, so queues take turns.</summary>
    public static bool HasMeeting(Agent agent, DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Tuesday + (agent.Queues.Length > 0 ? agent.Queues[0] % 3 : 1);

    /// <summary>The planned breaks, lunch and any meeting, in order, without the Work between them.</summary>
    public static IEnumerable<PlannedActivity> Pauses(Agent agent, DateOnly date)
    {
        long start = ShiftStart(agent, date);
        yield return new(Break, start + FirstBreakAt * Minute, start + (FirstBreakAt + BreakMinutes) * Minute);
        if (HasMeeting(agent, date))
        {
            yield return new(Meeting, start + MeetingAt * Minute, start + (MeetingAt + MeetingMinutes) * Minute);
        }
        yield return new(Lunch, start + LunchAt * Minute, start + (LunchAt + LunchMinutes) * Minute);
        yield return new(Break, start + SecondBreakAt * Minute, start + (SecondBreakAt + BreakMinutes) * Minute);
    }

    /// <summary>The whole planned day in order, Work filling the gaps; empty when the agent is not rostered.</summary>
    public static IEnumerable<PlannedActivity> Day(Agent agent, DateOnly date)
    {
        if (!IsScheduled(agent, date))
        {
            yield break;
        }
        long at = ShiftStart(agent, date), end = at + agent.ShiftLengthMinutes * Minute;
        foreach (var pause in Pauses(agent, date))
        {
            if (pause.Start >= end) break;
            if (pause.Start > at) yield return new(Work, at, pause.Start);
            yield return pause with { End = Math.Min(pause.End, end) };
            at = Math.Min(pause.End, end);
        }
        if (end > at) yield return new(Work, at, end);
    }
}
