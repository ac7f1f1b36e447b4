using System.Security.Claims;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// The Zoho user of the current circuit or request. In a circuit it comes from the circuit's authentication
/// state (there is no HttpContext after start); in a plain HTTP endpoint, from the request's user.
/// </summary>
internal sealed class CircuitZohoUser(AuthenticationStateProvider authentication, IHttpContextAccessor http) : IZohoUserContext
{
    public async ValueTask<string?> GetUserIdAsync(CancellationToken cancellationToken)
    {
        ClaimsPrincipal user;
        try
        {
            user = (await authentication.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Not a Blazor render: a minimal API endpoint, which has its request.
            user = http.HttpContext?.User ?? new ClaimsPrincipal();
        }
        return user.FindFirst(ZohoClaims.Zuid)?.Value;
    }
}
