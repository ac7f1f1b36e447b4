using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgentDashboard.Web.Demo;

/// <summary>Where this host serves the embedded simulator, as the dashboard's own server calls it: its first listening address.</summary>
public sealed class DemoAddress(IServer server)
{
    private Uri? simulator;

    /// <summary>The simulator's base address, with a trailing slash. Known once the server listens.</summary>
    public Uri Simulator => simulator ??= new Uri(Listening() + DemoBackend.Prefix + "/");

    private string Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        string address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The dashboard is not listening yet, so its embedded simulator has no address.");
        // A wildcard binding (all interfaces) is reached on the loopback.
        foreach (string any in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            address = address.Replace(any, "://localhost:", StringComparison.Ordinal);
        }
        return address.TrimEnd('/');
    }
}
