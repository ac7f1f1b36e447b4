using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

internal static class LiveGridExtensions
{
    /// <summary>The live grid's feeds and settings.</summary>
    public static void AddLiveGrid(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveFeedOptions>().Bind(builder.Configuration.GetSection(LiveFeedOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveFeedOptions>, LiveFeedOptionsValidator>();
        builder.Services.AddSingleton<LiveFeedHub>();
        builder.Services.AddSingleton<ILiveFeeds>(services => services.GetRequiredService<LiveFeedHub>());
        builder.Services.AddSingleton<LivePreferenceStore>();
    }
}
