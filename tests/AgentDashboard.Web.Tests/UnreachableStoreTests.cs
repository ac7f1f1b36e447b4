using System.Net;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Web.Tests;

/// <summary>A PostgreSQL store that cannot be reached at start: the dashboard says so in words, and never its password.</summary>
public sealed class UnreachableStoreTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private readonly int port = DashboardHost.FreePort();
    private DashboardHost host = null!;

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync(
        ["--Dashboard:Store=Postgres", $"--ConnectionStrings:Dashboard=Host=127.0.0.1;Port={port};Username=x;Password=s3cret-value;Database=y"],
        configure: builder => builder.Logging.AddProvider(logs));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void The_host_starts_and_says_in_words_which_store_it_cannot_reach_without_its_password()
    {
        var said = Assert.Single(logs.Lines, line => line.Contains("cannot be reached", StringComparison.Ordinal));
        Assert.Contains($"PostgreSQL database \"y\" on 127.0.0.1:{port}", said);
        Assert.DoesNotContain("   at ", said);
        Assert.DoesNotContain("s3cret-value", logs.All);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/wall/a-token-never-issued-0123456789")]
    public async Task A_page_that_needs_the_store_fails_in_words(string path)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        using var response = await http.GetAsync(path);
        string page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode >= HttpStatusCode.InternalServerError, $"{path} answered {(int)response.StatusCode}: {page[..Math.Min(page.Length, 300)]}");
        Assert.Contains("Something went wrong", page);
        Assert.DoesNotContain("   at ", page);
        Assert.DoesNotContain("Npgsql", page);
        Assert.DoesNotContain("s3cret-value", page);
        Assert.DoesNotContain("s3cret-value", logs.All);
    }

    /// <summary>Data Protection logs "An error occurred while reading the key ring" with the whole exception: it reaches the log in words.</summary>
    [Fact]
    public async Task No_log_line_carries_a_stack_trace()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = host.Address };
        (await http.GetAsync("/signin")).Dispose();
        var traced = logs.Lines.Where(line => line.Contains("   at ", StringComparison.Ordinal))
            .Select(line => line[..Math.Min(line.Length, 160)].Split('\n')[0]).Distinct().ToList();
        Assert.True(traced.Count == 0, "Log lines carry a stack trace:\n" + string.Join("\n", traced));
    }

    [Fact]
    public async Task Readiness_says_the_store_is_failing_in_words_and_answers_503()
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        using var response = await http.GetAsync("/readyz");
        string said = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("not ready\nstore: failing, ", said);
        Assert.Contains("\nsimulator: ok, answered 200", said);
        Assert.DoesNotContain("s3cret-value", said);
        Assert.DoesNotContain("   at ", said);
    }
}
