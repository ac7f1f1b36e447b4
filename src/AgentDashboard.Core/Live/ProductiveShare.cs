namespace AgentDashboard.Core.Live;

/// <summary>
/// The productive share workforce wallboards show: of the agents signed in (in any status but Offline), how many are
/// Available or On Call. An agent with no status (Zoho answered with an error, or nothing is known yet) is not
/// signed in, so counts on neither side; custom statuses count as signed in and not productive.
/// </summary>
public readonly record struct ProductiveShare(int Productive, int SignedIn)
{
    /// <summary>How the share is worked out, in words, for a title or a screen reader.</summary>
    public const string Formula = "Productive share: agents Available or On Call, out of the agents signed in (in any status but Offline)";

    public static ProductiveShare Of(IEnumerable<LiveAgent> agents)
    {
        int productive = 0, signedIn = 0;
        foreach (var agent in agents)
        {
            if (agent.Status is not { } status || status == StatusCatalogue.Offline) continue;
            signedIn++;
            if (status is StatusCatalogue.Available or StatusCatalogue.OnCall) productive++;
        }
        return new(productive, signedIn);
    }

    /// <summary>The share among the agents answering <paramref name="queueId"/>, or among them all when it is null.</summary>
    public static ProductiveShare Of(IEnumerable<LiveAgent> agents, string? queueId) => Of(queueId is null ? agents : agents.Where(a => a.Answers(queueId)));

    /// <summary>The share in whole percent, halves rounded up (1 of 8 is 13%); none when nobody is signed in.</summary>
    public int? Percent => SignedIn == 0 ? null : (int)Math.Round(100.0 * Productive / SignedIn, MidpointRounding.AwayFromZero);

    /// <summary>"75%", or "—" when nobody is signed in (no share to speak of, not 0%).</summary>
    public string PercentText => Percent is { } percent ? $"{percent}%" : "—";

    /// <summary>"6 of 8 signed in", or "nobody signed in".</summary>
    public string OfText => SignedIn == 0 ? "nobody signed in" : $"{Productive} of {SignedIn} signed in";
}
