using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgentDashboard.Web.Demo;

/// <summary>
/// Where this host serves the embedded simulator for calls the server makes to it (its directory): the first
/// listening address, http preferred. Sign-in sends browsers to the address they came in on instead
/// (<see cref="Auth.AccountsServers"/>), which a proxy may have changed.
/// </summary>
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
        // A wildcard binding (all interfaces) is reached on the loopback of its own family.
        foreach (var (any, loopback) in new[] { ("://+:", "://127.0.0.1:"), ("://*:", "://127.0.0.1:"), ("://0.0.0.0:", "://127.0.0.1:"), ("://[::]:", "://[::1]:") })
        {
            address = address.Replace(any, loopback, StringComparison.Ordinal);
        }
        return address.TrimEnd('/');
    }
}
