using System.Net;
using AgentDashboard.Web.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Security;

/// <summary>
/// Behind a TLS-terminating reverse proxy the dashboard must see the browser's scheme and host, or the OAuth
/// redirect URI it sends to Zoho would be <c>http://</c>. X-Forwarded-For/Proto/Host are believed only from the
/// proxies named in <c>Dashboard:KnownProxies</c> and <c>Dashboard:KnownNetworks</c>; from anyone else they are
/// ignored (the framework's default of trusting loopback is dropped too). The forwarded host must also be one of
/// <c>AllowedHosts</c> when that lists names.
/// </summary>
internal static class ProxyHeaders
{
    public static void AddProxyHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, ProxySettingsValidator>();
        var dashboard = DashboardOptions.From(builder.Configuration);
        string allowedHosts = builder.Configuration["AllowedHosts"] ?? "*";
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (string proxy in dashboard.KnownProxies)
            {
                if (IPAddress.TryParse(proxy.Trim(), out var address)) forwarded.KnownProxies.Add(address);
            }
            foreach (string network in dashboard.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network.Trim(), out var range)) forwarded.KnownIPNetworks.Add(range);
            }
            foreach (string host in allowedHosts.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (host != "*") forwarded.AllowedHosts.Add(host);
            }
        });
    }

    /// <summary>
    /// Runs first among the dashboard's middleware, so scheme, host and client address are the browser's from then on.
    /// Only when a proxy is named: with both lists empty the framework would believe the headers from anyone.
    /// </summary>
    public static void UseProxyHeaders(this WebApplication app)
    {
        var dashboard = DashboardOptions.From(app.Configuration);
        if (dashboard.KnownProxies.Count > 0 || dashboard.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    private sealed class ProxySettingsValidator : IValidateOptions<DashboardOptions>
    {
        public ValidateOptionsResult Validate(string? name, DashboardOptions options)
        {
            var problems = new List<string>();
            for (int i = 0; i < options.KnownProxies.Count; i++)
            {
                if (!IPAddress.TryParse(options.KnownProxies[i].Trim(), out _))
                {
                    problems.Add($"{DashboardOptions.SectionName}:KnownProxies:{i} is \"{options.KnownProxies[i]}\", which is not an IP address such as 10.0.0.5.");
                }
            }
            for (int i = 0; i < options.KnownNetworks.Count; i++)
            {
                if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i].Trim(), out _))
                {
                    problems.Add($"{DashboardOptions.SectionName}:KnownNetworks:{i} is \"{options.KnownNetworks[i]}\", which is not a network such as 10.0.0.0/8.");
                }
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
