using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AgentDashboard.Web.Components.Controls;

/// <summary>Pages that show local times default to the supervisor's own zone, as their browser knows it.</summary>
public static class BrowserTimeZone
{
    private static readonly string[] Zones = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/')).Select(z => z.Id).Order().ToArray();

    /// <summary>The IANA zones whose names hold <paramref name="text"/>, for a zone field's suggestions.</summary>
    public static Task<IEnumerable<string>> FindZonesAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? Zones : Zones.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Puts the browser's zone in the URL as <c>tz</c> (replacing the history entry) when the URL has none.</summary>
    public static async Task EnsureInUrlAsync(IJSRuntime js, NavigationManager navigation, string? tz)
    {
        if (!string.IsNullOrWhiteSpace(tz))
        {
            return;
        }
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/zone.js");
        string zone = await module.InvokeAsync<string>("timeZone");
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("tz", string.IsNullOrWhiteSpace(zone) ? "UTC" : zone), replace: true);
    }

    public static string Format(long epochMs, TimeZoneInfo zone, string format) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(epochMs), zone).ToString(format);
}
