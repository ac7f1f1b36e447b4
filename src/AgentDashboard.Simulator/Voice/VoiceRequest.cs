using System.Globalization;
using AgentDashboard.Simulator.Model;
using AgentDashboard.Simulator.Simulation;
using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Simulator.Voice;

/// <summary>One authenticated Voice call: its parameters (query or form), caller and the simulation.</summary>
internal sealed class VoiceRequest(HttpContext context, CallCentreSimulation simulation, User caller, IFormCollection? form)
{
    public HttpContext Context { get; } = context;
    public CallCentreSimulation Simulation { get; } = simulation;
    public User Caller { get; } = caller;
    public CallCentre Centre => Simulation.Centre;

    public string? Value(string name)
    {
        string? value = Context.Request.Query[name].FirstOrDefault() ?? form?[name].FirstOrDefault();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Required(string name, string what) =>
        Value(name) ?? throw ZohoError.BadInput($"The parameter {name} is required ({what}).");

    public long RequiredEpoch(string name)
    {
        string text = Required(name, "epoch milliseconds");
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= 0
            ? value
            : throw ZohoError.BadInput($"The parameter {name} must be epoch milliseconds; \"{text}\" is not.");
    }

    public int? OptionalInt(string name, int min)
    {
        string? text = Value(name);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw ZohoError.BadInput($"The parameter {name} must be a whole number of at least {min}; \"{text}\" is not.");
    }

    public IReadOnlyList<string> List(string name) =>
        Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList() ?? [];

    public TimeZoneInfo RequiredZone()
    {
        string name = Required("tz", "an IANA time-zone name");
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId
            ? zone
            : throw ZohoError.BadInput($"The parameter tz \"{name}\" is not a known time zone.");
    }

    /// <summary>The window and filters every metrics call shares, checked.</summary>
    public MetricsWindow Window(bool withFilters = true)
    {
        long from = RequiredEpoch("fromEpoch"), to = RequiredEpoch("toEpoch");
        var zone = RequiredZone();
        if (to <= from)
        {
            throw ZohoError.BadInput("toEpoch must be after fromEpoch.");
        }
        if (from < Simulation.HistoryStart)
        {
            throw ZohoError.BadInput($"fromEpoch is before the {Simulation.Options.HistoryDays} days of history kept.");
        }
        return new MetricsWindow(from, to, zone, withFilters ? ExcludedDays() : new HashSet<DayOfWeek>(), withFilters ? ExcludedStatuses() : new HashSet<Status>());
    }

    private HashSet<DayOfWeek> ExcludedDays()
    {
        string? text = Value("excludeDays");
        if (text is null) return [];
        if (text.Any(c => c is < '1' or > '7'))
        {
            throw ZohoError.BadInput($"excludeDays \"{text}\" may hold only the digits 1-7 (1 = Monday, 7 = Sunday).");
        }
        return text.Select(c => (DayOfWeek)((c - '0') % 7)).ToHashSet();
    }

    private HashSet<Status> ExcludedStatuses()
    {
        var excluded = new HashSet<Status>();
        foreach (string name in List("excludeStatus"))
        {
            if (!StatusNames.TryParse(name, out var status))
            {
                throw ZohoError.BadInput($"excludeStatus names \"{name}\", which is not a status.");
            }
            excluded.Add(status);
        }
        return excluded;
    }

    /// <summary>The agents asked for by agentIds (or, if given, the members of queueIds) that the caller may see.</summary>
    public List<Agent> VisibleAgents(bool queuesAllowed)
    {
        var queueIds = queuesAllowed ? List("queueIds") : [];
        IEnumerable<Agent> asked;
        if (queueIds.Count > 0)
        {
            asked = queueIds.Select(Centre.FindQueue).OfType<Queue>().SelectMany(q => q.Members).Distinct().Select(i => Centre.Agents[i]);
        }
        else
        {
            var agentIds = List("agentIds");
            if (agentIds.Count == 0)
            {
                throw ZohoError.BadInput(queuesAllowed ? "The parameter agentIds or queueIds is required." : "The parameter agentIds is required.");
            }
            asked = agentIds.Select(Centre.FindAgent).OfType<Agent>();
        }
        return asked.Where(Caller.CanSee).ToList();
    }

    public Status RequiredSettableStatus()
    {
        string name = Required("status", "Available, Busy, Offline or On Break");
        return StatusNames.TryParse(name, out var status) && StatusNames.IsSettable(status)
            ? status
            : throw ZohoError.BadInput($"The status \"{name}\" cannot be set; use Available, Busy, Offline or On Break.");
    }
}
