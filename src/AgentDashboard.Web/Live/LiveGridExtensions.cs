using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Store;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

internal static class LiveGridExtensions
{
    /// <summary>The live grid's feeds and settings.</summary>
    public static void AddLiveGrid(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveFeedOptions>().Bind(builder.Configuration.GetSection(LiveFeedOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveFeedOptions>, LiveFeedOptionsValidator>();
        builder.Services.AddOptions<AlertOptions>().Bind(builder.Configuration.GetSection(AlertOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        if (DashboardOptions.From(builder.Configuration).Store == StoreKind.Postgres)
        {
            builder.Services.AddSingleton<PostgresFeedSharing>();
            builder.Services.AddSingleton<IFeedSharing>(services => services.GetRequiredService<PostgresFeedSharing>());
            builder.Services.AddHostedService(services => services.GetRequiredService<PostgresFeedSharing>());
        }
        else
        {
            builder.Services.AddSingleton<IFeedSharing, SingleInstanceFeedSharing>();
        }
        builder.Services.AddSingleton<LiveFeedHub>();
        builder.Services.AddSingleton<ILiveFeeds>(services => services.GetRequiredService<LiveFeedHub>());
        builder.Services.AddSingleton<LivePreferenceStore>();
    }
}
