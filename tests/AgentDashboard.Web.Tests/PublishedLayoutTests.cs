using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// A publish folder carries the top-level appsettings.json and wwwroot/, and the published program reads
/// and serves those copies (the content root is the program's own folder, not the working directory).
/// </summary>
public sealed partial class PublishedLayoutTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "agentdashboard-publish-" + Guid.NewGuid().ToString("N"));
    private Process? server;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }
        server?.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_published_program_serves_its_wwwroot_and_reads_its_appsettings()
    {
        string project = Path.Combine(Repository.Root, "src", "AgentDashboard.Web", "AgentDashboard.Web.csproj");
        var (exit, output) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", folder, "--nologo", "-v", "quiet"], Repository.Root);
        Assert.True(exit == 0, "dotnet publish failed:\n" + output);

        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "wwwroot", "app.css")), File.ReadAllBytes(Path.Combine(folder, "wwwroot", "app.css")));
        // A production host with no mode set does not fall back to the demo: with no client registration it is refused.
        string errors = await RefusedAsync(Start(folder, clientRegistered: false));
        Assert.StartsWith("AgentDashboard cannot start; fix these settings:", errors);
        Assert.Contains("Dashboard:Mode is not set, and a Production host does not fall back to the demo", errors);

        // Prove the published copy is the one read: name the mode there, and the refusal no longer says it is unset.
        string settings = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"AllowedHosts\": \"*\",", "\"AllowedHosts\": \"*\",\n  \"Dashboard\": { \"Mode\": \"Zoho\" },"));

        // Zoho mode without a client registration: refused at start, in words, with no stack trace.
        errors = await RefusedAsync(Start(folder, clientRegistered: false));
        Assert.StartsWith("AgentDashboard cannot start; fix these settings:", errors);
        Assert.Contains("Zoho:ClientId is required when Dashboard:Mode is Zoho", errors);
        Assert.DoesNotContain("Dashboard:Mode is not set", errors);

        // Unreadable values and broken rules in several sections at once: all of them, each by its key.
        errors = await RefusedAsync(Start(folder, clientRegistered: true,
            "--Dashboard:Mode=Demoo", "--Dashboard:Live:PollInterval=soon", "--Zoho:RequestTimeout=-00:00:05", "--Simulator:AgentCount=many"));
        Assert.Contains("Dashboard:Mode is \"Demoo\", which is not one of Demo, Zoho.", errors);
        Assert.Contains("Dashboard:Live:PollInterval is \"soon\", which is not a duration", errors);
        Assert.Contains("Simulator:AgentCount is \"many\", which is not a whole number.", errors);
        errors = await RefusedAsync(Start(folder, clientRegistered: true, "--Zoho:RequestTimeout=-00:00:05", "--Dashboard:Live:MaxBackOff=00:00:01"));
        Assert.Contains("Zoho:RequestTimeout must be at least a second", errors);
        Assert.Contains("Dashboard:Live:MaxBackOff must be at least Dashboard:Live:PollInterval", errors);

        server = Start(folder, clientRegistered: true);
        Uri address = await ReadListeningAddressAsync(server);

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        string page = await http.GetStringAsync("/");
        Assert.Contains("<h2>Zoho mode</h2>", page);
        Assert.Contains("sign in with your Zoho account", page);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "wwwroot", "app.css")), await http.GetByteArrayAsync("/app.css"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/_framework/blazor.web.js")).StatusCode);
    }

    /// <summary>A program that refused to start: exit code 1, and what it said, which never holds a stack trace.</summary>
    private static async Task<string> RefusedAsync(Process refused)
    {
        using (refused)
        {
            string errors = await refused.StandardError.ReadToEndAsync() + await refused.StandardOutput.ReadToEndAsync();
            await refused.WaitForExitAsync();
            Assert.True(refused.ExitCode == 1, $"exit code {refused.ExitCode}: {errors}");
            Assert.DoesNotMatch(@"\n\s+at \S+\(", errors); // no stack frame
            Assert.DoesNotContain("Exception", errors);
            return errors;
        }
    }

    /// <summary>Started from another directory on purpose: the working directory must not matter.</summary>
    private Process Start(string folder, bool clientRegistered, params string[] settings)
    {
        var start = new ProcessStartInfo(Path.Combine(folder, "AgentDashboard.Web"), ["--urls", "http://127.0.0.1:0", "--Dashboard:DataPath", Path.Combine(folder, "data"), .. settings])
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        if (clientRegistered)
        {
            start.Environment["Zoho__ClientId"] = "1000.PUBLISHTEST";
            start.Environment["Zoho__ClientSecret"] = "publish-test-secret";
        }
        return Process.Start(start) ?? throw new InvalidOperationException("The published program did not start.");
    }

    private static async Task<Uri> ReadListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }
        throw new InvalidOperationException("The published program exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningLine();
}
