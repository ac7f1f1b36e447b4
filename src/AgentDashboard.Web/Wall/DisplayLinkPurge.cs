namespace AgentDashboard.Web.Wall;

/// <summary>
/// Deletes display links revoked or expired more than 30 days ago: once as the host starts (before it serves),
/// then every few hours on the dashboard's clock. A failed purge is logged and tried again next time.
/// </summary>
public sealed class DisplayLinkPurge(DisplayLinkStore store, TimeProvider clock, ILogger<DisplayLinkPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PurgeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await PurgeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            int deleted = await store.PurgeAsync(cancellationToken);
            if (deleted > 0) logger.LogInformation("Deleted {Count} display links revoked or expired over 30 days ago.", deleted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not delete old display links ({Error}: {Message}); trying again in {Interval}.", e.GetType().Name, e.Message, Interval);
        }
    }
}
