using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace AgentDashboard.Zoho;

public static class ZohoServiceCollectionExtensions
{
    /// <summary>The key of the Zoho Voice API without retries, for callers that pace and back off themselves (the live feeds).</summary>
    public const string WithoutRetries = "zoho-voice-without-retries";

    /// <summary>
    /// Registers <see cref="IZohoVoiceClient"/> (scoped: it names the scope's user) over the Refit interface
    /// <see cref="IZohoVoiceApi"/>, whose base address is the configured data centre's Voice domain (or
    /// <c>Zoho:ApiBaseUrl</c>), with the <c>Zoho-oauthtoken</c> header added from the registered
    /// <see cref="IZohoAccessTokenSource"/> (the caller registers that source). Its calls are resilient: see
    /// <see cref="Resilient"/>. The same API without retries is registered under the key <see cref="WithoutRetries"/>.
    /// </summary>
    public static void AddZohoVoiceClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ZohoVoiceOptions>()
            .Bind(configuration.GetSection(ZohoVoiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZohoVoiceOptions>, ZohoVoiceOptionsValidator>());
        services.TryAddTransient<ZohoOAuthTokenHandler>();
        services.TryAddScoped<IZohoVoiceClient, ZohoVoiceClient>();
        Resilient(services.AddRefitGeneratedClient<IZohoVoiceApi>().ConfigureHttpClient(ToVoiceDomain).AddHttpMessageHandler<ZohoOAuthTokenHandler>());
        services.AddKeyedRefitGeneratedClient<IZohoVoiceApi>(WithoutRetries, new RefitSettings(), WithoutRetries)
            .ConfigureHttpClient(ToVoiceDomain).AddHttpMessageHandler<ZohoOAuthTokenHandler>();
    }

    private static void ToVoiceDomain(IServiceProvider provider, HttpClient http)
    {
        var options = provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value;
        http.BaseAddress = WithTrailingSlash(options.ResolveVoiceBaseUrl());
        // The client enforces Zoho:RequestTimeout itself, over headers and body alike.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>
    /// Microsoft's standard resilience for the calls pages and exports make: up to three retries with jittered
    /// exponential back-off on 5xx, 408, 429 (after its Retry-After) and time-outs; a circuit breaker and the other
    /// strategies per user and data centre (one supervisor's failing calls never stop another's); and one total
    /// time-out, <c>Zoho:RequestTimeout</c>. It sits inside the token handler, so it sees the user's own address.
    /// </summary>
    private static void Resilient(IHttpClientBuilder client) => client.AddStandardResilienceHandler()
        .Configure((resilience, provider) =>
        {
            var limit = provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value.RequestTimeout;
            resilience.TotalRequestTimeout.Timeout = limit;
            resilience.AttemptTimeout.Timeout = limit / 3;
            resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * resilience.AttemptTimeout.Timeout);
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
        })
        .SelectPipelineBy(_ => request =>
            (request.Options.TryGetValue(ZohoOAuthTokenHandler.UserKey, out string? user) ? user : "") + "@" + request.RequestUri?.Authority);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Relative paths resolve under the base URL's path only when it ends in a slash.</summary>
    internal static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
