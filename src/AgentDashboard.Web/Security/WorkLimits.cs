using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Security;

/// <summary>
/// The <c>Dashboard:Limits</c> section: how much one request may ask of Zoho and of this server. Timelines, their exports and
/// the period pages read Zoho for agents x days; a supervisor runs a few of those at a time; the rate limits per
/// client address are in <see cref="RateLimits"/>.
/// </summary>
public sealed class WorkLimits
{
    public const string SectionName = "Dashboard:Limits";

    /// <summary>
    /// Agents times days one timeline or timeline export may cover (e.g. 100 agents for 20 days): it reads every
    /// status change, some tens per agent and day.
    /// </summary>
    public int MaxAgentDays { get; set; } = 2000;

    /// <summary>
    /// Agents times days one heatmap, overview or their export may cover: Zoho sends a few figures per agent and day,
    /// so a 500-agent call centre over the 93 days allowed (46,500) fits.
    /// </summary>
    public int MaxPeriodAgentDays { get; set; } = 50_000;

    /// <summary>Long loads (timelines, period pages, exports) one supervisor may run at once, over every tab.</summary>
    public int LongLoadsPerSupervisor { get; set; } = 2;

    /// <summary>What an export answers in Retry-After when the supervisor's long loads are all in use.</summary>
    public TimeSpan BusyRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sign-in starts and callbacks per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Wall pages (<c>/wall/...</c>) opened per client address per minute.</summary>
    public int WallPerMinute { get; set; } = 120;

    /// <summary>CSV exports per client address per minute.</summary>
    public int ExportsPerMinute { get; set; } = 30;

    /// <summary>The problem in words when <paramref name="agents"/> over <paramref name="days"/> is more than one request of that kind may read, else null.</summary>
    public string? SizeProblem(WorkKind kind, int agents, int days)
    {
        int limit = kind is WorkKind.StatusChanges ? MaxAgentDays : MaxPeriodAgentDays;
        return (long)agents * days <= limit ? null
            : $"{agents:N0} agents over {days} days is {(long)agents * days:N0} agent-days; at most {limit:N0} can be read at once. Pick fewer agents or a shorter range.";
    }
}

/// <summary>What a request reads from Zoho, for its size limit.</summary>
public enum WorkKind
{
    /// <summary>Every status change (timelines and their exports).</summary>
    StatusChanges,
    /// <summary>Figures per agent and day (heatmap, overview and their exports).</summary>
    PeriodFigures,
}

/// <summary>A supervisor's long loads are all in use; <see cref="Exception.Message"/> says so in words.</summary>
public sealed class TooManyLoadsException(int limit, TimeSpan retryAfter)
    : Exception($"You already have {limit} long loads running (timelines, period pages or exports, in any tab); wait for one to finish, then try again.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Counts each supervisor's long loads in flight and refuses one beyond <see cref="WorkLimits.LongLoadsPerSupervisor"/>.</summary>
public sealed class LongLoads(IOptions<WorkLimits> options)
{
    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);

    /// <summary>Takes one of the supervisor's slots until the returned lease is disposed, or throws <see cref="TooManyLoadsException"/>.</summary>
    public IDisposable Enter(string zuid)
    {
        var limits = options.Value;
        while (true)
        {
            int now = running.GetOrAdd(zuid, 0);
            if (now >= limits.LongLoadsPerSupervisor)
            {
                throw new TooManyLoadsException(limits.LongLoadsPerSupervisor, limits.BusyRetryAfter);
            }
            if (running.TryUpdate(zuid, now + 1, now))
            {
                return new Lease(this, zuid);
            }
        }
    }

    /// <summary>The supervisor's long loads in flight now.</summary>
    internal int Running(string zuid) => running.GetValueOrDefault(zuid);

    private void Leave(string zuid)
    {
        while (true)
        {
            int now = running[zuid];
            if (now == 1 ? running.TryRemove(new KeyValuePair<string, int>(zuid, 1)) : running.TryUpdate(zuid, now - 1, now))
            {
                return;
            }
        }
    }

    private sealed class Lease(LongLoads owner, string zuid) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) owner.Leave(zuid);
        }
    }
}

internal static class WorkLimitsExtensions
{
    public static void AddWorkLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkLimits>().Bind(builder.Configuration.GetSection(WorkLimits.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WorkLimits>, WorkLimitsValidator>();
        builder.Services.AddSingleton<LongLoads>();
        builder.AddRateLimits();
    }
}

/// <summary>Every limit at least 1 (and a Retry-After of at least a second), each problem named by its key.</summary>
internal sealed class WorkLimitsValidator : IValidateOptions<WorkLimits>
{
    public ValidateOptionsResult Validate(string? name, WorkLimits limits)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new (string, int)[]
        {
            (nameof(limits.MaxAgentDays), limits.MaxAgentDays), (nameof(limits.MaxPeriodAgentDays), limits.MaxPeriodAgentDays),
            (nameof(limits.LongLoadsPerSupervisor), limits.LongLoadsPerSupervisor), (nameof(limits.SignInPerMinute), limits.SignInPerMinute),
            (nameof(limits.WallPerMinute), limits.WallPerMinute), (nameof(limits.ExportsPerMinute), limits.ExportsPerMinute),
        })
        {
            if (value < 1) problems.Add($"{WorkLimits.SectionName}:{key} must be at least 1 (it is {value}).");
        }
        if (limits.BusyRetryAfter < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{WorkLimits.SectionName}:{nameof(limits.BusyRetryAfter)} must be at least a second, e.g. 00:00:10.");
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
