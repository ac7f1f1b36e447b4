using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Web.Wall;

/// <summary>
/// Counts the live walls open on each display link, so one leaked link cannot hold open any number of circuits and
/// feed subscriptions: beyond <see cref="DisplayLinkOptions.MaxScreensPerLink"/> a wall says so instead.
/// </summary>
public sealed class WallScreens(IOptions<DisplayLinkOptions> options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    public int Max => options.Value.MaxScreensPerLink;

    public string TooManyMessage => $"This display link is open on too many screens (at most {Max} at a time). Close it on another screen, or ask a supervisor for another link.";

    /// <summary>Takes a place for one more screen on the link; false when all are taken.</summary>
    public bool TryOpen(string linkId)
    {
        while (true)
        {
            int count = open.GetOrAdd(linkId, 0);
            if (count >= Max) return false;
            if (open.TryUpdate(linkId, count + 1, count)) return true;
        }
    }

    /// <summary>Gives back a place taken by <see cref="TryOpen"/>.</summary>
    public void Close(string linkId)
    {
        while (open.TryGetValue(linkId, out int count))
        {
            if (count <= 1 ? open.TryRemove(new KeyValuePair<string, int>(linkId, count)) : open.TryUpdate(linkId, count - 1, count)) return;
        }
    }

    /// <summary>How many screens show the link now.</summary>
    public int OpenOn(string linkId) => open.GetValueOrDefault(linkId);
}
