using AgentDashboard.Web.Configuration;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>The sign-in settings in the <c>Zoho</c> section (the Voice settings share it: see ZohoVoiceOptions).</summary>
public sealed class ZohoSignInOptions
{
    /// <summary>The simulator's demo registration, used in demo mode when no client is configured.</summary>
    public const string DemoClientId = "1000.SIMULATORDEMO";
    public const string DemoClientSecret = "simulator-demo-secret";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where people sign in (Zoho mode): Zoho's US accounts server unless set. Any server honouring the contract works.</summary>
    public Uri? AccountsUrl { get; set; }

    /// <summary>Comma-separated, as Zoho writes them: the seven Voice calls' scopes and the profile for user info.</summary>
    public string Scopes { get; set; } = "ZohoVoice.agents.READ,ZohoVoice.agents.UPDATE,ZohoVoice.sdk.READ,AaaServer.profile.READ";
}

/// <summary>In Zoho mode the client registration is required; every missing key is named.</summary>
internal sealed class ZohoSignInOptionsValidator(IOptions<DashboardOptions> dashboard) : IValidateOptions<ZohoSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, ZohoSignInOptions options)
    {
        if (dashboard.Value.Mode != DashboardMode.Zoho) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId)) problems.Add("Zoho:ClientId is required when Dashboard:Mode is Zoho (the client id from Zoho's API console).");
        if (string.IsNullOrWhiteSpace(options.ClientSecret)) problems.Add("Zoho:ClientSecret is required when Dashboard:Mode is Zoho.");
        if (options.AccountsUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"Zoho:AccountsUrl \"{url}\" must be an absolute http or https address.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
