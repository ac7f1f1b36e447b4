namespace AgentDashboard.Web.Wall;

internal static class WallExtensions
{
    public static void AddWall(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DisplayLinkStore>();
        services.AddOptions<DisplayLinkOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                var admins = configuration.GetSection("Dashboard:Admins");
                admins.Bind(options.Admins);
                // One setting may list several, as an environment variable would: "a@example.com,700100".
                if (admins.Value is { } list) options.Admins.AddRange(list.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                configuration.GetSection("Dashboard:Wall").Bind(options);
            })
            .Validate(o => o.MaxScreensPerLink >= 1, "Dashboard:Wall:MaxScreensPerLink must be 1 or more (the walls one display link may be open on at a time).")
            .ValidateOnStart();
        services.AddSingleton<DisplayAdmins>();
        services.AddSingleton<WallScreens>();
        services.AddHostedService<DisplayLinkPurge>();
    }

    /// <summary>
    /// <c>/healthz</c>: a wall that lost its connection asks this before it reloads, so it never reloads into a
    /// browser error page while the server is still down.
    /// </summary>
    public static void MapWall(this WebApplication app) =>
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().DisableAntiforgery();
}
