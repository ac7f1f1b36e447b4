using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Live;

/// <summary>The <c>Dashboard:Alerts</c> section: how the grid's and walls' alerts behave.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Dashboard:Alerts";

    /// <summary>While a condition holds and nobody has silenced it, it alerts again this often.</summary>
    public TimeSpan RepeatEvery { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Every problem of the <c>Dashboard:Alerts</c> section, each by its full key.</summary>
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options) =>
        options.RepeatEvery < TimeSpan.FromSeconds(10)
            ? ValidateOptionsResult.Fail($"{AlertOptions.SectionName}:RepeatEvery must be at least 10 seconds, e.g. 00:05:00.")
            : ValidateOptionsResult.Success;
}
