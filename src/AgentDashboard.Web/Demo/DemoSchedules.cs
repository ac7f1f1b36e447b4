using System.Globalization;
using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;

namespace AgentDashboard.Web.Demo;

/// <summary>
/// Demo mode's schedules: the simulator's planned shifts, read as canonical CSV from its own
/// <c>/sim/schedules.csv</c> over HTTP and imported like any file, so adherence has figures from the first run.
/// It fills the store from <see cref="DaysBack"/> ago to <see cref="DaysAhead"/> ahead on an empty store, then only
/// the days after the last stored one, once a day: a schedule someone imported is never overwritten.
/// </summary>
public sealed class DemoSchedules(IHttpClientFactory http, DemoAddress address, SimulatorDirectory directory, ScheduleStore store,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DemoSchedules> logger) : BackgroundService
{
    public const int DaysBack = 35;
    public const int DaysAhead = 14;

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(15);

    /// <summary>Completes once the first load has been stored (or found unnecessary).</summary>
    public Task Loaded => loaded.Task;

    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The simulator answers on this host's own address, known once the server listens.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try { await started.Task; } catch (TaskCanceledException) { return; }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromHours(24);
            try
            {
                await LoadAsync(stoppingToken);
                loaded.TrySetResult();
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                wait = RetryAfterFailure;
                logger.LogWarning("The simulator's schedules were not loaded ({Error}: {Message}); trying again in {Wait}.", error.GetType().Name, error.Message, wait);
            }
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var centre = await directory.GetAsync(cancellationToken) ?? throw new InvalidOperationException("the simulator's directory did not answer");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(centre.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var (from, to) = (today.AddDays(-DaysBack), today.AddDays(DaysAhead));
        var summary = await store.SummaryAsync(cancellationToken);
        if (summary.To is { } storedTo)
        {
            // The day after the one the last stored stretch ended in (its end is not in it: a stretch to midnight ends that day).
            var after = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(storedTo - 1), zone).DateTime).AddDays(1);
            if (after > from) from = after;
        }
        if (from > to) return;
        var client = http.CreateClient(SimulatorDirectory.HttpClientName);
        string query = $"sim/schedules.csv?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        using var response = await client.GetAsync(new Uri(address.Simulator, query), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var file = ScheduleCsv.Parse(reader, zone);
        if (!file.IsGood) throw new InvalidDataException($"the simulator's schedule file has {file.Problems.Count} problems, the first: {file.Problems[0]}");
        var stored = await store.ImportAsync([.. file.Rows.Select(r => new ScheduledActivity(r.Agent, r.Start, r.End, r.Activity))], cancellationToken);
        logger.LogInformation("Loaded the simulator's schedules from {From} to {To}: {Stretches} stretches for {Agents} agents.", from, to, stored.Stretches, stored.Agents);
    }
}
