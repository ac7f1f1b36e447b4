using System.Globalization;

namespace AgentDashboard.Simulator.Model;

public enum QueueStrategy { RingAll, RoundRobin }

public sealed record Queue(int Index, string Id, string Name, QueueStrategy Strategy, int[] Members)
{
    public string StrategyName => Strategy == QueueStrategy.RingAll ? "ring-all" : "round-robin";
}

/// <summary>A simulated agent: when they work, where, and which queues ring them.</summary>
public sealed record Agent(
    int Index,
    string Id,
    string Zuid,
    string Name,
    string Email,
    TimeZoneInfo TimeZone,
    int ShiftStartMinutes,
    int ShiftLengthMinutes,
    DayOfWeek[] WorkDays,
    int[] Queues);

public enum Role { Admin, Supervisor }

/// <summary>
/// A person who can sign in. Every user is also an agent of the organisation. A supervisor leads their
/// <see cref="Team"/> (and may change those agents' status) and watches <see cref="Watched"/> (a superset).
/// </summary>
public sealed record User(int Index, Role Role, Agent Agent, IReadOnlySet<int> Team, IReadOnlySet<int> Watched)
{
    public string Zuid => Agent.Zuid;
    public string Name => Agent.Name;
    public string Email => Agent.Email;

    /// <summary>An admin sees every agent; a supervisor the agents they lead or watch, and themselves.</summary>
    public bool CanSee(Agent agent) => Role == Role.Admin || agent.Index == Agent.Index || Watched.Contains(agent.Index);

    /// <summary>An admin may change anyone's status; a supervisor only that of the agents they lead.</summary>
    public bool CanOverride(Agent agent) => Role == Role.Admin || Team.Contains(agent.Index);
}

/// <summary>
/// The organisation: agents, queues, the admin and the supervisors, all derived from the seed. Queue members
/// are the first <see cref="SimulatorOptions.AgentCount"/> agents; the users follow them as agents of no queue.
/// </summary>
public sealed class CallCentre
{
    public const string Zsoid = "67560292";

    private readonly Dictionary<string, Agent> agentsById;
    private readonly Dictionary<string, Agent> agentsByZuid;

    private CallCentre(TimeZoneInfo timeZone, Agent[] agents, Queue[] queues, User[] users)
    {
        TimeZone = timeZone;
        Agents = agents;
        Queues = queues;
        Users = users;
        agentsById = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        agentsByZuid = agents.ToDictionary(a => a.Zuid, StringComparer.Ordinal);
    }

    public TimeZoneInfo TimeZone { get; }
    public IReadOnlyList<Agent> Agents { get; }
    public IReadOnlyList<Queue> Queues { get; }
    public IReadOnlyList<User> Users { get; }

    public Agent? FindAgent(string id) => agentsById.GetValueOrDefault(id);
    public Agent? FindAgentByZuid(string zuid) => agentsByZuid.GetValueOrDefault(zuid);
    public Queue? FindQueue(string id) => Queues.FirstOrDefault(q => q.Id == id);
    public User? FindUser(string zuid) => Users.FirstOrDefault(u => u.Zuid == zuid);

    private static readonly string[] FirstNames =
    [
        "Jan", "Priya", "Omar", "Lena", "Mateo", "Aiko", "Noah", "Zara", "Ravi", "Chloe", "Diego", "Hana", "Kofi", "Mila",
        "Arjun", "Sofia", "Ethan", "Leila", "Tomas", "Yuki", "Amara", "Lucas", "Ines", "Felix", "Nadia", "Oscar", "Maya",
        "Samir", "Elena", "Jonas", "Ayesha", "Marco", "Freya", "Hugo", "Nia", "Pavel", "Rosa", "Theo", "Ula", "Vikram",
    ];

    private static readonly string[] LastNames =
    [
        "Kowalski", "Sharma", "Haddad", "Fischer", "Rossi", "Tanaka", "Brown", "Ahmed", "Iyer", "Martin", "Garcia", "Kim",
        "Mensah", "Novak", "Patel", "Costa", "Walker", "Rahimi", "Silva", "Sato", "Okafor", "Dubois", "Moreno", "Berg",
    ];

    /// <summary>The admin, then the supervisors.</summary>
    private static readonly string[] UserNames = ["Morgan Reyes", "Sam Okonkwo", "Alex Lindqvist", "Jordan Baptiste", "Robin Castellano", "Kim Varga", "Drew Nakamura", "Quinn Adeyemi"];

    private static readonly string[] QueueNames = ["Sales", "Support", "Billing", "Renewals", "Onboarding", "Escalations", "Partners", "Retention"];

    /// <summary>Agents outside the organisation's zone work from these (offsets small enough that shifts stay inside one local day there).</summary>
    private static readonly string[] RemoteZones = ["America/Chicago", "America/Los_Angeles", "America/Bogota", "America/Halifax"];

    public static CallCentre Create(SimulatorOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var random = new Random(options.Seed);
        int queueCount = Math.Max(1, options.QueueCount);
        int userCount = 1 + Math.Max(0, options.SupervisorCount);

        var agents = new List<Agent>(options.AgentCount + userCount);
        var memberships = new List<int>[queueCount];
        for (int q = 0; q < queueCount; q++) memberships[q] = [];

        for (int i = 0; i < options.AgentCount; i++)
        {
            // Each agent answers one queue, a third of them a second one.
            int home = i % queueCount;
            int[] queues = queueCount > 1 && random.Next(3) == 0 ? [home, (home + 1 + random.Next(queueCount - 1)) % queueCount] : [home];
            foreach (int q in queues) memberships[q].Add(i);
            agents.Add(NewAgent(i, random, zone, queues, remote: random.Next(7) == 0));
        }
        for (int u = 0; u < userCount; u++)
        {
            agents.Add(NewAgent(options.AgentCount + u, random, zone, [], remote: false, u < UserNames.Length ? UserNames[u] : null));
        }

        var queueList = Enumerable.Range(0, queueCount).Select(q => new Queue(
            q,
            (3029000004016033L + q * 1000L).ToString(CultureInfo.InvariantCulture),
            q < QueueNames.Length ? QueueNames[q] : $"Queue {q + 1}",
            q % 2 == 0 ? QueueStrategy.RingAll : QueueStrategy.RoundRobin,
            memberships[q].ToArray())).ToArray();

        var users = new List<User> { new(0, Role.Admin, agents[options.AgentCount], new HashSet<int>(), new HashSet<int>()) };
        int supervisors = userCount - 1;
        for (int s = 0; s < supervisors; s++)
        {
            var (team, watched) = SupervisorTeam(s, supervisors, queueList);
            users.Add(new User(s + 1, Role.Supervisor, agents[options.AgentCount + 1 + s], team, watched));
        }
        return new CallCentre(zone, agents.ToArray(), queueList, users.ToArray());
    }

    /// <summary>
    /// With one or two supervisors the queues are shared out between them (disjoint teams, each watching its
    /// own). With three or more, all but the last share the queues, and the last watches the first two teams
    /// whole but leads only every other agent of them (a team that overlaps both).
    /// </summary>
    private static (HashSet<int> Team, HashSet<int> Watched) SupervisorTeam(int supervisor, int supervisors, Queue[] queues)
    {
        int disjoint = supervisors >= 3 ? supervisors - 1 : supervisors;
        if (supervisor < disjoint)
        {
            var own = queues.Where(q => q.Index % disjoint == supervisor).SelectMany(q => q.Members).ToHashSet();
            return (own, own);
        }
        var watched = SupervisorTeam(0, supervisors, queues).Team.Union(SupervisorTeam(1, supervisors, queues).Team).ToHashSet();
        return (watched.Where(a => a % 2 == 0).ToHashSet(), watched);
    }

    private static Agent NewAgent(int index, Random random, TimeZoneInfo orgZone, int[] queues, bool remote, string? fixedName = null)
    {
        // Names repeat in big centres (as they do in life); e-mail addresses never do.
        string name = fixedName ?? $"{FirstNames[index % FirstNames.Length]} {LastNames[(index / FirstNames.Length + index * 7) % LastNames.Length]}";
        string suffix = fixedName is null && index >= FirstNames.Length ? (index / FirstNames.Length + 1).ToString(CultureInfo.InvariantCulture) : "";
        string email = $"{name.Replace(' ', '.')}{suffix}@zylker.com".ToLowerInvariant();
        var zone = remote ? TimeZoneInfo.FindSystemTimeZoneById(RemoteZones[random.Next(RemoteZones.Length)]) : orgZone;
        DayOfWeek[] days = random.Next(8) switch
        {
            0 => [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday],
            1 => [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
            _ => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        };
        return new Agent(
            index,
            (3029000000002015L + index * 1000L).ToString(CultureInfo.InvariantCulture),
            (67560001L + index).ToString(CultureInfo.InvariantCulture),
            name,
            email,
            zone,
            ShiftStartMinutes: 8 * 60 + 30 * random.Next(4),
            ShiftLengthMinutes: 8 * 60 + 30,
            days,
            queues);
    }
}
