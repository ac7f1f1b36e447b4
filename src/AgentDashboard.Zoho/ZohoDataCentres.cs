namespace AgentDashboard.Zoho;

/// <summary>A Zoho data centre: where its users sign in and where its Voice API lives.</summary>
public sealed record ZohoDataCentre(string Code, Uri AccountsUrl, Uri VoiceUrl);

/// <summary>
/// Zoho's data centres. Accounts domains are Zoho's published list; the Voice domains for CN, CA and SA
/// follow the same pattern but are inferred, so <c>Zoho:ApiBaseUrl</c> can override the Voice address.
/// </summary>
public static class ZohoDataCentres
{
    public static IReadOnlyList<ZohoDataCentre> All { get; } =
    [
        new("us", new("https://accounts.zoho.com"), new("https://voice.zoho.com")),
        new("eu", new("https://accounts.zoho.eu"), new("https://voice.zoho.eu")),
        new("in", new("https://accounts.zoho.in"), new("https://voice.zoho.in")),
        new("au", new("https://accounts.zoho.com.au"), new("https://voice.zoho.com.au")),
        new("jp", new("https://accounts.zoho.jp"), new("https://voice.zoho.jp")),
        new("cn", new("https://accounts.zoho.com.cn"), new("https://voice.zoho.com.cn")),
        new("ca", new("https://accounts.zohocloud.ca"), new("https://voice.zohocloud.ca")),
        new("sa", new("https://accounts.zoho.sa"), new("https://voice.zoho.sa")),
    ];

    public static ZohoDataCentre? FindByCode(string? code) =>
        All.FirstOrDefault(dc => string.Equals(dc.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The data centre whose accounts server has exactly this host, or null for any other host.</summary>
    public static ZohoDataCentre? FindByAccountsHost(string? host) =>
        All.FirstOrDefault(dc => string.Equals(dc.AccountsUrl.Host, host, StringComparison.OrdinalIgnoreCase));
}
