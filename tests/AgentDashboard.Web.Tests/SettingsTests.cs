using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>Bad settings stop the start with every problem named by its key, all at once (the program prints them and exits 1).</summary>
public sealed class SettingsTests
{
    /// <summary>The settings problems a start with these command-line settings reports; none when it starts.</summary>
    internal static IReadOnlyList<string> Problems(params string[] settings)
    {
        string data = Path.Combine(Path.GetTempPath(), "agentdashboard-settings-" + Guid.NewGuid().ToString("N"));
        try
        {
            DashboardWebApplication.Create(["--urls=http://127.0.0.1:0", $"--Dashboard:DataPath={data}", .. settings]).DisposeAsync().AsTask().Wait();
            return [];
        }
        catch (OptionsValidationException error)
        {
            return [.. error.Failures];
        }
        catch (AggregateException errors) when (errors.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. errors.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Good_settings_start()
    {
        Assert.Empty(Problems("--Dashboard:Mode=demo", "--Dashboard:Live:PollInterval=00:00:05", "--Dashboard:Live:Thresholds:Training:WarningAfter=00:20:00"));
    }

    [Fact]
    public void Every_unreadable_value_is_named_by_its_key()
    {
        var problems = Problems("--Dashboard:Mode=Demoo", "--Dashboard:Live:PollInterval=soon", "--Dashboard:Live:Thresholds:On Break:AlertAfter=half an hour",
            "--Zoho:RequestTimeout=30s", "--Simulator:AgentCount=many", "--Simulator:ControlEndpoints=yes", "--Dashboard:Mode=7");

        Assert.Equal(
        [
            "Dashboard:Mode is \"7\", which is not one of Demo, Zoho.",
            "Dashboard:Live:PollInterval is \"soon\", which is not a duration (hh:mm:ss, e.g. 00:00:30).",
            "Dashboard:Live:Thresholds:On Break:AlertAfter is \"half an hour\", which is not a duration (hh:mm:ss, e.g. 00:00:30).",
            "Zoho:RequestTimeout is \"30s\", which is not a duration (hh:mm:ss, e.g. 00:00:30).",
            "Simulator:AgentCount is \"many\", which is not a whole number.",
            "Simulator:ControlEndpoints is \"yes\", which is not true or false.",
        ], problems);
    }

    [Fact]
    public void Broken_rules_in_several_sections_are_all_named()
    {
        var problems = Problems("--Zoho:RequestTimeout=-00:00:05", "--Dashboard:Live:MaxBackOff=00:00:01",
            "--Dashboard:Live:Thresholds:Busy:WarningAfter=00:20:00", "--Dashboard:Live:Thresholds:Busy:AlertAfter=00:10:00", "--Zoho:DataCentre=mars");

        Assert.Contains("Zoho:RequestTimeout must be at least a second, e.g. 00:00:30.", problems);
        Assert.Contains("Dashboard:Live:MaxBackOff must be at least Dashboard:Live:PollInterval (00:00:10).", problems);
        Assert.Contains("Dashboard:Live:Thresholds:Busy:AlertAfter must be longer than its WarningAfter (00:20:00).", problems);
        Assert.Contains(problems, p => p.StartsWith("Zoho:DataCentre \"mars\" is not one of us, eu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("many", "Dashboard:Wall:MaxScreensPerLink is \"many\", which is not a whole number.")]
    [InlineData("0", "Dashboard:Wall:MaxScreensPerLink must be 1 or more (the walls one display link may be open on at a time).")]
    public void Screens_per_display_link_must_be_a_whole_number_of_at_least_one(string value, string problem)
    {
        Assert.Equal([problem], Problems("--Dashboard:Mode=Demo", $"--Dashboard:Wall:MaxScreensPerLink={value}"));
    }

    [Fact]
    public void Organisation_sign_in_turned_on_without_its_registration_names_every_missing_setting()
    {
        var problems = Problems("--Dashboard:Mode=Demo", "--Dashboard:OrganisationSignIn:Enabled=true", "--Dashboard:OrganisationSignIn:Instance=http://login.example/");

        Assert.Equal(
        [
            "Dashboard:OrganisationSignIn:Instance must be an https:// address such as https://login.microsoftonline.com/ (plain http only on this machine's loopback address).",
            "Dashboard:OrganisationSignIn:TenantId is required: the directory (tenant) id of your organisation.",
            "Dashboard:OrganisationSignIn:ClientId is required: the application (client) id of the dashboard's app registration.",
            "Dashboard:OrganisationSignIn:ClientSecret is required: a client secret of the dashboard's app registration.",
            "Dashboard:OrganisationSignIn:AllowedGroups or Dashboard:OrganisationSignIn:AllowedRoles must name at least one group id or app role; otherwise nobody could use the dashboard.",
        ], problems);
        Assert.Equal(["Dashboard:OrganisationSignIn:Enabled is \"yes\", which is not true or false."], Problems("--Dashboard:Mode=Demo", "--Dashboard:OrganisationSignIn:Enabled=yes"));
    }

    [Fact]
    public void Session_times_too_short_to_work_are_named()
    {
        Assert.Equal(
        [
            "Dashboard:Sessions:RevalidationInterval must be at least a second, e.g. 00:01:00.",
            "Dashboard:Sessions:MaxLifetime must be at least Dashboard:Sessions:IdleLifetime, e.g. 30.00:00:00.",
        ], Problems("--Dashboard:Mode=Demo", "--Dashboard:Sessions:RevalidationInterval=00:00:00", "--Dashboard:Sessions:MaxLifetime=01:00:00"));
        Assert.Equal(["Dashboard:Sessions:IdleLifetime is \"soon\", which is not a duration (hh:mm:ss, e.g. 00:00:30)."],
            Problems("--Dashboard:Mode=Demo", "--Dashboard:Sessions:IdleLifetime=soon"));
    }

    [Fact]
    public void Work_limits_that_cannot_be_read_or_are_below_one_are_named()
    {
        Assert.Equal(["Dashboard:Limits:MaxAgentDays is \"lots\", which is not a whole number."], Problems("--Dashboard:Mode=Demo", "--Dashboard:Limits:MaxAgentDays=lots"));

        var problems = Problems("--Dashboard:Mode=Demo", "--Dashboard:Limits:LongLoadsPerSupervisor=0", "--Dashboard:Limits:WallPerMinute=-5", "--Dashboard:Limits:BusyRetryAfter=00:00:00");

        Assert.Equal(
        [
            "Dashboard:Limits:LongLoadsPerSupervisor must be at least 1 (it is 0).",
            "Dashboard:Limits:WallPerMinute must be at least 1 (it is -5).",
            "Dashboard:Limits:BusyRetryAfter must be at least a second, e.g. 00:00:10.",
        ], problems);
    }

    [Fact]
    public void An_adherence_grace_that_cannot_be_read_or_is_outside_0_to_4_hours_is_named()
    {
        Assert.Empty(Problems("--Dashboard:Mode=Demo", "--Dashboard:Adherence:Grace=04:00:00"));
        Assert.Equal(["Dashboard:Adherence:Grace is \"soon\", which is not a duration (hh:mm:ss, e.g. 00:00:30)."], Problems("--Dashboard:Mode=Demo", "--Dashboard:Adherence:Grace=soon"));
        Assert.Equal(
            ["Dashboard:Adherence:Grace must be from 00:00:00 to 04:00:00 (how long an agent may be out of adherence before the live grid and walls flag it), e.g. 00:05:00; it is 05:00:00."],
            Problems("--Dashboard:Mode=Demo", "--Dashboard:Adherence:Grace=05:00:00"));
        Assert.Equal(
            ["Dashboard:Adherence:Grace must be from 00:00:00 to 04:00:00 (how long an agent may be out of adherence before the live grid and walls flag it), e.g. 00:05:00; it is -00:01:00."],
            Problems("--Dashboard:Mode=Demo", "--Dashboard:Adherence:Grace=-00:01:00"));
    }

    [Fact]
    public void An_alert_repeat_that_cannot_be_read_or_is_under_ten_seconds_is_named()
    {
        Assert.Empty(Problems("--Dashboard:Mode=Demo", "--Dashboard:Alerts:RepeatEvery=00:00:10"));
        Assert.Equal(["Dashboard:Alerts:RepeatEvery is \"often\", which is not a duration (hh:mm:ss, e.g. 00:00:30)."], Problems("--Dashboard:Mode=Demo", "--Dashboard:Alerts:RepeatEvery=often"));
        Assert.Equal(["Dashboard:Alerts:RepeatEvery must be at least 10 seconds, e.g. 00:05:00."], Problems("--Dashboard:Mode=Demo", "--Dashboard:Alerts:RepeatEvery=00:00:09"));
    }
}
