namespace AgentDashboard.Web.Periods;

internal static class PeriodsExtensions
{
    /// <summary>What the heatmap and overview pages and their exports read, and which queues they cover.</summary>
    public static void AddPeriods(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeriodLoader>();
        builder.Services.AddSingleton<PeriodScope>();
    }
}
