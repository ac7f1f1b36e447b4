using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Auth;

/// <summary>
/// An open page (a circuit) checks every <see cref="SignInSessionOptions.RevalidationInterval"/> that its sign-in
/// session still holds; when it has ended (sign-out elsewhere, "sign out everywhere") the page's user becomes
/// anonymous, so it shows the sign-in prompt and its Zoho calls stop.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggers, SignInSessions sessions, IOptions<SignInSessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        state.User.Identity?.IsAuthenticated != true
        || await sessions.IsActiveAsync(state.User.FindFirst(SignInSessions.ClaimType)?.Value, state.User.FindFirst(ZohoClaims.Zuid)?.Value, cancellationToken);
}
