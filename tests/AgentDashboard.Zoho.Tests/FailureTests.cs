using System.Net;
using System.Net.Sockets;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Http;

namespace AgentDashboard.Zoho.Tests;

/// <summary>Every way a whole call can fail becomes one typed exception whose message a person understands.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private const string Token = "1000.secret-access-token.value";
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<ZohoApiException> FailAsync(TimeSpan? timeout = null) =>
        Assert.ThrowsAsync<ZohoApiException>(() => server.CreateClient(Token, timeout).GetAgentsOnlineStatusAsync(["96000000016003"], Ct));

    private static void AssertSafe(ZohoApiException error)
    {
        Assert.DoesNotContain(Token, error.Message);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at AgentDashboard", error.Message);
        Assert.Equal("agents' online status", error.Operation);
    }

    [Fact]
    public async Task Http_401_with_zoho_invalid_token_code_says_the_session_ended()
    {
        server.RespondWithJson("""{"code":"INVALID_OAUTHTOKEN","message":"invalid oauth token","status":"error"}""", 401);
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatus);
        Assert.Equal("INVALID_OAUTHTOKEN", error.ZohoCode);
        Assert.Equal("invalid oauth token", error.ZohoMessage);
        Assert.Equal("Zoho Voice did not accept the access token for the agents' online status request (HTTP 401 Unauthorized, " +
            "INVALID_OAUTHTOKEN: invalid oauth token). The Zoho session has expired or was revoked; sign in again.", error.Message);
        AssertSafe(error);
    }

    [Fact]
    public async Task An_invalid_token_reported_inside_a_200_is_still_an_invalid_token()
    {
        server.RespondWithJson("""{"code":"INVALID_OAUTHTOKEN","message":"invalid oauth token","status":"FAILURE"}""");
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.HttpStatus);
    }

    [Fact]
    public async Task A_failure_envelope_inside_a_200_is_not_taken_for_data()
    {
        server.RespondWithJson("""{"code":"1003","message":"Agent module is not enabled","status":"FAILURE"}""");
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.Unexpected, error.Kind);
        Assert.Equal("1003", error.ZohoCode);
        Assert.Contains("Zoho Voice reported a failure for the agents' online status request (HTTP 200, 1003: Agent module is not enabled).", error.Message);
    }

    [Fact]
    public async Task Http_403_says_the_user_lacks_role_or_scope()
    {
        server.RespondWithJson("""{"code":"403","message":"You don't have permission to perform this action.","status":"error"}""", 403);
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.Forbidden, error.Kind);
        Assert.Contains("HTTP 403 Forbidden, 403: You don't have permission to perform this action.", error.Message);
        Assert.Contains("lacks the role or the OAuth scope", error.Message);
        AssertSafe(error);
    }

    [Fact]
    public async Task Http_404_points_at_the_data_centre_address()
    {
        server.Respond = context => { context.Response.StatusCode = 404; return Task.CompletedTask; };
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.NotFound, error.Kind);
        Assert.Contains("Check the Voice base URL for the account's data centre", error.Message);
    }

    [Fact]
    public async Task Http_429_carries_retry_after_in_seconds()
    {
        server.Respond = async context =>
        {
            context.Response.Headers.RetryAfter = "7";
            await StubZohoServer.WriteJson(context, """{"code":"TOO_MANY_REQUESTS","message":"Rate limit exceeded","status":"error"}""", 429);
        };
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.True(error.IsTransient);
        Assert.Contains("it asks to wait 7 s before the next one", error.Message);
    }

    [Fact]
    public async Task Http_429_with_a_date_or_without_retry_after()
    {
        server.Respond = context =>
        {
            context.Response.StatusCode = 429;
            // Dated by the server's own clock, a fixed instant: the wait is the difference, whatever day the test runs.
            var sent = new DateTimeOffset(2026, 11, 17, 14, 0, 0, TimeSpan.Zero);
            context.Response.Headers.Date = sent.ToString("R");
            context.Response.Headers.RetryAfter = sent.AddSeconds(30).ToString("R");
            return Task.CompletedTask;
        };
        var dated = await FailAsync();
        Assert.Equal(TimeSpan.FromSeconds(30), dated.RetryAfter);

        server.Respond = context => { context.Response.StatusCode = 429; return Task.CompletedTask; };
        var bare = await FailAsync();
        Assert.Null(bare.RetryAfter);
        Assert.Contains("wait before the next one", bare.Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Http_5xx_is_a_transient_zoho_failure(int status)
    {
        server.RespondWithJson("""{"code":"500","message":"Internal server error","status":"error"}""", status);
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.ServerError, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.HttpStatus);
        Assert.True(error.IsTransient);
        Assert.Contains("The fault is on Zoho's side", error.Message);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(200)]
    public async Task An_html_error_page_is_named_as_such_and_not_echoed(int status)
    {
        server.Respond = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>");
        };
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.HtmlPage, error.Kind);
        Assert.Contains("with an HTML page instead of JSON", error.Message);
        Assert.DoesNotContain("script", error.Message);
        AssertSafe(error);
    }

    [Fact]
    public async Task A_body_cut_off_mid_transfer_is_reported_as_incomplete()
    {
        // Kestrel cannot close a response short of its Content-Length gracefully, so a raw socket does:
        // full headers, part of the body, then an orderly close.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync(Ct);
            var buffer = new byte[8192];
            await socket.ReceiveAsync(buffer, SocketFlags.None, Ct);
            string partial = """{"code":"200","status":"SUCCESS","onlineStatus":[{"agentId":"96000""";
            await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + partial), SocketFlags.None, Ct);
            socket.Shutdown(SocketShutdown.Both);
        });
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => ClientFor(address).GetOwnOnlineStatusAsync(Ct));
        await serve;

        Assert.Equal(ZohoFailureKind.MalformedResponse, error.Kind);
        Assert.Equal("Zoho Voice's answer to the own online status request ended before it was complete (the connection closed mid-answer).", error.Message);
    }

    private static ZohoVoiceClient ClientFor(Uri address)
    {
        var handler = new ZohoOAuthTokenHandler(new StubZohoServer.FixedToken(Token)) { InnerHandler = new SocketsHttpHandler() };
        return ZohoVoiceClient.Over(new HttpClient(handler) { BaseAddress = address },
            Microsoft.Extensions.Options.Options.Create(new ZohoVoiceOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ZohoVoiceClient>.Instance);
    }

    [Fact]
    public async Task Truncated_json_in_a_complete_response_is_malformed()
    {
        server.RespondWithJson("""{"code":"200","status":"SUCCESS","onlineStatus":[{"agentId":"96000""");
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.MalformedResponse, error.Kind);
        Assert.Contains("is not the JSON it documents", error.Message);
    }

    [Fact]
    public async Task A_non_json_body_is_malformed()
    {
        server.Respond = async context =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Service temporarily unavailable");
        };
        var plain = await FailAsync();
        Assert.Equal(ZohoFailureKind.MalformedResponse, plain.Kind);
        Assert.Contains("with text/plain instead of JSON", plain.Message);

        server.RespondWithJson("not json at all");
        var junk = await FailAsync();
        Assert.Equal(ZohoFailureKind.MalformedResponse, junk.Kind);
    }

    [Fact]
    public async Task An_empty_body_is_malformed()
    {
        server.RespondWithJson("");
        var error = await FailAsync();
        Assert.Equal(ZohoFailureKind.MalformedResponse, error.Kind);
        Assert.Contains("with an empty body (HTTP 200 OK)", error.Message);
    }

    [Fact]
    public async Task No_answer_in_time_is_a_time_out()
    {
        server.Respond = async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        };
        var error = await FailAsync(timeout: TimeSpan.FromMilliseconds(300));
        Assert.Equal(ZohoFailureKind.Timeout, error.Kind);
        Assert.Equal("Zoho Voice did not answer the agents' online status request within 0.3 s.", error.Message);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_is_a_time_out()
    {
        server.Respond = async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"code":"200","status":"SUCCESS","onlineStatus":[""");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        };
        var error = await FailAsync(timeout: TimeSpan.FromMilliseconds(500));
        Assert.Equal(ZohoFailureKind.Timeout, error.Kind);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_reported_as_a_failure()
    {
        server.Respond = async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            server.CreateClient().GetAgentsOnlineStatusAsync(["1"], cancel.Token));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_named()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var error = await Assert.ThrowsAsync<ZohoApiException>(() => ClientFor(new Uri($"http://127.0.0.1:{port}/")).GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.Unreachable, error.Kind);
        Assert.Equal($"Could not reach Zoho Voice at http://127.0.0.1:{port} for the own online status request (the connection was refused or dropped).", error.Message);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent_and_the_user_is_told_to_sign_in()
    {
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => server.CreateClient(token: null).GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.NotSignedIn, error.Kind);
        Assert.Contains("sign in with Zoho first", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Per_agent_errors_are_results_not_failures()
    {
        server.RespondWithJson("""
            {"code":"200","status":"SUCCESS","onlineStatus":[
              {"agentId":"1","error":"Invalid agent."},{"agentId":2,"error":"You are not the supervisor of this agent."}]}
            """);
        var answer = await server.CreateClient().GetAgentsOnlineStatusAsync(["1", "2"], Ct);
        Assert.All(answer.Agents, a => Assert.True(a.IsError));
        Assert.Equal("2", answer.Agents[1].AgentId);

        server.RespondWithJson("""
            {"status":"SUCCESS","code":"200","overrideOnlineStatus":[
              {"agentId":"1","status":"error","message":"You don't have permission to perform this action. Please contact your admin."},
              {"agentId":"2","status":"error","message":"Invalid agent."}]}
            """);
        var overridden = await server.CreateClient().OverrideOnlineStatusAsync(["1", "2"], "Available", Ct);
        Assert.All(overridden.Outcomes, o => Assert.False(o.Succeeded));
    }
}
