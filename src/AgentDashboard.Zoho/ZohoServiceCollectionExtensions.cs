using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho;

public static class ZohoServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IZohoVoiceClient"/> as a typed client whose base address is the configured data
    /// centre's Voice domain (or <c>Zoho:ApiBaseUrl</c>), with the <c>Zoho-oauthtoken</c> header added from the
    /// registered <see cref="IZohoAccessTokenSource"/>. The caller registers that source.
    /// </summary>
    public static IHttpClientBuilder AddZohoVoiceClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZohoVoiceOptions>()
            .Bind(configuration.GetSection(ZohoVoiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZohoVoiceOptions>, ZohoVoiceOptionsValidator>());
        services.TryAddTransient<ZohoOAuthTokenHandler>();
        return services.AddHttpClient<IZohoVoiceClient, ZohoVoiceClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value;
                http.BaseAddress = WithTrailingSlash(options.ResolveVoiceBaseUrl());
                // The client enforces Zoho:RequestTimeout itself, over headers and body alike.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ZohoOAuthTokenHandler>();
    }

    /// <summary>Relative paths resolve under the base URL's path only when it ends in a slash.</summary>
    internal static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
