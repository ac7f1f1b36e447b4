using System.Security.Cryptography;

namespace AgentDashboard.Simulator.Accounts;

/// <summary>A person of the simulated organisation directory (as Microsoft Entra ID would describe them in an id token).</summary>
public sealed record OrganisationPerson(string ObjectId, string Name, string Email, string[] Groups, string[] Roles);

/// <summary>
/// The simulated organisation's directory for the OpenID Connect authority: one tenant, a few people, two groups and
/// one app role. One person is in the supervisors' group, one holds the app role only, and one is in neither.
/// </summary>
public sealed class OrganisationDirectory
{
    public const string TenantId = "7e1f0c2a-5b7d-4c3e-9a61-0000000000a1";
    public const string SupervisorsGroup = "3b0c6a4e-1d2f-4e5a-8b7c-00000000b001";
    public const string FinanceGroup = "3b0c6a4e-1d2f-4e5a-8b7c-00000000b002";
    public const string SupervisorRole = "Dashboard.Supervisor";

    public IReadOnlyList<OrganisationPerson> People { get; } =
    [
        new("0a4d6f00-0000-4000-8000-000000000001", "Avery Lane", "avery.lane@org.example", [SupervisorsGroup], []),
        new("0a4d6f00-0000-4000-8000-000000000002", "Jordan Reyes", "jordan.reyes@org.example", [], [SupervisorRole]),
        new("0a4d6f00-0000-4000-8000-000000000003", "Sam Outsider", "sam.outsider@org.example", [FinanceGroup], []),
    ];

    /// <summary>The key id tokens are signed with (RS256), made at start: the authority publishes its public half.</summary>
    public RSA SigningKey { get; } = RSA.Create(2048);

    public const string SigningKeyId = "simulated-organisation-1";

    public OrganisationPerson? Find(string? objectId) => People.FirstOrDefault(p => p.ObjectId == objectId);
}
