using AgentDashboard.Web.Adherence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

internal static class LiveAdherenceExtensions
{
    /// <summary>The live grid's and walls' adherence flags: the <c>Dashboard:Adherence</c> settings and the schedules kept for the boards.</summary>
    public static void AddLiveAdherence(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdherenceOptions>().Bind(builder.Configuration.GetSection(AdherenceOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdherenceOptions>, AdherenceOptionsValidator>());
        builder.Services.AddSingleton<LiveSchedules>();
    }
}

/// <summary>Every problem of the <c>Dashboard:Adherence</c> section, each by its full key.</summary>
internal sealed class AdherenceOptionsValidator : IValidateOptions<AdherenceOptions>
{
    public static readonly TimeSpan LongestGrace = TimeSpan.FromHours(4);

    public ValidateOptionsResult Validate(string? name, AdherenceOptions options) =>
        options.Grace < TimeSpan.Zero || options.Grace > LongestGrace
            ? ValidateOptionsResult.Fail($"{AdherenceOptions.SectionName}:Grace must be from 00:00:00 to 04:00:00 (how long an agent may be out of adherence before the live grid and walls flag it), e.g. 00:05:00; it is {options.Grace}.")
            : ValidateOptionsResult.Success;
}
