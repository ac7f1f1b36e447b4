using AgentDashboard.Simulator.Accounts;
using AgentDashboard.Simulator.Faults;
using AgentDashboard.Simulator.Simulation;
using AgentDashboard.Simulator.Voice;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Simulator;

public static class SimulatorExtensions
{
    /// <summary>Registers the simulated call centre, its accounts server and its faults, configured from the <c>Simulator</c> section.</summary>
    public static IServiceCollection AddZohoVoiceSimulator(this IServiceCollection services, IConfiguration configuration, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName));
        if (configure is not null) options.Configure(configure);
        options.Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Simulator:TimeZone must be an IANA time-zone name.")
            .Validate(o => o.AgentCount is >= 1 and <= 5000, "Simulator:AgentCount must be between 1 and 5000.")
            .Validate(o => o.QueueCount >= 1 && o.SupervisorCount >= 0, "Simulator:QueueCount must be at least 1 and Simulator:SupervisorCount not negative.")
            .Validate(o => o.AccessTokenLifetime > TimeSpan.Zero, "Simulator:AccessTokenLifetime must be longer than zero.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallCentreSimulation>();
        services.TryAddSingleton<TokenStore>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddSingleton<OrganisationDirectory>();
        services.TryAddSingleton<OpenIdTokens>();
        return services;
    }

    /// <summary>
    /// Serves the Voice calls under <c>{prefix}/rest/json/zv/...</c>, the accounts calls under
    /// <c>{prefix}/oauth/...</c>, its directory at <c>{prefix}/sim/directory</c>, its schedules at
    /// <c>{prefix}/sim/schedules.csv</c> and, when
    /// <see cref="SimulatorOptions.ControlEndpoints"/> is on, its controls under <c>{prefix}/sim/...</c>.
    /// Standalone the prefix is empty: Zoho's own paths.
    /// </summary>
    public static IEndpointRouteBuilder MapZohoVoiceSimulator(this IEndpointRouteBuilder routes, string prefix = "")
    {
        prefix = prefix.TrimEnd('/');
        var group = routes.MapGroup(prefix);
        group.MapVoice();
        group.MapAccounts(prefix);
        group.MapDirectory();
        group.MapSchedules();
        if (routes.ServiceProvider.GetRequiredService<IOptions<SimulatorOptions>>().Value.ControlEndpoints)
        {
            group.MapControl();
        }
        return routes;
    }
}
