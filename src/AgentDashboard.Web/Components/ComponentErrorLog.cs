using Microsoft.AspNetCore.Components.Web;

namespace AgentDashboard.Web.Components;

/// <summary>
/// What an error boundary caught, logged in one line: the component's failure and its message, never the stack
/// trace (which can carry values a log should not hold). Scoped like the framework's own, one per circuit.
/// </summary>
internal sealed class ComponentErrorLog(ILogger<ComponentErrorLog> logger) : IErrorBoundaryLogger
{
    public ValueTask LogErrorAsync(Exception exception)
    {
        logger.LogError("A page failed and shows a short notice instead: {Error}: {Message}", exception.GetType().Name, exception.Message);
        return ValueTask.CompletedTask;
    }
}
