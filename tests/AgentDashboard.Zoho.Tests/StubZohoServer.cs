using System.Collections.Concurrent;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho.Tests;

/// <summary>A real HTTP server on a free loopback port whose answers each test scripts.</summary>
public sealed class StubZohoServer : IAsyncDisposable
{
    private readonly WebApplication app;

    public record Received(string Method, string Path, string Query, string? Authorization, string? Accept);

    private StubZohoServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What the server does with each request; the default answers 404.</summary>
    public Func<HttpContext, Task> Respond { get; set; } = context =>
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static async Task<StubZohoServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StubZohoServer(app);
        app.Run(async context =>
        {
            server.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "", context.Request.Headers.Authorization.ToString(), context.Request.Headers.Accept.ToString()));
            await server.Respond(context);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()?.Addresses.First() ?? throw new InvalidOperationException("The stub server has no address.");
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    /// <summary>Answers every request with this fixture file, as Zoho would (application/json).</summary>
    public void RespondWithFixture(string name) => Respond = context => WriteJson(context, Fixtures.Read(name));

    public void RespondWithJson(string json, int status = 200) => Respond = context => WriteJson(context, json, status);

    public static async Task WriteJson(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(json);
    }

    /// <summary>A client as the dashboard builds one, pointed at this server, with a fixed token.</summary>
    public ZohoVoiceClient CreateClient(string? token = "test-access-token", TimeSpan? timeout = null)
    {
        var handler = new ZohoOAuthTokenHandler(new FixedToken(token)) { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var options = Options.Create(new ZohoVoiceOptions { ApiBaseUrl = BaseAddress, RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) });
        return ZohoVoiceClient.Over(http, options, NullLogger<ZohoVoiceClient>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The same token for every user, or none; it never refreshes.</summary>
    public sealed class FixedToken(string? token) : IZohoAccessTokenSource
    {
        public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(token is null ? null : new ZohoAccess(token));

        public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken) =>
            GetAccessAsync(userId, cancellationToken);
    }
}

internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}

/// <summary>A guard so a broken test fails instead of hanging the run.</summary>
internal static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
