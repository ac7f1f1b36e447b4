namespace AgentDashboard.Web.Adherence;

internal static class AdherenceExtensions
{
    /// <summary>The organisation's schedules, their import, and the timeline's and export's adherence report.</summary>
    public static void AddAdherence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduleStore>();
        builder.Services.AddSingleton<IScheduleSource>(services => services.GetRequiredService<ScheduleStore>());
        builder.Services.AddScoped<ScheduleImport>();
        builder.Services.AddScoped<AdherenceReport>();
    }

    /// <summary><c>GET /export/schedules.csv</c> and <c>GET /export/adherence.csv</c>.</summary>
    public static void MapAdherenceExports(this IEndpointRouteBuilder routes)
    {
        routes.MapScheduleExport();
        routes.MapAdherenceExport();
    }
}
