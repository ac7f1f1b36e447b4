namespace AgentDashboard.Core;

/// <summary>
/// What the dashboard knows of one status: its name, its place in lists, whether it counts toward Working Time, a
/// style key (the stylesheet's <c>st-</c> class without the prefix), a colour for charts and a short name for tight
/// columns. <see cref="Hue"/> is set only for a custom status: one of <see cref="StatusCatalogue.CustomHues"/> hues.
/// </summary>
public sealed record StatusEntry(string Name, int Order, bool IsWorking, string StyleKey, string Colour, string ShortName, int? Hue = null)
{
    public bool IsDocumented => Hue is null;
}

/// <summary>
/// The one home of status names: the statuses Zoho documents, in the order the pages list them, and how any other
/// status (a custom one) is shown: as a status like the rest, after the documented ones, in a neutral look whose
/// hue its name chooses.
/// </summary>
public static class StatusCatalogue
{
    public const string Available = "Available";
    public const string OnCall = "On Call";
    public const string Busy = "Busy";
    public const string OnBreak = "On Break";
    public const string Offline = "Offline";

    /// <summary>The vendor's aggregate, not a status: every status but Offline (the contract's inference from its example).</summary>
    public const string WorkingTime = "Working Time";

    /// <summary>Custom statuses share a neutral look in one of this many hues, chosen by name, so two of them differ.</summary>
    public const int CustomHues = 12;

    /// <summary>The documented statuses, in order. Colours are mid tones that read on light and dark.</summary>
    public static IReadOnlyList<StatusEntry> Documented { get; } =
    [
        new(Available, 0, IsWorking: true, "available", "#3a9a5b", "Avail"),
        new(OnCall, 1, IsWorking: true, "oncall", "#3b82c4", "Call"),
        new(Busy, 2, IsWorking: true, "busy", "#9b6bc4", "Busy"),
        new(OnBreak, 3, IsWorking: true, "break", "#d39a2c", "Break"),
        new(Offline, 4, IsWorking: false, "offline", "#8a96a6", "Offline"),
    ];

    /// <summary>The documented statuses' names, in order.</summary>
    public static IReadOnlyList<string> Known { get; } = [.. Documented.Select(s => s.Name)];

    /// <summary>Where any status other than the documented ones stands in lists; no status at all stands after it.</summary>
    public static int CustomOrder => Documented.Count;

    /// <summary>A status's place in lists: the documented ones in their order, then any other, then none.</summary>
    public static int Order(string? status) => status is null ? CustomOrder + 1 : Find(status)?.Order ?? CustomOrder;

    /// <summary>Whether time in the status counts toward Working Time: every status but Offline, custom ones included.</summary>
    public static bool IsWorking(string status) => Find(status)?.IsWorking ?? true;

    /// <summary>The entry of a documented status, or a custom status's: ordered after them, working, in its own hue.</summary>
    public static StatusEntry Of(string status)
    {
        if (Find(status) is { } known) return known;
        int hue = (int)(Fnv1a(status) % CustomHues);
        return new(status, CustomOrder, IsWorking: true, "other", $"hsl({hue * 30}, 32%, 50%)", status, hue);
    }

    private static StatusEntry? Find(string status)
    {
        foreach (var entry in Documented)
        {
            if (entry.Name == status) return entry;
        }
        return null;
    }

    /// <summary>A hash that is the same in every process (string.GetHashCode is not), so a status keeps its hue.</summary>
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash;
    }
}
