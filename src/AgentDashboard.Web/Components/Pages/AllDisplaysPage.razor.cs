using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Every supervisor's display links, for the administrators named in <c>Dashboard:Admins</c>: who made each, its
/// state, and revoking any. Anyone else signed in is refused in words, with 403 in the first (server) render, and
/// the links are never read for them.
/// </summary>
public partial class AllDisplaysPage : IDisposable
{
    [Inject] public required DisplayLinkStore Store { get; init; }
    [Inject] public required DisplayAdmins Admins { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required MudBlazor.IDialogService Dialogs { get; init; }
    [Inject] public required MudBlazor.ISnackbar Snackbar { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The request, in the server render only (null once the page is live).</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private readonly CancellationTokenSource closing = new();
    private IReadOnlyList<DisplayLink>? Links { get; set; }
    private bool Refused { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (!await IsAdminAsync())
        {
            Refused = true;
            if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        Links = await Store.ListAllAsync(closing.Token);
    }

    private async Task<bool> IsAdminAsync() => Authentication is not null && Admins.IsAdmin((await Authentication).User);

    /// <summary>Asks first, and checks again that the one asking is still an administrator.</summary>
    private async Task RevokeAsync(DisplayLink link)
    {
        if (!await RevokeLinkQuestion.AskAsync(Dialogs, link, "Its supervisor sees it revoked.")) return;
        if (!await IsAdminAsync())
        {
            Refused = true;
            Links = null;
            return;
        }
        await Store.RevokeAnyAsync(link.Id, closing.Token);
        Snackbar.Add($"\"{link.Name}\" is revoked.", MudBlazor.Severity.Info);
        Links = await Store.ListAllAsync(closing.Token);
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
