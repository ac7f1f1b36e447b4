namespace AgentDashboard.Zoho.Requests;

/// <summary>A request that cannot be sent as it stands. <see cref="Problems"/> lists every problem, not just the first.</summary>
public sealed class ZohoQueryException(string operation, IReadOnlyList<string> problems)
    : ArgumentException($"The {operation} request cannot be sent: {string.Join(" ", problems)}")
{
    public string Operation { get; } = operation;
    public IReadOnlyList<string> Problems { get; } = problems;
}
