using System.Globalization;
using AgentDashboard.Core.Timelines;
using AgentDashboard.Web.Calls;
using AgentDashboard.Web.Components.Controls;
using AgentDashboard.Zoho.Http;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Why a queue call went as it did: the ringing order with each ring's outcome in words, and every involved agent's
/// status around the call on one time axis. The call is found by its log id within a day, or around a moment
/// (<c>at</c>, epoch ms) when the timeline links here.
/// </summary>
public partial class CallPage : IDisposable
{
    /// <summary>How far either side of <c>at</c> Zoho is asked to look for the call.</summary>
    private static readonly TimeSpan AroundAt = TimeSpan.FromHours(3);

    [Inject] public required CallForensicsLoader Loader { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter] public string? LogId { get; set; }
    [SupplyParameterFromQuery] public string? At { get; set; }
    [SupplyParameterFromQuery] public string? Date { get; set; }
    [SupplyParameterFromQuery] public string? Tz { get; set; }

    private readonly CancellationTokenSource closing = new();
    private CancellationTokenSource? loading;
    private CallForensicsView? Call { get; set; }
    private TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;
    private IReadOnlyList<string> Problems { get; set; } = [];
    private ZohoApiException? LoadError { get; set; }
    private bool Loading { get; set; }
    private bool NotFound { get; set; }

    private string EditLogId { get; set; } = "";
    private string EditDate { get; set; } = "";

    private void SetDay(DateTime? day) => EditDate = day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private DateTime? EditDay => DateTime.TryParseExact(EditDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    protected override async Task OnParametersSetAsync()
    {
        // A newer address supersedes a load still under way: it is cancelled, and what it finds is never shown.
        loading?.Cancel();
        loading?.Dispose();
        loading = null;
        (Loading, Call, Problems, LoadError, NotFound) = (false, null, [], null, false);
        EditLogId = LogId ?? "";
        EditDate = Date ?? "";
        if (!RendererInfo.IsInteractive || string.IsNullOrWhiteSpace(Tz) || string.IsNullOrWhiteSpace(LogId))
        {
            return;
        }
        var (window, problems) = Window();
        if (window is not { } w)
        {
            Problems = problems;
            return;
        }
        loading = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        var load = loading.Token;
        Loading = true;
        try
        {
            var call = await Loader.LoadAsync(LogId.Trim(), w.From, w.To, Zone, load);
            load.ThrowIfCancellationRequested();
            Call = call;
            NotFound = Call is null;
            if (EditDate.Length == 0 && Call?.Entry is { } entry)
            {
                EditDate = LocalDays.DateOf(entry, Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // reached by a link with the call's time
            }
        }
        catch (ZohoQueryException e) when (!load.IsCancellationRequested)
        {
            Problems = e.Problems;
        }
        catch (ZohoApiException e) when (!load.IsCancellationRequested)
        {
            LoadError = e;
        }
        catch (Exception) when (load.IsCancellationRequested)
        {
            return; // superseded or closed: the newer load owns the page
        }
        Loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            await BrowserTimeZone.EnsureInUrlAsync(JS, Navigation, Tz);
        }
    }

    /// <summary>The window to look in: around <c>at</c>, or the local day <c>date</c> (today when neither is given).</summary>
    private ((long From, long To)? Window, IReadOnlyList<string> Problems) Window()
    {
        var problems = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Tz!.Trim(), out var zone) || !zone.HasIanaId)
        {
            return (null, [$"tz \"{Tz}\" is not a known time zone; use an IANA name such as Europe/London."]);
        }
        Zone = zone;
        if (!string.IsNullOrWhiteSpace(At))
        {
            if (!long.TryParse(At, NumberStyles.None, CultureInfo.InvariantCulture, out long at))
            {
                return (null, [$"at \"{At}\" is not a time; it is the call's time in epoch milliseconds, as the timeline's links give it."]);
            }
            long around = (long)AroundAt.TotalMilliseconds;
            return ((at - around, at + around), problems);
        }
        var today = LocalDays.DateOf(Clock.GetUtcNow().ToUnixTimeMilliseconds(), zone);
        var date = today;
        if (!string.IsNullOrWhiteSpace(Date) && !DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return (null, [$"date \"{Date}\" is not a date; write it as yyyy-MM-dd."]);
        }
        if (date > today)
        {
            return (null, [$"{date:yyyy-MM-dd} is in the future in {zone.Id}; there are no calls yet."]);
        }
        return ((LocalDays.StartOf(date, zone), LocalDays.StartOf(date.AddDays(1), zone)), problems);
    }

    private void Find()
    {
        if (string.IsNullOrWhiteSpace(EditLogId))
        {
            Problems = ["Give the call's log id, as Zoho Voice's call log shows it."];
            return;
        }
        var query = new Dictionary<string, object?> { ["date"] = string.IsNullOrWhiteSpace(EditDate) ? null : EditDate, ["tz"] = Tz };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/calls/" + Uri.EscapeDataString(EditLogId.Trim()), query));
    }

    private string Time(long? ms) => ms is { } t ? BrowserTimeZone.Format(t, Zone, "HH:mm:ss") : "—";

    /// <summary>A ring that lost the race to a colleague is not a miss; one that rang out on an unanswered call is.</summary>
    private static string RingClass(CallRing ring, CallForensicsView call) =>
        ring.Answered ? "ring-answered" : ring.RingingMs == 0 ? "ring-skipped" : call.Answered ? "ring-lost" : "ring-missed";

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.#", CultureInfo.CurrentCulture) + " s";

    /// <summary>A position on the call's axis, in percent.</summary>
    private string X(long ms) => Call is not { } c ? "0"
        : (Math.Clamp((ms - c.AxisFrom) * 100.0 / (c.AxisTo - c.AxisFrom), 0, 100)).ToString("0.###", CultureInfo.InvariantCulture);

    private string W(long from, long to) => Call is not { } c ? "0"
        : (Math.Max(0.2, (Math.Min(to, c.AxisTo) - Math.Max(from, c.AxisFrom)) * 100.0 / (c.AxisTo - c.AxisFrom))).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Ticks every minute (or every 5 on a long axis), on whole local minutes.</summary>
    private IEnumerable<long> Ticks()
    {
        if (Call is not { } c) yield break;
        long step = c.AxisTo - c.AxisFrom > 40 * 60_000 ? 300_000 : 60_000;
        for (long t = (c.AxisFrom / step + 1) * step; t < c.AxisTo; t += step) yield return t;
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
        loading?.Dispose();
    }
}
