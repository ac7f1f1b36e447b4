namespace AgentDashboard.Web.Live;

internal static class LiveGridExtensions
{
    /// <summary>The live grid's feeds, settings and default scope.</summary>
    public static void AddLiveGrid(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveFeedOptions>().Bind(builder.Configuration.GetSection(LiveFeedOptions.SectionName))
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.IdleGrace >= TimeSpan.Zero && o.MaxBackOff >= o.PollInterval,
                "Dashboard:Live:PollInterval must be positive, IdleGrace not negative, and MaxBackOff at least PollInterval.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LiveFeedHub>();
        builder.Services.AddSingleton<DefaultScope>();
        builder.Services.AddSingleton<LivePreferenceStore>();
    }
}
