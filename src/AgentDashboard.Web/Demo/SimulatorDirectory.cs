using System.Net.Http.Json;
using AgentDashboard.Web.Agents;

namespace AgentDashboard.Web.Demo;

/// <summary>The simulated call centre as its <c>/sim/directory</c> endpoint describes it.</summary>
public sealed record DemoDirectory(string TimeZone, IReadOnlyList<DemoUser> Users, IReadOnlyList<DemoQueue> Queues, IReadOnlyList<DemoAgent> Agents);

public sealed record DemoUser(string Zuid, string AgentId, string Name, string Role);

public sealed record DemoQueue(string Id, string Name, string Strategy, IReadOnlyList<string> Members);

public sealed record DemoAgent(string Id, string Name);

/// <summary>
/// Demo mode's queue source: the embedded simulator's own directory endpoint, asked over HTTP like any other
/// server (Zoho's API has no such call, so this is the simulator's, not the contract's). The centre does not change
/// while the simulator runs, so the first good answer is kept; a failed one is asked again next time.
/// </summary>
public sealed class SimulatorDirectory(IHttpClientFactory http, DemoAddress address, ILogger<SimulatorDirectory> logger) : IQueueSource
{
    public const string HttpClientName = "simulator-directory";

    /// <summary>After a failed answer, callers get none for this long rather than each waiting on another try.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim reading = new(1, 1);
    private DemoDirectory? directory;
    private IReadOnlyList<QueueInfo>? queues; // one list for every page, made from the directory once
    private DateTimeOffset failedAt = DateTimeOffset.MinValue;

    public async Task<DemoDirectory?> GetAsync(CancellationToken cancellationToken)
    {
        if (directory is not null) return directory;
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (directory is not null || DateTimeOffset.UtcNow - failedAt < RetryAfterFailure) return directory;
            var client = http.CreateClient(HttpClientName);
            return directory = await client.GetFromJsonAsync<DemoDirectory>(new Uri(address.Simulator, "sim/directory"), cancellationToken);
        }
        catch (Exception error) when ((error is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException or InvalidOperationException or UriFormatException)
            && !cancellationToken.IsCancellationRequested)
        {
            failedAt = DateTimeOffset.UtcNow;
            logger.LogWarning("The simulator's directory did not answer ({Error}: {Message}); pages show no queues until it does.", error.GetType().Name, error.Message);
            return null;
        }
        finally
        {
            reading.Release();
        }
    }

    public async Task<IReadOnlyList<QueueInfo>> GetQueuesAsync(CancellationToken cancellationToken) =>
        await GetAsync(cancellationToken) is { } known ? queues ??= [.. known.Queues.Select(q => new QueueInfo(q.Id, q.Name))] : [];
}
