using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Zoho.Tests;

/// <summary>The client as the host registers it: base URL per data centre, token handler, options checked at start.</summary>
public sealed class RegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, string? token = "registered-token")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IZohoAccessTokenSource>(new StubZohoServer.FixedToken(token));
        services.AddZohoVoiceClient(configuration);
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("us", "https://voice.zoho.com/")]
    [InlineData("eu", "https://voice.zoho.eu/")]
    [InlineData("AU", "https://voice.zoho.com.au/")]
    [InlineData("jp", "https://voice.zoho.jp/")]
    public void The_data_centre_picks_the_voice_domain(string dataCentre, string expected)
    {
        using var provider = Build(new() { ["Zoho:DataCentre"] = dataCentre });
        Assert.Equal(new Uri(expected), provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value.ResolveVoiceBaseUrl().AbsoluteUri.TrimEnd('/') + "/" is var url ? new Uri(url) : null);
    }

    [Fact]
    public async Task An_api_base_url_with_a_path_prefix_is_honoured_and_the_token_is_added()
    {
        await using var server = await StubZohoServer.StartAsync();
        server.RespondWithFixture("own-online-status.json");
        using var provider = Build(new() { ["Zoho:ApiBaseUrl"] = server.BaseAddress + "zoho-sim" });

        var client = provider.GetRequiredService<IZohoVoiceClient>();
        var answer = await client.GetOwnOnlineStatusAsync(TestTimeout.Token);

        Assert.Equal("Available", answer.OnlineStatus!.OnlineStatus);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/zoho-sim/rest/json/zv/api/agents/onlineStatus", request.Path);
        Assert.Equal("Zoho-oauthtoken registered-token", request.Authorization);
    }

    [Fact]
    public void Every_bad_setting_is_reported_by_its_full_key()
    {
        using var provider = Build(new()
        {
            ["Zoho:DataCentre"] = "mars",
            ["Zoho:RequestTimeout"] = "00:00:00",
        });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ZohoVoiceOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("Zoho:DataCentre \"mars\" is not one of us, eu, in, au, jp, cn, ca, sa."));
        Assert.Contains(error.Failures, f => f.Contains("Zoho:RequestTimeout must be at least a second"));
    }

    [Fact]
    public void Accounts_hosts_map_to_their_data_centre_and_nothing_else_does()
    {
        Assert.Equal("eu", ZohoDataCentres.FindByAccountsHost("accounts.zoho.eu")?.Code);
        Assert.Equal("ca", ZohoDataCentres.FindByAccountsHost("ACCOUNTS.ZOHOCLOUD.CA")?.Code);
        Assert.Null(ZohoDataCentres.FindByAccountsHost("accounts.zoho.com.evil.example"));
        Assert.Null(ZohoDataCentres.FindByAccountsHost("evil.example"));
    }
}
