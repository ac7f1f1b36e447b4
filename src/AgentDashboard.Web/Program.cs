using AgentDashboard.Web;
using Microsoft.Extensions.Options;

try
{
    var app = DashboardWebApplication.Create(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException error)
{
    // Settings that cannot work: say which, in words, without a stack trace.
    Console.Error.WriteLine("AgentDashboard cannot start: " + string.Join(" ", error.Failures));
    return 1;
}
