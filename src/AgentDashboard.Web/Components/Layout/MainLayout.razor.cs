using AgentDashboard.Web.Appearance;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AgentDashboard.Web.Components.Layout;

/// <summary>
/// The frame of every page but the wall's: the app bar (own status, the theme switch, the user menu), the
/// navigation drawer, and the page itself inside an error boundary. Light or dark follows the system until the
/// supervisor chooses, and their choice is kept for them.
/// </summary>
public partial class MainLayout
{
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required AppearanceStore Appearance { get; init; }
    [Inject] public required ILogger<MainLayout> Logger { get; init; }
    [Inject] public required IOptions<DashboardOptions> Dashboard { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private MudThemeProvider? themeProvider;
    private ErrorBoundary? boundary;
    private ThemeChoice choice = ThemeChoice.System;
    private bool systemDark;
    private bool drawerOpen = true;
    private string? zuid;

    /// <summary>Nobody should take the simulated centre for the real one: demo mode says so on every page.</summary>
    private bool IsDemo => Dashboard.Value.Mode == DashboardMode.Demo;

    private bool IsDark => choice == ThemeChoice.Dark || (choice == ThemeChoice.System && systemDark);

    private string SignInHref => "/signin?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri));

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null && (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is { } user)
        {
            zuid = user;
            try
            {
                choice = await Appearance.GetAsync(user, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The frame around every page must not fail over a colour: the device's choice it is, for now.
                Logger.LogWarning("Could not read the theme chosen by {Zuid}: {Error}", user, e.GetType().Name);
            }
        }
    }

    /// <summary>A page that failed is tried again when the person navigates (the link in the notice, or anywhere else).</summary>
    protected override void OnParametersSet() => boundary?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && themeProvider is not null)
        {
            systemDark = await themeProvider.GetSystemDarkModeAsync();
            await themeProvider.WatchSystemDarkModeAsync(SystemChangedAsync);
            if (choice == ThemeChoice.System && systemDark) StateHasChanged();
        }
    }

    private Task SystemChangedAsync(bool dark)
    {
        systemDark = dark;
        return InvokeAsync(StateHasChanged);
    }

    private async Task ChooseThemeAsync(ThemeChoice chosen)
    {
        choice = chosen;
        if (zuid is null) return;
        try
        {
            await Appearance.SaveAsync(zuid, chosen, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning("Could not keep the theme chosen by {Zuid}: {Error}", zuid, e.GetType().Name);
        }
    }
}
