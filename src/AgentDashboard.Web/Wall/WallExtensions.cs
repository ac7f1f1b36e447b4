namespace AgentDashboard.Web.Wall;

internal static class WallExtensions
{
    public static void AddWall(this WebApplicationBuilder builder) => builder.Services.AddSingleton<DisplayLinkStore>();

    /// <summary>
    /// <c>/healthz</c>: a wall that lost its connection asks this before it reloads, so it never reloads into a
    /// browser error page while the server is still down.
    /// </summary>
    public static void MapWall(this WebApplication app) =>
        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().DisableAntiforgery();
}
