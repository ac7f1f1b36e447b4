namespace AgentDashboard.Zoho.Requests;

/// <summary>The window every metrics call takes: epoch ms bounds and the IANA zone that defines local days.</summary>
public abstract record EpochWindowQuery
{
    /// <summary>Start of the window, epoch milliseconds.</summary>
    public required long FromEpoch { get; init; }

    /// <summary>End of the window, epoch milliseconds.</summary>
    public required long ToEpoch { get; init; }

    /// <summary>IANA time-zone name (e.g. <c>Europe/London</c>); days and buckets are local days there.</summary>
    public required string TimeZone { get; init; }

    internal abstract string Operation { get; }

    internal virtual void Validate(List<string> problems)
    {
        if (FromEpoch < 0)
        {
            problems.Add("fromEpoch must be a time after 1970 in epoch milliseconds.");
        }
        if (ToEpoch <= FromEpoch)
        {
            problems.Add($"toEpoch ({ToEpoch}) must be after fromEpoch ({FromEpoch}).");
        }
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            problems.Add("tz is required: an IANA time-zone name such as Europe/London.");
        }
        else if (!IsIanaZone(TimeZone))
        {
            problems.Add($"tz \"{TimeZone}\" is not a known IANA time-zone name (such as Europe/London or America/New_York).");
        }
    }

    internal virtual void AddTo(QueryString query) =>
        query.Add("fromEpoch", FromEpoch).Add("toEpoch", ToEpoch).Add("tz", TimeZone);

    /// <summary>The parameters in the order Zoho's pages list them, once every one is checked (else a <see cref="ZohoQueryException"/>).</summary>
    public IDictionary<string, string> ToParameters() => Checked().Parameters;

    private QueryString Checked()
    {
        var problems = new List<string>();
        Validate(problems);
        if (problems.Count > 0)
        {
            throw new ZohoQueryException(Operation, problems);
        }
        var query = new QueryString();
        AddTo(query);
        return query;
    }

    internal static bool IsIanaZone(string name) =>
        System.TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId;

    internal static void ValidateIds(string parameter, IReadOnlyList<string>? ids, bool required, List<string> problems)
    {
        if (ids is null || ids.Count == 0)
        {
            if (required)
            {
                problems.Add($"{parameter} is required: give at least one id.");
            }
            return;
        }
        foreach (string id in ids)
        {
            if (string.IsNullOrWhiteSpace(id) || id.Contains(',') || id.Trim() != id)
            {
                problems.Add($"{parameter} holds \"{id}\", which is not an id (ids are non-empty and have no commas or spaces around them).");
            }
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            problems.Add($"{parameter} names the same id more than once.");
        }
    }
}

/// <summary>The filters the aggregate and audit calls share: weekdays and statuses to leave out.</summary>
public abstract record MetricsQuery : EpochWindowQuery
{
    /// <summary>Weekdays to leave out, as Zoho writes them: digits 1-7 with 1 = Monday, e.g. <c>67</c> for weekends.</summary>
    public string? ExcludeDays { get; init; }

    /// <summary>Statuses to leave out, e.g. <c>On Break</c> and <c>Offline</c>.</summary>
    public IReadOnlyList<string> ExcludeStatus { get; init; } = [];

    /// <summary>Paging: <c>from</c> is the offset of the first record, <c>size</c> the page length.</summary>
    public Paging? Page { get; init; }

    internal override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (ExcludeDays is not null)
        {
            if (ExcludeDays.Length == 0 || ExcludeDays.Any(c => c is < '1' or > '7'))
            {
                problems.Add($"excludeDays \"{ExcludeDays}\" may hold only the digits 1-7 (1 = Monday, 7 = Sunday), without separators; e.g. 67 leaves out weekends.");
            }
            else if (ExcludeDays.Distinct().Count() == 7)
            {
                problems.Add("excludeDays leaves out every day of the week, so nothing would be returned.");
            }
        }
        foreach (string status in ExcludeStatus)
        {
            if (string.IsNullOrWhiteSpace(status) || status.Contains(','))
            {
                problems.Add($"excludeStatus holds \"{status}\", which is not a status name.");
            }
        }
        Page?.Validate(problems);
    }

    internal override void AddTo(QueryString query)
    {
        base.AddTo(query);
        query.Add("excludeDays", NormalisedExcludeDays).Add("excludeStatus", ExcludeStatus);
        if (Page is { } page)
        {
            query.Add("from", page.From).Add("size", page.Size);
        }
    }

    /// <summary>Each weekday once, in order: "7667" is sent as "67".</summary>
    private string? NormalisedExcludeDays =>
        ExcludeDays is null ? null : new string(ExcludeDays.Distinct().Order().ToArray());
}

/// <summary>One page of records: <see cref="From"/> is the offset, <see cref="Size"/> the number of records.</summary>
public sealed record Paging(int From, int Size)
{
    internal void Validate(List<string> problems)
    {
        if (From < 0)
        {
            problems.Add($"from ({From}) must not be negative.");
        }
        if (Size <= 0)
        {
            problems.Add($"size ({Size}) must be at least 1.");
        }
    }
}

public enum SortMetric { Sum, Avg, Min, Max }

public enum SortOrder { Asc, Desc }

/// <summary>Sort the agents by one status's figure, e.g. the sum of <c>Available</c>, descending.</summary>
public sealed record StatusSort(string Field, SortMetric Metric = SortMetric.Sum, SortOrder Order = SortOrder.Desc)
{
    internal void Validate(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Field))
        {
            problems.Add("sortField must name a status (On Call, Offline, On Break, Available, Busy or Working Time).");
        }
        if (!Enum.IsDefined(Metric))
        {
            problems.Add("sortMetric must be avg, sum, min or max.");
        }
        if (!Enum.IsDefined(Order))
        {
            problems.Add("sortOrder must be asc or desc.");
        }
    }

    internal void AddTo(QueryString query) =>
        query.Add("sortField", Field)
            .Add("sortMetric", Metric.ToString().ToLowerInvariant())
            .Add("sortOrder", Order.ToString().ToLowerInvariant());
}

/// <summary>Parameters of <c>statusaudit/list</c>: every status change of the agents in the window.</summary>
public sealed record StatusAuditQuery : MetricsQuery
{
    public required IReadOnlyList<string> AgentIds { get; init; }
    public StatusSort? Sort { get; init; }

    internal override string Operation => "status audit list";

    internal override void Validate(List<string> problems)
    {
        base.Validate(problems);
        ValidateIds("agentIds", AgentIds, required: true, problems);
        Sort?.Validate(problems);
    }

    internal override void AddTo(QueryString query)
    {
        query.Add("agentIds", AgentIds);
        base.AddTo(query);
        Sort?.AddTo(query);
    }
}

/// <summary>
/// Parameters of <c>statusaudit/overview</c>: figures over the whole period for agents or queues.
/// Zoho marks both lists required but uses only the queues when both are given; at least one is needed.
/// </summary>
public sealed record OverviewQuery : MetricsQuery
{
    public IReadOnlyList<string> AgentIds { get; init; } = [];
    public IReadOnlyList<string> QueueIds { get; init; } = [];
    public StatusSort? Sort { get; init; }

    internal override string Operation => "overview";

    internal override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (AgentIds.Count == 0 && QueueIds.Count == 0)
        {
            problems.Add("agentIds or queueIds is required: give at least one agent or queue id.");
        }
        ValidateIds("agentIds", AgentIds, required: false, problems);
        ValidateIds("queueIds", QueueIds, required: false, problems);
        Sort?.Validate(problems);
    }

    internal override void AddTo(QueryString query)
    {
        query.Add("agentIds", AgentIds).Add("queueIds", QueueIds);
        base.AddTo(query);
        Sort?.AddTo(query);
    }
}

/// <summary>Parameters of <c>statusaudit/calendarSummary</c>: figures per local day for agents or queues.</summary>
public sealed record CalendarSummaryQuery : MetricsQuery
{
    public IReadOnlyList<string> AgentIds { get; init; } = [];
    public IReadOnlyList<string> QueueIds { get; init; } = [];

    internal override string Operation => "calendar summary";

    internal override void Validate(List<string> problems)
    {
        base.Validate(problems);
        ValidateIds("agentIds", AgentIds, required: false, problems);
        ValidateIds("queueIds", QueueIds, required: false, problems);
    }

    internal override void AddTo(QueryString query)
    {
        query.Add("agentIds", AgentIds).Add("queueIds", QueueIds);
        base.AddTo(query);
    }
}

/// <summary>Parameters of <c>statusaudit/list/log</c>: one incoming queue call and the statuses around it.</summary>
public sealed record CallLogActivityQuery : EpochWindowQuery
{
    public required string LogId { get; init; }
    public IReadOnlyList<string> QueueIds { get; init; } = [];

    internal override string Operation => "call log status activity";

    internal override void Validate(List<string> problems)
    {
        base.Validate(problems);
        if (string.IsNullOrWhiteSpace(LogId))
        {
            problems.Add("logId is required: the id of the queue call's log.");
        }
        ValidateIds("queueIds", QueueIds, required: false, problems);
    }

    internal override void AddTo(QueryString query)
    {
        base.AddTo(query);
        query.Add("logId", LogId).Add("queueIds", QueueIds);
    }
}
