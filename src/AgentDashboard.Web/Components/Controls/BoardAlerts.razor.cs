using AgentDashboard.Core.Live;
using AgentDashboard.Web.Agents;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Controls;

public partial class BoardAlerts
{
    public const string Module = "./js/alerts.js";

    /// <summary>The banner names this many conditions at most, then says how many more.</summary>
    public const int MaxListed = 6;

    [Parameter, EditorRequired] public required BoardSnapshot Board { get; set; }
    [Parameter, EditorRequired] public required DateTimeOffset Now { get; set; }
    [Parameter, EditorRequired] public required Thresholds Thresholds { get; set; }

    /// <summary>A wall's link choice (<c>on</c> or <c>sound</c>; anything else is off); null on the grid, where the browser keeps the choice.</summary>
    [Parameter] public string? LinkChoice { get; set; }

    [Parameter] public bool OnWall { get; set; }

    private ElementReference element;
    private IJSObjectReference? module;
    private AlertTracker tracker = null!;
    private IReadOnlyList<QueueInfo> queues = [];
    private List<string> toSound = [];
    private bool enabled, ready, disposed;
    private string? shown;

    protected override async Task OnInitializedAsync()
    {
        tracker = new(Options.Value.RepeatEvery);
        enabled = OnWall && LinkChoice is "on" or "sound";
        queues = await Catalogue.AllAsync(CancellationToken.None);
    }

    protected override void OnParametersSet()
    {
        if (!enabled || Board.AsOf is null || Board.SessionEnded) return; // off: nothing to work out
        var conditions = AlertConditions.Of(Board, Thresholds, Now, id => QueueInfo.NameOf(queues, id));
        foreach (var condition in tracker.Update(conditions, Now)) toSound.Add(condition.Subject);
    }

    /// <summary>Renders again only when what it shows changed, not for each second of the board.</summary>
    protected override bool ShouldRender()
    {
        string now = $"{enabled}|{ready}|{tracker.SilencedCount}|{string.Join('\n', tracker.Showing.Select(c => c.Text))}";
        if (now == shown && toSound.Count == 0) return false;
        shown = now;
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                var imported = await JS.InvokeAsync<IJSObjectReference>("import", Module);
                if (disposed)
                {
                    await imported.DisposeAsync(); // the page went while the module loaded
                    return;
                }
                module = imported;
                await module.InvokeVoidAsync("attach", element);
                if (!OnWall) enabled = await module.InvokeAsync<string?>("stored") == "on";
                await module.InvokeVoidAsync("setSound", element, OnWall ? LinkChoice == "sound" : enabled);
                ready = true;
                if (enabled) OnParametersSet(); // what holds already alerts now
                StateHasChanged();
                return;
            }
            if (module is not null && toSound.Count > 0)
            {
                string[] subjects = [.. toSound];
                toSound.Clear();
                await module.InvokeVoidAsync("alert", element, subjects);
            }
        }
        catch (JSDisconnectedException)
        {
        }
        catch (Exception error) when (error is JSException or TaskCanceledException)
        {
            Logger.LogWarning("Alerts did not reach the browser: {Error}", error.Message.Split('\n')[0]); // never a script's stack
        }
    }

    private async Task ToggleAsync()
    {
        bool on = !enabled;
        if (module is not null)
        {
            await module.InvokeVoidAsync("remember", on);
            await module.InvokeVoidAsync("setSound", element, on); // the click itself lets the browser play sound
        }
        enabled = on;
        tracker = new(Options.Value.RepeatEvery); // turned on, what holds alerts at once; turned off, nothing is kept
        toSound.Clear();
        if (enabled) OnParametersSet();
    }

    private async Task SilenceAsync()
    {
        tracker.Silence();
        toSound.Clear();
        if (module is not null) await module.InvokeVoidAsync("silence", element);
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        try
        {
            if (module is not null)
            {
                await module.InvokeVoidAsync("dispose", element);
                await module.DisposeAsync();
            }
        }
        catch (Exception error) when (error is JSDisconnectedException or JSException or TaskCanceledException)
        {
        }
        module = null;
    }
}
