using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho;

/// <summary>The Voice API settings in the <c>Zoho</c> section of appsettings.json.</summary>
public sealed class ZohoVoiceOptions
{
    public const string SectionName = "Zoho";

    /// <summary>Data centre code (us, eu, in, au, jp, cn, ca, sa) whose Voice domain is used.</summary>
    public string DataCentre { get; set; } = "us";

    /// <summary>Overrides the data centre's Voice domain: any server that honours the contract.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The longest one call may take, body included.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri ResolveVoiceBaseUrl() =>
        ApiBaseUrl ?? ZohoDataCentres.FindByCode(DataCentre)?.VoiceUrl
        ?? throw new InvalidOperationException($"Zoho:DataCentre \"{DataCentre}\" is not a known Zoho data centre.");
}

/// <summary>Reports every problem of the Zoho section at start-up, each by its full key.</summary>
internal sealed class ZohoVoiceOptionsValidator : IValidateOptions<ZohoVoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, ZohoVoiceOptions options)
    {
        var problems = new List<string>();
        if (options.ApiBaseUrl is null && ZohoDataCentres.FindByCode(options.DataCentre) is null)
        {
            problems.Add($"Zoho:DataCentre \"{options.DataCentre}\" is not one of {string.Join(", ", ZohoDataCentres.All.Select(d => d.Code))}.");
        }
        if (options.ApiBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"Zoho:ApiBaseUrl \"{url}\" must be an absolute http or https address.");
        }
        if (options.RequestTimeout < TimeSpan.FromSeconds(1))
        {
            problems.Add("Zoho:RequestTimeout must be at least a second, e.g. 00:00:30.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
