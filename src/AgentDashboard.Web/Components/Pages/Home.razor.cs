using AgentDashboard.Web.Configuration;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Components.Pages;

public partial class Home
{
    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private DateTimeOffset? LastAnswer { get; set; }
    private int Checks { get; set; }

    private string ModeTitle => Options.Value.Mode == DashboardMode.Demo ? "Demo mode" : "Zoho mode";

    private void CheckConnection()
    {
        Checks++;
        LastAnswer = Clock.GetUtcNow();
    }
}
