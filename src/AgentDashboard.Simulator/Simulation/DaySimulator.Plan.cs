using AgentDashboard.Simulator.Model;

namespace AgentDashboard.Simulator.Simulation;

/// <summary>Each agent's day as it goes, straying around the published <see cref="SchedulePlan"/>.</summary>
internal sealed partial class DaySimulator
{
    private sealed partial class Run
    {
        /// <summary>
        /// The agent's day around their <see cref="SchedulePlan"/>, in their own time zone: check-in near the planned
        /// start (now and then well after it), breaks and lunch near their planned times and mostly a little longer
        /// (now and then a long lunch), Busy for the weekly meeting, some admin, and sign-off near the planned end
        /// unless they forget.
        /// </summary>
        public void Plan(Agent agent)
        {
            if (!sim.WorksOn(agent, date))
            {
                return;
            }
            var random = new Random(Ids.Seed(sim.seed, agent.Index, date.DayNumber, 1));
            const long minute = 60_000;
            long planned = SchedulePlan.ShiftStart(agent, date);
            int late = random.Next(-5, 11);
            var lateness = new Random(Ids.Seed(sim.seed, agent.Index, date.DayNumber, 4));
            if (lateness.Next(100) < 10)
            {
                late = lateness.Next(15, 41); // a late start: the bus, the school run
            }
            Push(planned + late * minute, Kind.CheckIn, agent.Index);
            foreach (var pause in SchedulePlan.Pauses(agent, date))
            {
                if (pause.Activity == SchedulePlan.Meeting)
                {
                    // Busy for the meeting, unless a call or admin has them then (the meeting has its own stream).
                    var meeting = new Random(Ids.Seed(sim.seed, agent.Index, date.DayNumber, 5));
                    Push(pause.Start + meeting.Next(-2, 6) * minute, Kind.BusyStart, agent.Index, (int)(pause.End - pause.Start) + meeting.Next(-5, 11) * (int)minute);
                    continue;
                }
                int plannedMinutes = (int)((pause.End - pause.Start) / minute);
                int length = pause.Activity != SchedulePlan.Lunch ? plannedMinutes + random.Next(-3, 6)
                    : random.Next(20) == 0 ? random.Next(60, 81) // now and then a long lunch
                    : plannedMinutes + random.Next(-2, 16);
                Push(pause.Start + random.Next(-8, 11) * minute, Kind.BreakStart, agent.Index, length * (int)minute);
            }
            if (random.Next(10) < 3)
            {
                Push(planned + random.Next(60, 450) * minute, Kind.BusyStart, agent.Index, random.Next(5, 21) * (int)minute);
            }
            if (!sim.ForgetsToSignOff(agent, date))
            {
                Push(planned + (agent.ShiftLengthMinutes + random.Next(-10, 16)) * minute, Kind.ShiftEnd, agent.Index);
            }
        }
    }
}
