using AgentDashboard.Web.Wall;
using MudBlazor;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>The one question asked before a display link is revoked, on the supervisor's page and the admin's.</summary>
internal static class RevokeLinkQuestion
{
    /// <summary>True when the person chose to revoke; <paramref name="more"/> is added to the explanation.</summary>
    public static async Task<bool> AskAsync(IDialogService dialogs, DisplayLink link, string? more = null) =>
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Revoke this display link?",
            Message = $"The wall showing \"{link.Name}\" goes blank within seconds, and the link cannot be used again.{(more is null ? "" : " " + more)}",
            YesText = "Revoke",
            CancelText = "Keep it",
        }) == true;
}
