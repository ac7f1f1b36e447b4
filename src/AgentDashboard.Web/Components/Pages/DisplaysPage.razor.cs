using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Auth;
using AgentDashboard.Web.Live;
using AgentDashboard.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using QRCoder;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// A supervisor's display links: make one for a wall monitor (queues, rotation, counters, expiry), see each with
/// when a wall last showed it, and revoke one. A new link's address and QR code are shown once: only a hash is kept.
/// </summary>
public partial class DisplaysPage : IDisposable
{
    private static readonly (string Label, TimeSpan? Lifetime)[] Lifetimes =
        [("Never", null), ("In 1 day", TimeSpan.FromDays(1)), ("In 7 days", TimeSpan.FromDays(7)), ("In 30 days", TimeSpan.FromDays(30)), ("In 90 days", TimeSpan.FromDays(90))];

    [Inject] public required DisplayLinkStore Store { get; init; }
    [Inject] public required QueueCatalogue Catalogue { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required MudBlazor.IDialogService Dialogs { get; init; }
    [Inject] public required MudBlazor.ISnackbar Snackbar { get; init; }
    [Inject] public required DisplayAdmins Admins { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private readonly CancellationTokenSource closing = new();
    private string? zuid, madeBy;
    private bool IsAdmin { get; set; }
    private IReadOnlyList<DisplayLink> Links { get; set; } = [];
    private string NewName { get; set; } = "Wall";
    private HashSet<string> NewQueues { get; set; } = new(StringComparer.Ordinal);
    private bool NewRotate { get; set; }
    private int NewRotateSeconds { get; set; } = 20;
    private bool NewCounters { get; set; } = true;
    private int NewLifetime { get; set; }
    private string? Problem { get; set; }
    private (DisplayLink Link, string Url, MarkupString Qr)? Created { get; set; }

    private IReadOnlyList<QueueInfo> QueueList { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        var principal = Authentication is null ? null : (await Authentication).User;
        if (principal?.FindFirst(ZohoClaims.Zuid)?.Value is not { } user)
        {
            return;
        }
        zuid = user;
        madeBy = principal.Identity?.Name;
        IsAdmin = Admins.IsAdmin(principal);
        QueueList = await Catalogue.AllAsync(closing.Token);
        var saved = await Preferences.GetAsync(user, closing.Token);
        NewQueues = saved.WatchedQueues(QueueList).ToHashSet(StringComparer.Ordinal);
        await ReloadAsync();
    }

    private async Task ReloadAsync() => Links = await Store.ListAsync(zuid!, closing.Token);

    private async Task CreateAsync()
    {
        Problem = NewQueues.Count == 0 ? "Tick at least one queue for the wall to show."
            : string.IsNullOrWhiteSpace(NewName) ? "Give the wall a name, so you can tell your links apart."
            : null;
        if (Problem is not null) return;
        var view = new WallView(QueueList.Select(q => q.Id).Where(NewQueues.Contains).ToList(), NewRotate && NewQueues.Count > 1, Math.Clamp(NewRotateSeconds, 5, 600), NewCounters);
        var (link, token) = await Store.CreateAsync(zuid!, NewName.Trim(), view, Lifetimes[NewLifetime].Lifetime, closing.Token, madeBy);
        string url = Navigation.ToAbsoluteUri("/wall/" + token).ToString();
        using var data = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        string svg = new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", drawQuietZones: true);
        Created = (link, url, new MarkupString(svg));
        Snackbar.Add($"The display link \"{link.Name}\" is ready; copy its address now.", MudBlazor.Severity.Success);
        await ReloadAsync();
    }

    /// <summary>Asks first: a revoked link cannot be brought back, and its wall goes blank at once.</summary>
    private async Task RevokeAsync(DisplayLink link)
    {
        if (!await RevokeLinkQuestion.AskAsync(Dialogs, link)) return;
        await Store.RevokeAsync(zuid!, link.Id, closing.Token);
        if (Created?.Link.Id == link.Id) Created = null;
        Snackbar.Add($"\"{link.Name}\" is revoked.", MudBlazor.Severity.Info);
        await ReloadAsync();
    }

    private void ChooseQueues(IReadOnlyCollection<string>? chosen) => NewQueues = (chosen ?? []).ToHashSet(StringComparer.Ordinal);

    private static MudBlazor.Color StateColour(DisplayLink link, DateTimeOffset now) =>
        link.IsActive(now) ? MudBlazor.Color.Success : MudBlazor.Color.Default;

    private string QueueNames(WallView view) =>
        string.Join(", ", view.QueueIds.Select(id => QueueInfo.NameOf(QueueList, id)));

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
