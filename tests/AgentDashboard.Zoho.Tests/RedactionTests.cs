using AgentDashboard.Zoho.Http;

namespace AgentDashboard.Zoho.Tests;

/// <summary>Records that hold tokens print everything but the tokens, so a log line or an exception message never carries one.</summary>
public sealed class RedactionTests
{
    private const string Access = "1000.access.5f2b9c0e7d";
    private const string Refresh = "1000.refresh.a41d77e0c3";

    [Fact]
    public void A_token_answer_prints_its_other_fields_but_not_its_tokens()
    {
        var answer = new ZohoTokenAnswer { AccessToken = Access, RefreshToken = Refresh, ExpiresIn = 3600, ApiDomain = "https://www.zohoapis.com", Scope = "ZohoVoice.agents.READ" };

        string printed = answer.ToString();

        Assert.DoesNotContain(Access, printed);
        Assert.DoesNotContain(Refresh, printed);
        Assert.Equal("ZohoTokenAnswer { AccessToken = (redacted), RefreshToken = (redacted), ExpiresIn = 3600, "
            + "ApiDomain = https://www.zohoapis.com, Scope = ZohoVoice.agents.READ, Error = , ErrorDescription =  }", printed);
        Assert.Equal(Access, answer.AccessToken); // the values themselves are untouched
    }

    [Fact]
    public void An_error_answer_says_it_has_no_tokens()
    {
        var answer = new ZohoTokenAnswer { Error = "invalid_code" };

        Assert.Contains("AccessToken = (none), RefreshToken = (none)", answer.ToString());
        Assert.Contains("Error = invalid_code", answer.ToString());
    }

    [Fact]
    public void A_users_access_prints_its_data_centre_but_not_its_token()
    {
        var access = new ZohoAccess(Access, new Uri("https://voice.zoho.eu"));

        Assert.Equal("ZohoAccess { AccessToken = (redacted), VoiceBaseUrl = https://voice.zoho.eu/ }", access.ToString());
        Assert.Equal(new ZohoAccess(Access, new Uri("https://voice.zoho.eu")), access); // equality still compares the token
    }
}
