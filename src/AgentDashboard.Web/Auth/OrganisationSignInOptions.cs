using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// Microsoft Entra ID in front of the dashboard (section <c>Dashboard:OrganisationSignIn</c>), off unless
/// <see cref="Enabled"/>. A person must belong to one of <see cref="AllowedGroups"/> or hold one of
/// <see cref="AllowedRoles"/>; a supervisor then connects Zoho as before.
/// </summary>
public sealed class OrganisationSignInOptions
{
    public const string SectionName = "Dashboard:OrganisationSignIn";

    public bool Enabled { get; set; }

    /// <summary>The authority's base address; with <see cref="TenantId"/> it makes <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The directory (tenant) id of the organisation.</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of the dashboard's app registration.</summary>
    public string? ClientId { get; set; }

    /// <summary>A client secret of the app registration; set it from the environment or a secret store, never in a file.</summary>
    public string? ClientSecret { get; set; }

    public string CallbackPath { get; set; } = "/signin-oidc";
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-oidc";

    /// <summary>Group object ids whose members may use the dashboard (the <c>groups</c> claim).</summary>
    public List<string> AllowedGroups { get; set; } = [];

    /// <summary>App role values whose holders may use the dashboard (the <c>roles</c> claim).</summary>
    public List<string> AllowedRoles { get; set; } = [];

    public static OrganisationSignInOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<OrganisationSignInOptions>() ?? new();

    /// <summary>An authority on this machine over plain HTTP (a local test authority): only there is metadata over HTTP allowed.</summary>
    internal bool IsLocalAuthority =>
        Uri.TryCreate(Instance, UriKind.Absolute, out var instance) && instance.Scheme == Uri.UriSchemeHttp && instance.IsLoopback;
}

/// <summary>Every problem of an enabled organisation sign-in, each by its full key, at start.</summary>
internal sealed class OrganisationSignInOptionsValidator : IValidateOptions<OrganisationSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationSignInOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        const string key = OrganisationSignInOptions.SectionName;
        var problems = new List<string>();
        if (!Uri.TryCreate(options.Instance, UriKind.Absolute, out var instance) || !(instance.Scheme == Uri.UriSchemeHttps || options.IsLocalAuthority))
        {
            problems.Add($"{key}:Instance must be an https:// address such as https://login.microsoftonline.com/ (plain http only on this machine's loopback address).");
        }
        if (string.IsNullOrWhiteSpace(options.TenantId)) problems.Add($"{key}:TenantId is required: the directory (tenant) id of your organisation.");
        if (string.IsNullOrWhiteSpace(options.ClientId)) problems.Add($"{key}:ClientId is required: the application (client) id of the dashboard's app registration.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret)) problems.Add($"{key}:ClientSecret is required: a client secret of the dashboard's app registration.");
        if (options.AllowedGroups.Count == 0 && options.AllowedRoles.Count == 0)
        {
            problems.Add($"{key}:AllowedGroups or {key}:AllowedRoles must name at least one group id or app role; otherwise nobody could use the dashboard.");
        }
        foreach (var (path, setting) in new[] { (options.CallbackPath, "CallbackPath"), (options.SignedOutCallbackPath, "SignedOutCallbackPath") })
        {
            if (!path.StartsWith('/')) problems.Add($"{key}:{setting} must be a path of this site starting with /, not \"{path}\".");
        }
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
