using System.Globalization;

namespace AgentDashboard.Zoho.Requests;

/// <summary>A call's query parameters in the order they are added; absent values are left out.</summary>
internal sealed class QueryString
{
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            Parameters[name] = value;
        }
        return this;
    }

    public QueryString Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Zoho's lists are comma-joined in one parameter; an empty list is left out.</summary>
    public QueryString Add(string name, IReadOnlyCollection<string>? values) =>
        Add(name, values is { Count: > 0 } ? string.Join(',', values) : null);

}
