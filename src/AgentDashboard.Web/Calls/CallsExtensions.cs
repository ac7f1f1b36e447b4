namespace AgentDashboard.Web.Calls;

internal static class CallsExtensions
{
    /// <summary>The call page's loader.</summary>
    public static void AddCalls(this WebApplicationBuilder builder) => builder.Services.AddScoped<CallForensicsLoader>();
}
