using System.Net;
using System.Net.Sockets;

namespace AgentDashboard.Testing;

/// <summary>
/// A load balancer in miniature, for tests and the scale-out benchmark: a TCP port that forwards each connection to the
/// first of its dashboard instances that accepts it. A browser that uses one such port stays on one instance (sticky)
/// until that instance goes away, and then lands on the next: what the sample's nginx does with its cookie.
/// </summary>
public sealed class FailoverProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> instances;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    /// <param name="instances">The instances in order of preference.</param>
    public FailoverProxy(IReadOnlyList<Uri> instances)
    {
        this.instances = instances;
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            foreach (var instance in instances)
            {
                using var upstream = new TcpClient();
                try
                {
                    await upstream.ConnectAsync(instance.Host, instance.Port, stopping.Token);
                }
                catch (SocketException)
                {
                    continue; // gone: the next one
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await using var fromClient = client.GetStream();
                await using var toInstance = upstream.GetStream();
                // Either side closing ends both, as a balancer drops a connection whose instance went away.
                await Task.WhenAny(CopyAsync(fromClient, toInstance), CopyAsync(toInstance, fromClient));
                return;
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, stopping.Token);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        await accepting;
    }
}
