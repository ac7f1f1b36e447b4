namespace AgentDashboard.Web.Adherence;

internal static class AdherenceExtensions
{
    /// <summary>The organisation's schedules, their import and the adherence settings.</summary>
    public static void AddAdherence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduleStore>();
        builder.Services.AddSingleton<IScheduleSource>(services => services.GetRequiredService<ScheduleStore>());
        builder.Services.AddScoped<ScheduleImport>();
    }
}
