using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Simulator;

/// <summary>
/// The simulator on its own: <c>dotnet run --project src/AgentDashboard.Simulator -- --urls http://127.0.0.1:5080</c>.
/// Settings come from the command line, e.g. <c>--Simulator:AgentCount 2000 --Simulator:Seed 3</c>.
/// </summary>
public static class SimulatorProgram
{
    public static async Task RunAsync(string[] args) => await Create(args).RunAsync();

    /// <summary>
    /// The standalone simulator, at Zoho's own paths. The test host and the load programs start it here too;
    /// <paramref name="configure"/> runs before the simulator registers, so a clock given there is the one it uses.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null, Action<SimulatorOptions>? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddZohoVoiceSimulator(builder.Configuration, options);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        var app = builder.Build();
        app.MapGet("/", () => "Zoho Voice simulator: Voice calls under /rest/json/zv/, accounts under /oauth/, controls under /sim/.");
        app.MapZohoVoiceSimulator();
        return app;
    }
}
