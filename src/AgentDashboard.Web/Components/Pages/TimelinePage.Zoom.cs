using AgentDashboard.Core.Timelines;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AgentDashboard.Web.Components.Pages;

/// <summary>
/// Zooming the lanes into a stretch of the day: the span lives in the URL (<c>span=09:00-09:30</c>, clock times in the
/// page's zone), so a refreshed or shared link comes back zoomed. Buttons, keys on the timeline, and a drag across the
/// lanes (wwwroot/js/zoom.js, which puts the dragged span in the URL) all change it.
/// </summary>
public partial class TimelinePage
{
    /// <summary>How far the buttons and arrow keys move the span: a quarter of its length.</summary>
    private const double PanShare = 0.25;

    private TimelineSpan Span { get; set; } = TimelineSpan.WholeDay;

    /// <summary>Why the link's span was not used, in words (the whole day is shown instead).</summary>
    private string? SpanProblem { get; set; }

    private void ReadSpan()
    {
        SpanProblem = null;
        if (string.IsNullOrWhiteSpace(SpanText))
        {
            Span = TimelineSpan.WholeDay;
            return;
        }
        if (TimelineSpan.Parse(SpanText, out var problem) is not { } span)
        {
            (Span, SpanProblem) = (TimelineSpan.WholeDay, $"The link's {problem}, so the whole day is shown.");
            return;
        }
        Span = span;
        // A dragged span comes with seconds and may be under five minutes: the URL says what is shown.
        string written = span.IsWholeDay ? "" : span.ToString();
        if (written != SpanText)
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("span", written.Length == 0 ? null : written), replace: true);
        }
    }

    private void ZoomTo(TimelineSpan span, bool replace = false)
    {
        if (span == Span) return;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("span", span.IsWholeDay ? null : span.ToString()), replace: replace);
    }

    private void ZoomIn() => ZoomTo(Span.ZoomIn());
    private void ZoomOut() => ZoomTo(Span.ZoomOut());
    private void PanEarlier() => ZoomTo(Span.Pan(-PanShare), replace: true);
    private void PanLater() => ZoomTo(Span.Pan(PanShare), replace: true);
    private void WholeDay() => ZoomTo(TimelineSpan.WholeDay);

    /// <summary>Keys anywhere on the timeline (the axis, a lane's segment): + and - zoom, the arrows move, 0 shows the whole day.</summary>
    private void ZoomKey(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "+" or "=": ZoomIn(); break;
            case "-" or "_": ZoomOut(); break;
            case "ArrowLeft": PanEarlier(); break;
            case "ArrowRight": PanLater(); break;
            case "0": WholeDay(); break; // not Escape: that closes a pinned segment's details (tips.js) and must not lose the zoom
        }
    }

    /// <summary>The span in words for the bar and the axis's label: "09:00 – 09:30 (30 min)".</summary>
    private string SpanWords => Span.IsWholeDay ? "Whole day" : $"{TimelineSpan.Clock(Span.StartS)} – {TimelineSpan.Clock(Span.EndS)} ({Span.LengthText})";

    /// <summary>The lanes' grid lines under the ticks of a zoomed axis (the whole day's are every 3 hours in the style sheet).</summary>
    /// A background's percentage position p puts its tile at p × (width − tile), hence first ÷ (1 − step).
    private string? GridStyle => Span.IsWholeDay ? null
        : $"--grid-step: {Css(Span.TickStepS * 100.0 / Span.LengthS)}%; --grid-from: {Css(Span.Ticks().First().Percent / (1 - (double)Span.TickStepS / Span.LengthS))}%";

    private static string Css(double percent) => percent.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
