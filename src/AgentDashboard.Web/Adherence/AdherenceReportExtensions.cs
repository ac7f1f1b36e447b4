namespace AgentDashboard.Web.Adherence;

internal static class AdherenceReportExtensions
{
    /// <summary>The timeline page's and the adherence export's report, over the schedule source AddAdherence registers.</summary>
    public static void AddAdherenceReport(this WebApplicationBuilder builder) => builder.Services.AddScoped<AdherenceReport>();
}
