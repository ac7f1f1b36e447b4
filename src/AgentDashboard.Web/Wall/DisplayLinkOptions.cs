using System.Security.Claims;
using AgentDashboard.Web.Auth;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Wall;

/// <summary>
/// Who administers display links (<c>Dashboard:Admins</c>) and how many screens one link may be open on at a time
/// (<c>Dashboard:Wall:MaxScreensPerLink</c>).
/// </summary>
public sealed class DisplayLinkOptions
{
    /// <summary>Zoho e-mail addresses or Zoho user ids (zuid) of the supervisors who may list and revoke every supervisor's links.</summary>
    public List<string> Admins { get; set; } = [];

    public int MaxScreensPerLink { get; set; } = 10;
}

/// <summary>The one place that says whether a signed-in supervisor is a display-link administrator.</summary>
public sealed class DisplayAdmins(IOptions<DisplayLinkOptions> options)
{
    public bool IsAdmin(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return false;
        string? zuid = user.FindFirst(ZohoClaims.Zuid)?.Value, email = user.FindFirst(ClaimTypes.Email)?.Value;
        return options.Value.Admins.Any(admin => !string.IsNullOrWhiteSpace(admin)
            && (string.Equals(admin.Trim(), zuid, StringComparison.Ordinal) || string.Equals(admin.Trim(), email, StringComparison.OrdinalIgnoreCase)));
    }
}
