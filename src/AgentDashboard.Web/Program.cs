using AgentDashboard.Web;
using Microsoft.Extensions.Options;

try
{
    var app = DashboardWebApplication.Create(args);
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (SettingsProblems(error) is { Count: > 0 } problems)
{
    // Settings that cannot work: every one by its key, in words, without a stack trace.
    Console.Error.WriteLine("AgentDashboard cannot start; fix these settings:");
    foreach (string problem in problems) Console.Error.WriteLine("  - " + problem);
    return 1;
}

// Start-up validation throws one OptionsValidationException per section, wrapped together when several fail.
static List<string> SettingsProblems(Exception error) => error switch
{
    OptionsValidationException invalid => [.. invalid.Failures],
    AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
        // A section read while validating another reports its failures there too: each problem once.
        [.. many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).Distinct()],
    _ => [],
};
