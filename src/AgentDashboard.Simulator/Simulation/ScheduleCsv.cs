using System.Globalization;
using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Simulation;

/// <summary>
/// The published schedule as canonical CSV (<c>agent_id,start,end,activity</c>): every agent's <see cref="SchedulePlan"/>
/// for each day asked, by agent then start, times in ISO 8601 with the offset of the agent's zone at that instant.
/// </summary>
internal static class ScheduleCsv
{
    public const string Header = "agent_id,start,end,activity";

    /// <summary>The most days one request may cover.</summary>
    public const int MaxDays = 92;

    public static async Task WriteAsync(TextWriter writer, CallCentre centre, DateOnly from, DateOnly to)
    {
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(Header);
        foreach (var agent in centre.Agents)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                foreach (var activity in SchedulePlan.Day(agent, date))
                {
                    await writer.WriteLineAsync($"{agent.Id},{Format(activity.Start, agent.TimeZone)},{Format(activity.End, agent.TimeZone)},{activity.Activity}");
                }
                if (date == to) break; // DateOnly.MaxValue has no next day
            }
        }
    }

    private static string Format(long instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(instant), zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
