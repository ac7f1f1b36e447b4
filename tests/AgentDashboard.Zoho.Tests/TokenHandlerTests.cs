using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho.Tests;

/// <summary>The token handler: whose token, which data centre, and one refresh and retry when Zoho says 401.</summary>
public sealed class TokenHandlerTests : IAsyncLifetime
{
    private StubZohoServer server = null!;
    private static CancellationToken Ct => TestTimeout.Token;

    public async Task InitializeAsync() => server = await StubZohoServer.StartAsync();
    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>Per-user tokens; a refresh hands out the next token and counts itself.</summary>
    private sealed class Tokens(Uri? voice = null) : IZohoAccessTokenSource
    {
        public int Refreshes;
        public readonly List<string?> Users = [];
        private string current = "first";

        public ValueTask<ZohoAccess?> GetAccessAsync(string? userId, CancellationToken cancellationToken)
        {
            lock (Users) Users.Add(userId);
            return ValueTask.FromResult<ZohoAccess?>(new(current + "-" + userId, voice));
        }

        public ValueTask<ZohoAccess?> RefreshAsync(string? userId, string rejectedToken, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Refreshes);
            current = "second";
            return GetAccessAsync(userId, cancellationToken);
        }
    }

    private sealed class User(string id) : IZohoUserContext
    {
        public ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(id);
    }

    private ZohoVoiceClient Client(Tokens tokens, string user, Uri? configuredBase = null)
    {
        var http = new HttpClient(new ZohoOAuthTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = configuredBase ?? server.BaseAddress,
        };
        return ZohoVoiceClient.Over(http, Options.Create(new ZohoVoiceOptions()), NullLogger<ZohoVoiceClient>.Instance, new User(user));
    }

    [Fact]
    public async Task Each_call_carries_the_token_of_the_user_it_is_made_for()
    {
        server.RespondWithFixture("own-online-status.json");
        var tokens = new Tokens();
        await Client(tokens, "67560001").GetOwnOnlineStatusAsync(Ct);
        await Client(tokens, "67560002").GetOwnOnlineStatusAsync(Ct);
        Assert.Equal(["Zoho-oauthtoken first-67560001", "Zoho-oauthtoken first-67560002"], server.Requests.Select(r => r.Authorization));
        Assert.Equal(["67560001", "67560002"], tokens.Users);
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_once_with_the_new_token()
    {
        server.Respond = context => context.Request.Headers.Authorization == "Zoho-oauthtoken first-u1"
            ? StubZohoServer.WriteJson(context, """{"code":"INVALID_OAUTHTOKEN","message":"invalid oauth token","status":"error"}""", 401)
            : StubZohoServer.WriteJson(context, Fixtures.Read("own-online-status.json"));
        var tokens = new Tokens();

        var answer = await Client(tokens, "u1").GetOwnOnlineStatusAsync(Ct);

        Assert.Equal("Available", answer.OnlineStatus!.OnlineStatus);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(["Zoho-oauthtoken first-u1", "Zoho-oauthtoken second-u1"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_second_401_is_the_users_problem_not_a_loop()
    {
        server.RespondWithJson("""{"code":"INVALID_OAUTHTOKEN","message":"invalid oauth token","status":"error"}""", 401);
        var tokens = new Tokens();
        var error = await Assert.ThrowsAsync<ZohoApiException>(() => Client(tokens, "u1").GetOwnOnlineStatusAsync(Ct));
        Assert.Equal(ZohoFailureKind.InvalidToken, error.Kind);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_users_data_centre_decides_where_the_call_goes()
    {
        server.RespondWithFixture("own-online-status.json");
        var tokens = new Tokens(voice: new Uri(server.BaseAddress, "eu-voice"));
        // Configured for another address entirely: the user's data centre wins.
        await Client(tokens, "u1", configuredBase: new Uri("http://127.0.0.1:9/")).GetOwnOnlineStatusAsync(Ct);
        Assert.Equal("/eu-voice/rest/json/zv/api/agents/onlineStatus", Assert.Single(server.Requests).Path);
    }
}
