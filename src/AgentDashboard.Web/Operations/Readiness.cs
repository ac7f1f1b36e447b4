using System.Diagnostics;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Demo;
using AgentDashboard.Web.Store;
using AgentDashboard.Zoho;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Operations;

/// <summary>
/// <c>GET /readyz</c>, for a load balancer or orchestrator: 200 when the store answers a query and Zoho (in demo mode the
/// embedded simulator) answers over HTTP, else 503; each check on a line in words, with how long it took. Any HTTP
/// answer from Zoho counts (it is reachable); only no answer within <see cref="Timeout"/> does not. <c>/healthz</c>
/// says only that the process is alive.
/// </summary>
internal static class Readiness
{
    public const string HttpClientName = "readiness";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static void AddReadiness(this WebApplicationBuilder builder) =>
        builder.Services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

    public static void MapReadiness(this WebApplication app) =>
        app.MapGet("/readyz", async (HttpContext context, IServiceProvider services) =>
        {
            var store = await CheckAsync("store", () => StoreAsync(services, context.RequestAborted));
            var upstream = await CheckAsync(UpstreamName(services), () => UpstreamAsync(services, context.RequestAborted));
            bool ready = store.Ok && upstream.Ok;
            return Results.Text($"{(ready ? "ready" : "not ready")}\n{store.Line}\n{upstream.Line}\n", "text/plain",
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().DisableAntiforgery();

    private static async Task<(bool Ok, string Line)> CheckAsync(string name, Func<Task<string>> check)
    {
        var took = Stopwatch.StartNew();
        try
        {
            string said = await check();
            return (true, $"{name}: ok, {said} ({took.ElapsedMilliseconds} ms)");
        }
        catch (Exception error)
        {
            // The kind of failure in words; never a stack trace, a connection string or a token.
            string why = error switch
            {
                TaskCanceledException or OperationCanceledException or TimeoutException => $"no answer within {Timeout.TotalSeconds:0} s",
                HttpRequestException http => "not reachable" + (http.HttpRequestError is HttpRequestError.Unknown ? "" : $" ({http.HttpRequestError})"),
                System.Data.Common.DbException => "the database did not answer",
                _ => "the check failed (" + error.GetType().Name + ")",
            };
            return (false, $"{name}: failing, {why} ({took.ElapsedMilliseconds} ms)");
        }
    }

    private static async Task<string> StoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<DashboardDatabase>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await using var connection = await database.OpenAsync(timeout.Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(timeout.Token);
        return database.Kind.ToString();
    }

    private static bool IsDemo(IServiceProvider services) => services.GetRequiredService<IOptions<DashboardOptions>>().Value.Mode == DashboardMode.Demo;

    private static string UpstreamName(IServiceProvider services) => IsDemo(services) ? "simulator" : "zoho";

    /// <summary>The embedded simulator's directory in demo mode; else the Voice domain of the configured data centre.</summary>
    private static async Task<string> UpstreamAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var target = IsDemo(services)
            ? new Uri(services.GetRequiredService<DemoAddress>().Simulator, "sim/directory")
            : services.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value.ResolveVoiceBaseUrl();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        using var response = await http.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return $"answered {(int)response.StatusCode}";
    }
}
