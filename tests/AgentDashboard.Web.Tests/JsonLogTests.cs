using System.Text.Json;
using AgentDashboard.Web.Auth;
using AgentDashboard.Zoho.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentDashboard.Web.Tests;

/// <summary>The console log: a JSON object a line in Production, plain text in Development; never a stack trace or a secret.</summary>
[Collection(AloneInProcess.Name)]
public sealed class JsonLogTests
{
    /// <summary>What the host wrote to the console from its start to its end (its logger writes on a thread of its own, flushed at disposal).</summary>
    private static async Task<List<string>> ConsoleOfAsync(string[] args, Func<DashboardHost, Task> activity)
    {
        var captured = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            await using (var host = await DashboardHost.StartAsync(args))
            {
                await activity(host);
            }
        }
        finally
        {
            Console.SetOut(original);
        }
        return [.. captured.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    [Fact]
    public async Task A_production_host_writes_one_JSON_object_a_line_in_UTC_without_a_stack_trace()
    {
        var lines = await ConsoleOfAsync([], async host =>
        {
            // A Zoho call for someone with no tokens fails and is logged; so is an exception thrown with a stack trace.
            await Assert.ThrowsAsync<ZohoApiException>(() => host.ZohoClientFor("nobody-signed-in").GetOwnOnlineStatusAsync(CancellationToken.None));
            var logger = host.Services<ILoggerFactory>().CreateLogger("AgentDashboard.Web.Tests");
            try
            {
                throw new InvalidOperationException("the store is gone");
            }
            catch (InvalidOperationException error)
            {
                logger.LogError(error, "Something failed while saving");
            }
        });

        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList(); // every line is JSON
        Assert.All(entries, e =>
        {
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", e.GetProperty("Timestamp").GetString());
            Assert.False(e.TryGetProperty("Exception", out _));
        });
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime");
        Assert.Contains(entries, e => e.GetProperty("LogLevel").GetString() == "Warning"
            && e.GetProperty("Category").GetString() == "AgentDashboard.Zoho.ZohoVoiceClient"
            && e.GetProperty("State").GetProperty("Kind").GetString() == "NotSignedIn");
        var failed = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Something failed while saving"));
        Assert.Equal("Error", failed.GetProperty("LogLevel").GetString());
        Assert.Equal("Something failed while saving (InvalidOperationException: the store is gone)", failed.GetProperty("Message").GetString());
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain(" at AgentDashboard", line);
            Assert.DoesNotContain(".cs:line", line);
            Assert.DoesNotContain(ZohoSignInOptions.DemoClientSecret, line);
        });
    }

    [Fact]
    public async Task A_development_host_keeps_the_plain_console()
    {
        var lines = await ConsoleOfAsync(["--environment=Development"], _ => Task.CompletedTask);

        Assert.Contains(lines, l => l.StartsWith("info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('{'));
    }
}
