using System.Globalization;
using System.Text;

namespace AgentDashboard.Zoho.Requests;

/// <summary>Builds a URL query with every value escaped; absent values are left out.</summary>
internal sealed class QueryString
{
    private readonly StringBuilder text = new();

    public QueryString Add(string name, string? value)
    {
        if (value is not null)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
        return this;
    }

    public QueryString Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Zoho's lists are comma-joined in one parameter; an empty list is left out.</summary>
    public QueryString Add(string name, IReadOnlyCollection<string>? values) =>
        Add(name, values is { Count: > 0 } ? string.Join(',', values) : null);

    public override string ToString() => text.ToString();
}
