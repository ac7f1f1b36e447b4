using AgentDashboard.Web.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AgentDashboard.Web.Store;

/// <summary>Chooses the store from <c>Dashboard:Store</c>: the SQLite file (default) or PostgreSQL (<c>ConnectionStrings:Dashboard</c>).</summary>
internal static class StoreRegistration
{
    public const string ConnectionStringKey = "ConnectionStrings:Dashboard";

    public static void AddDashboardStore(this WebApplicationBuilder builder)
    {
        var dashboard = DashboardOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<DashboardOptions>>(new StoreSettingsValidator(builder.Configuration[ConnectionStringKey]));
        if (dashboard.Store == StoreKind.Postgres)
        {
            // Made when first asked for, after the settings check has refused a missing or unreadable connection string.
            services.AddSingleton(_ => new PostgresDashboardDatabase(NpgsqlDataSource.Create(builder.Configuration[ConnectionStringKey]!)));
            services.AddSingleton<DashboardDatabase>(sp => sp.GetRequiredService<PostgresDashboardDatabase>());
        }
        else
        {
            services.AddSingleton(DashboardDatabase.InDataFolder(dashboard.ResolveDataPath()));
        }
        services.AddHostedService<StoreStartup>();
    }
}

/// <summary>A PostgreSQL store needs a connection string that reads as one; its password never appears in a message.</summary>
internal sealed class StoreSettingsValidator(string? connectionString) : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (options.Store != StoreKind.Postgres) return ValidateOptionsResult.Success;
        const string key = StoreRegistration.ConnectionStringKey;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail($"Dashboard:Store is Postgres, so {key} must name the database, e.g. Host=db;Username=agentdashboard;Password=...;Database=agentdashboard.");
        }
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(settings.Host)
                ? ValidateOptionsResult.Fail($"{key} names no Host: the PostgreSQL server's name or address.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"{key} is not a PostgreSQL connection string (Host=...;Username=...;Password=...;Database=...).");
        }
    }
}

/// <summary>Migrates the schema as the host starts, and says in words when the store cannot be reached (the dashboard keeps trying on use).</summary>
internal sealed class StoreStartup(DashboardDatabase database, ILogger<StoreStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError("The dashboard's store ({Store}) cannot be reached or migrated: {Error}: {Message}. Pages that need it fail until it can.",
                database.Describe(), error.GetType().Name, error.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
