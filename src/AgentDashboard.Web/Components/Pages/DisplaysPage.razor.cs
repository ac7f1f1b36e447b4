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
    [Inject] public required DefaultScope Scopes { get; init; }
    [Inject] public required LivePreferenceStore Preferences { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private readonly CancellationTokenSource closing = new();
    private string? zuid;
    private IReadOnlyList<DisplayLink> Links { get; set; } = [];
    private string NewName { get; set; } = "Wall";
    private HashSet<string> NewQueues { get; set; } = new(StringComparer.Ordinal);
    private bool NewRotate { get; set; }
    private int NewRotateSeconds { get; set; } = 20;
    private bool NewCounters { get; set; } = true;
    private int NewLifetime { get; set; }
    private string? Problem { get; set; }
    private (DisplayLink Link, string Url, MarkupString Qr)? Created { get; set; }
    private string? ConfirmingRevoke { get; set; }

    private IReadOnlyList<(string Id, string Name)> QueueList => Scopes.Queues();

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is null || (await Authentication).User.FindFirst(ZohoClaims.Zuid)?.Value is not { } user)
        {
            return;
        }
        zuid = user;
        var saved = await Preferences.GetAsync(user, closing.Token);
        NewQueues = (saved.QueueIds is { Count: > 0 } queues ? queues : QueueList.Select(q => q.Id)).ToHashSet(StringComparer.Ordinal);
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
        var (link, token) = await Store.CreateAsync(zuid!, NewName.Trim(), view, Lifetimes[NewLifetime].Lifetime, closing.Token);
        string url = Navigation.ToAbsoluteUri("/wall/" + token).ToString();
        using var data = new QRCodeGenerator().CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        string svg = new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", drawQuietZones: true);
        Created = (link, url, new MarkupString(svg));
        await ReloadAsync();
    }

    private async Task RevokeAsync(string id)
    {
        await Store.RevokeAsync(zuid!, id, closing.Token);
        ConfirmingRevoke = null;
        if (Created?.Link.Id == id) Created = null;
        await ReloadAsync();
    }

    private void ToggleQueue(string id)
    {
        if (!NewQueues.Remove(id)) NewQueues.Add(id);
    }

    private string QueueNames(WallView view) =>
        string.Join(", ", view.QueueIds.Select(id => QueueList.FirstOrDefault(q => q.Id == id).Name ?? id));

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
