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
    /// Microsoft's standard resilience for the calls pages and exports make: up to three retries of a read (GET),
    /// with jittered exponential back-off, on 5xx, 408, time-outs and a 429 whose Retry-After is short (a longer
    /// one comes back at once, as a rate limit in words with its wait); never a retry of a status change (PUT),
    /// which Zoho may have applied. A circuit breaker and the other strategies per user and data centre (one
    /// supervisor's failing calls never stop another's). <c>Zoho:RequestTimeout</c> is the one deadline: the client
    /// owns it over headers and body, and the pipeline's own time-outs sit just outside it. It sits inside the token
    /// handler, so it sees the user's own address.
    /// </summary>
    private static void Resilient(IHttpClientBuilder client) => client.AddStandardResilienceHandler()
        .Configure((resilience, provider) =>
        {
            var limit = provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value.RequestTimeout;
            resilience.TotalRequestTimeout.Timeout = limit + TimeSpan.FromSeconds(1);
            resilience.AttemptTimeout.Timeout = limit + TimeSpan.FromSeconds(1);
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
            resilience.Retry.DisableForUnsafeHttpMethods();
            var transient = resilience.Retry.ShouldHandle;
            resilience.Retry.ShouldHandle = async attempt =>
                !(attempt.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.TooManyRequests } limited && LongWait(limited))
                && await transient(attempt);
            // An outage opens it (four in five of at least ten calls failing), a bad patch (a third failing, a burst of
            // 429s) does not; while it is open (15 s) that user's calls to that data centre fail at once instead of
            // piling onto a failing Zoho.
            resilience.CircuitBreaker.FailureRatio = 0.8;
            resilience.CircuitBreaker.MinimumThroughput = 10;
            resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
            resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * resilience.AttemptTimeout.Timeout);
        })
        .SelectPipelineBy(_ => request =>
            (request.Options.TryGetValue(ZohoOAuthTokenHandler.UserKey, out string? user) ? user : "") + "@" + request.RequestUri?.Authority);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>A 429 asking for a wait longer than a person waits for a page.</summary>
    private static bool LongWait(HttpResponseMessage response) =>
        ZohoFailures.RetryAfterOf(response) > TimeSpan.FromSeconds(5);

    /// <summary>Relative paths resolve under the base URL's path only when it ends in a slash.</summary>
    internal static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
