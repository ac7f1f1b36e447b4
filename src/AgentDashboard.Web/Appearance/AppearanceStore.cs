using AgentDashboard.Web.Store;

namespace AgentDashboard.Web.Appearance;

/// <summary>Each supervisor's choice of light, dark or the system's look, beside their other settings.</summary>
public sealed class AppearanceStore(DashboardDatabase database)
{
    public async Task<ThemeChoice> GetAsync(string zuid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT theme FROM appearance WHERE zuid = @zuid";
        command.With("zuid", zuid);
        return await command.ExecuteScalarAsync(cancellationToken) is string theme && Enum.TryParse<ThemeChoice>(theme, out var choice)
            ? choice
            : ThemeChoice.System;
    }

    public async Task SaveAsync(string zuid, ThemeChoice theme, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO appearance (zuid, theme) VALUES (@zuid, @theme)
            ON CONFLICT (zuid) DO UPDATE SET theme = excluded.theme
            """;
        command.With("zuid", zuid);
        command.With("theme", theme.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
