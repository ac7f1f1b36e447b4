using AgentDashboard.Zoho;
using AgentDashboard.Zoho.Http;
using Microsoft.AspNetCore.Components.Authorization;
using AgentDashboard.Web.Configuration;
using AgentDashboard.Web.Demo;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

public partial class Home
{
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required IZohoVoiceClient Zoho { get; init; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    /// <summary>How the last sign-out went: "1" (tokens gone), "here" (other sign-ins remain), "everywhere".</summary>
    [SupplyParameterFromQuery(Name = "signedOut")] private string? SignedOut { get; set; }
    private string? OwnStatus { get; set; }
    private ZohoApiException? StatusError { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService<SimulatorDirectory>() is { } demo && await demo.GetAsync(CancellationToken.None) is { } directory)
        {
            Centre = new DemoCentre(
                directory.Agents.Count - directory.Users.Count,
                [.. directory.Queues.Select(q => $"{q.Name} ({q.Strategy}, {q.Members.Count} agents)")],
                [.. directory.Users.Select(u => $"{u.Name} ({u.Role.ToLowerInvariant()})")],
                directory.TimeZone);
        }
        if (Authentication is null || (await Authentication).User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        try
        {
            OwnStatus = (await Zoho.GetOwnOnlineStatusAsync(CancellationToken.None)).OnlineStatus?.OnlineStatus ?? "unknown";
        }
        catch (ZohoApiException error)
        {
            StatusError = error;
        }
    }

    private DateTimeOffset? LastAnswer { get; set; }
    private int Checks { get; set; }

    /// <summary>What the embedded simulator's directory says it holds, in demo mode.</summary>
    private sealed record DemoCentre(int AgentCount, IReadOnlyList<string> Queues, IReadOnlyList<string> Users, string TimeZone);

    private DemoCentre? Centre { get; set; }

    private string ModeTitle => Options.Value.Mode == DashboardMode.Demo ? "Demo mode" : "Zoho mode";

    private void CheckConnection()
    {
        Checks++;
        LastAnswer = Clock.GetUtcNow();
    }
}
