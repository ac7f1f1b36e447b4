using System.Net;
using System.Text.Json;

namespace AgentDashboard.Simulator.Tests;

/// <summary>Bad requests get Zoho-style errors: HTTP 400 and <c>{"code", "message", "status": "error"}</c>.</summary>
public sealed class BadRequestTests : IAsyncLifetime
{
    private SimulatorHost host = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        host = await SimulatorHost.StartAsync();
        token = (await host.SignInAsync(host.AdminZuid)).AccessToken;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> Cases()
    {
        long now = SimulatorHost.TuesdayMorning.ToUnixTimeMilliseconds(), day = 86_400_000;
        string window = $"fromEpoch={now - day}&toEpoch={now}";
        const string list = "rest/json/zv/metrics/statusaudit/list";
        return new()
        {
            { $"{list}?{window}&tz=UTC", "The parameter agentIds is required." },
            { $"{list}?toEpoch={now}&agentIds=1&tz=UTC", "The parameter fromEpoch is required (epoch milliseconds)." },
            { $"{list}?fromEpoch=yesterday&toEpoch={now}&agentIds=1&tz=UTC", "The parameter fromEpoch must be epoch milliseconds; \"yesterday\" is not." },
            { $"{list}?{window}&agentIds=1", "The parameter tz is required (an IANA time-zone name)." },
            { $"{list}?{window}&agentIds=1&tz=Mars/Base", "The parameter tz \"Mars/Base\" is not a known time zone." },
            { $"{list}?fromEpoch={now}&toEpoch={now - day}&agentIds=1&tz=UTC", "toEpoch must be after fromEpoch." },
            { $"{list}?{window}&agentIds=1&tz=UTC&excludeDays=08", "excludeDays \"08\" may hold only the digits 1-7 (1 = Monday, 7 = Sunday)." },
            { $"{list}?{window}&agentIds=1&tz=UTC&excludeStatus=Lunch", "excludeStatus names \"Lunch\", which is not a status." },
            { $"{list}?fromEpoch={now - 200 * day}&toEpoch={now}&agentIds=1&tz=UTC", "fromEpoch is before the 100 days of history kept." },
            { $"{list}?{window}&agentIds=1&tz=UTC&sortField=Lunch", "sortField \"Lunch\" must be On Call, Offline, On Break, Available, Busy or Working Time." },
            { $"{list}?{window}&agentIds=1&tz=UTC&size=0", "The parameter size must be a whole number of at least 1; \"0\" is not." },
            { $"rest/json/zv/metrics/statusaudit/overview?{window}&tz=UTC", "The parameter agentIds or queueIds is required." },
            { $"rest/json/zv/metrics/statusaudit/list/log?{window}&tz=UTC", "The parameter logId is required (the id of a queue call's log)." },
            { $"rest/json/zv/metrics/statusaudit/list/log?{window}&tz=UTC&logId=nope", "There is no incoming queue call with log id nope between fromEpoch and toEpoch." },
            { "rest/json/zv/api/v2/agents/onlineStatus", "The parameter agentIds (or zuids) is required." },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_gets_a_zoho_style_400_that_says_what_is_wrong(string pathAndQuery, string message)
    {
        using var response = await host.GetAsync(pathAndQuery, token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("INVALID_INPUT", body.GetProperty("code").GetString());
        Assert.Equal("error", body.GetProperty("status").GetString());
        Assert.Equal(message, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_status_that_cannot_be_set_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(host.BaseAddress, "rest/json/zv/api/agents/onlineStatus?status=On%20Call"));
        request.Headers.TryAddWithoutValidation("Authorization", "Zoho-oauthtoken " + token);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("The status \"On Call\" cannot be set; use Available, Busy, Offline or On Break.", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1000.not-a-token")]
    public async Task A_missing_or_unknown_token_gets_401_invalid_oauth_token(string? accessToken)
    {
        using var response = await host.GetAsync("rest/json/zv/api/agents/onlineStatus", accessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("INVALID_OAUTHTOKEN", await response.Content.ReadAsStringAsync());
    }
}
