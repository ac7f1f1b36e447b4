using AgentDashboard.Core.Live;
using AgentDashboard.Web.Live;
using Microsoft.AspNetCore.Components;

namespace AgentDashboard.Web.Components.Controls;

public partial class LiveBoard
{
    [Parameter, EditorRequired] public required LiveSubscription Subscription { get; set; }
    [Parameter, EditorRequired] public required LiveView View { get; set; }
    [Parameter, EditorRequired] public required Thresholds ChosenThresholds { get; set; }
    [Parameter] public IReadOnlySet<string> Selected { get; set; } = new HashSet<string>();
    [Parameter] public EventCallback<string> OnToggle { get; set; }
    [Parameter] public EventCallback<string> OnStatusToggled { get; set; }

    /// <summary>The name of the queue the view is narrowed to (View.Query.Queue), for the productive share's words.</summary>
    [Parameter] public string? QueueName { get; set; }

    private LiveSubscription? followed;

    private int OverThreshold => Board.Agents.Count(a => Thresholds.LevelOf(a, Now) != ThresholdLevel.None);

    private string InQueue => QueueName is null ? "" : $" in {QueueName}";

    private void TogglePause()
    {
        if (PausedAt is null) Pause();
        else Resume();
    }

    protected override async Task OnParametersSetAsync()
    {
        Now = Clock.GetUtcNow();
        UseThresholds(ChosenThresholds);
        if (!ReferenceEquals(followed, Subscription))
        {
            // Another scope is another feed: show the new one's board.
            followed = Subscription;
            await FollowAsync(Subscription, waitForFirstBoard: true);
        }
    }
}
