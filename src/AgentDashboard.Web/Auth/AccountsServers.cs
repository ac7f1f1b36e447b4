using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Demo;
using AgentDashboard.Zoho;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>Where a sign-in ended up: the accounts server to exchange the code with, and the user's Voice address.</summary>
public sealed record ZohoDataCentreChoice(Uri AccountsServer, Uri VoiceBaseUrl, string Location);

/// <summary>
/// Which accounts servers sign-in may use. The callback's <c>accounts-server</c> and <c>location</c> pick the
/// data centre, but only from an allow-list: Zoho's own accounts servers, the configured one, and in demo mode
/// the embedded simulator. Anything else is refused before a code or secret is sent anywhere.
/// </summary>
public sealed class AccountsServers(IOptions<ZohoSignInOptions> signIn, IOptions<DashboardOptions> dashboard, IOptions<ZohoVoiceOptions> voice)
{
    private static readonly Uri ZohoUs = new("https://accounts.zoho.com");

    /// <summary>Where a sign-in starts: the configured accounts server, or the simulator mounted in this host.</summary>
    public Uri SignInServer(HttpRequest request) => dashboard.Value.Mode == DashboardMode.Demo
        ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{DemoBackend.Prefix}")
        : signIn.Value.AccountsUrl ?? ZohoUs;

    public ZohoDataCentreChoice Resolve(HttpRequest request, string? accountsServer, string? location)
    {
        var own = SignInServer(request);
        var server = accountsServer is null ? own
            : Uri.TryCreate(accountsServer, UriKind.Absolute, out var named) ? named
            : throw new SignInProblemException(SignInProblem.ForeignServer, $"The sign-in answer named \"{accountsServer}\" as its accounts server, which is not an address.");
        var dataCentre = ZohoDataCentres.All.FirstOrDefault(dc => Same(dc.AccountsUrl, server));
        if (dataCentre is null && !Same(own, server))
        {
            throw new SignInProblemException(SignInProblem.ForeignServer,
                $"The sign-in answer named {server.GetLeftPart(UriPartial.Authority)} as its accounts server, which is not one of Zoho's. Nothing was sent to it.");
        }
        if (dataCentre is not null && location is not null && !string.Equals(location, dataCentre.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw new SignInProblemException(SignInProblem.ForeignServer,
                $"The sign-in answer's location \"{location}\" does not match its accounts server {server.Host}. Nothing was sent to it.");
        }
        // A Zoho data centre has its own Voice domain; any other server (the simulator) answers both at one address.
        var voiceBase = voice.Value.ApiBaseUrl ?? dataCentre?.VoiceUrl ?? server;
        return new ZohoDataCentreChoice(server, voiceBase, location ?? dataCentre?.Code ?? "");
    }

    private static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase)
        && a.AbsolutePath.TrimEnd('/') == b.AbsolutePath.TrimEnd('/');
}

/// <summary>Why a sign-in did not complete; each has its own words on the sign-in problem page.</summary>
public enum SignInProblem { Denied, State, ForeignServer, CodeRefused, Unreachable, NeedsOfflineAccess, Other }

public sealed class SignInProblemException(SignInProblem problem, string message) : Exception(message)
{
    public SignInProblem Problem { get; } = problem;
}
