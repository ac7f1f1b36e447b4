using AgentDashboard.Web.Live;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Agents;

/// <summary>A queue a supervisor can watch: Zoho's id and a name for people.</summary>
public sealed record QueueInfo(string Id, string Name)
{
    /// <summary>The name of queue <paramref name="id"/> among <paramref name="queues"/>; the id itself for a queue not among them.</summary>
    public static string NameOf(IReadOnlyList<QueueInfo> queues, string id) => queues.FirstOrDefault(q => q.Id == id)?.Name ?? id;
}

/// <summary>Where the catalogue's queues come from: configuration against Zoho, the simulator's directory in demo mode.</summary>
public interface IQueueSource
{
    Task<IReadOnlyList<QueueInfo>> GetQueuesAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Every queue the dashboard knows, for every page: what a first-time viewer watches, the pickers' choices and
/// the names of the ids in links. Zoho's API cannot list queues, so against Zoho they are configured
/// (<c>Dashboard:Live:Queues</c>, named by <c>Dashboard:Live:QueueNames</c>).
/// </summary>
public sealed class QueueCatalogue(IQueueSource source)
{
    public Task<IReadOnlyList<QueueInfo>> AllAsync(CancellationToken cancellationToken) => source.GetQueuesAsync(cancellationToken);

    /// <summary>Every queue, so a supervisor who has not chosen sees every agent Zoho lets them see.</summary>
    public async Task<LiveScope> EverythingAsync(CancellationToken cancellationToken) =>
        LiveScope.Queues([.. (await AllAsync(cancellationToken)).Select(q => q.Id)]);
}

/// <summary>The queues of <c>Dashboard:Live:Queues</c>, in that order.</summary>
public sealed class ConfiguredQueues(IOptions<LiveFeedOptions> options) : IQueueSource
{
    public Task<IReadOnlyList<QueueInfo>> GetQueuesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<QueueInfo>>(
        [.. options.Value.Queues.Select(id => new QueueInfo(id, options.Value.QueueNames.GetValueOrDefault(id, id)))]);
}
