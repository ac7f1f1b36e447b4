namespace AgentDashboard.Web.Security;

/// <summary>
/// Every log line names what failed in words: an exception's type and message (and its causes'), never its stack
/// trace, whoever logs it (this code or the framework's, e.g. a key ring that cannot be read while the database is
/// down). Wraps every logging provider registered, the host's and any a test adds.
/// </summary>
internal static class WordsOnlyLogs
{
    public static void KeepStackTracesOutOfLogs(this IServiceCollection services)
    {
        for (int i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.ServiceType != typeof(ILoggerProvider) || registered.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(provider => new Provider(Create(provider, registered)));
        }
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor registered) =>
        (ILoggerProvider)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    /// <summary>"NpgsqlException: Failed to connect to 127.0.0.1:5432 (SocketException: Connection refused)".</summary>
    internal static string InWords(Exception exception)
    {
        string words = $"{exception.GetType().Name}: {exception.Message}";
        return exception.InnerException is { } cause ? $"{words} ({InWords(cause)})" : words;
    }

    private sealed class Provider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null)
            {
                inner.Log(logLevel, eventId, state, null, formatter);
                return;
            }
            inner.Log(logLevel, eventId, state, null, (s, _) => $"{formatter(s, exception)} ({InWords(exception)})");
        }
    }
}
