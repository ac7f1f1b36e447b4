using AgentDashboard.Web.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Tests;

/// <summary>The host serves the repository's top-level wwwroot/ and reads its top-level appsettings.json.</summary>
public sealed class HostLayoutTests : IAsyncLifetime
{
    private DashboardHost host = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => host = await DashboardHost.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Theory]
    [InlineData("app.css", "text/css")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task Static_files_are_the_bytes_of_the_top_level_wwwroot(string file, string mediaType)
    {
        using var response = await http.GetAsync(new Uri(host.Address, file));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        byte[] served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "wwwroot", file)), served);
    }

    [Fact]
    public async Task The_settings_file_read_is_the_top_level_appsettings_json()
    {
        var file = host.App.Services.GetRequiredService<IConfiguration>() is IConfigurationRoot root
            ? root.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>()
                .Single(p => p.Source.Path == "appsettings.json")
            : throw new InvalidOperationException("The host's configuration is not a root.");
        string readFrom = Path.Combine(host.App.Environment.ContentRootPath, file.Source.Path!);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "appsettings.json")), await File.ReadAllBytesAsync(readFrom));
        Assert.Equal("None", host.App.Services.GetRequiredService<IConfiguration>()["Logging:LogLevel:Polly"]); // set by that file only
    }

    [Fact]
    public async Task Blazor_script_is_served()
    {
        using var response = await http.GetAsync(new Uri(host.Address, "_framework/blazor.web.js"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 50_000);
    }

    [Fact]
    public async Task The_first_paint_is_prerendered_with_the_mode()
    {
        string html = await http.GetStringAsync(host.Address);
        Assert.Contains("<h2>Demo mode</h2>", html);
        Assert.Contains("data-interactive=\"false\"", html);
        Assert.Contains("_framework/blazor.web.js", html);
    }

    [Fact]
    public async Task An_unknown_page_says_so_with_404()
    {
        using var response = await http.GetAsync(new Uri(host.Address, "no/such/page"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync()); // a page, not a browser's error
    }
}
