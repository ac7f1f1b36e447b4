using AgentDashboard.Core.Live;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentDashboard.Components.Tests;

/// <summary>
/// The schedules kept for the boards: read once for the agents shown, again after a minute or at once for new agents,
/// and a failed read kept from the boards (the last schedules stay) and logged in words. Reads run in the background,
/// so each check waits for its outcome.
/// </summary>
public sealed class LiveSchedulesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ManualClock clock = new(PageContext.Now);
    private readonly FakeScheduleSource source = new();
    private readonly ListLogger logger = new();
    private readonly LiveSchedules schedules;

    public LiveSchedulesTests()
    {
        var services = new ServiceCollection().AddSingleton<IScheduleSource>(source).BuildServiceProvider();
        schedules = new LiveSchedules(services.GetRequiredService<IServiceScopeFactory>(), clock, Options.Create(new AdherenceOptions()), logger);
    }

    private static LiveAgent[] Agents(params string[] ids) => [.. ids.Select(id => new LiveAgent(id, id, "Available", null, SinceKind.Observed, null))];

    /// <summary>Asks as a board's render does until <paramref name="done"/> holds.</summary>
    private KnownSchedules AskUntil(LiveAgent[] agents, Func<KnownSchedules, bool> done)
    {
        KnownSchedules known = KnownSchedules.None;
        Assert.True(SpinWait.SpinUntil(() => done(known = schedules.For(agents)), Wait), "the schedules never came");
        return known;
    }

    [Fact]
    public void Agents_are_read_once_then_a_minute_later_and_new_ones_at_once()
    {
        source.Add("ann", clock.Now, -60, 60, "Work");
        var board = Agents("ann", "ben");

        var known = AskUntil(board, k => k.Covers("ann") && k.Covers("ben"));
        Assert.Single(known.Of("ann"));
        Assert.Empty(known.Of("ben"));
        Assert.True(known.AnyScheduled(board));
        for (int i = 0; i < 50; i++) schedules.For(board); // renders within the minute read nothing
        Assert.Equal(1, source.Reads);

        // A board with a new agent: read at once, with the others.
        AskUntil(Agents("ann", "ben", "cy"), k => k.Covers("cy"));
        Assert.Equal(2, source.Reads);
        Assert.Equal(["ann", "ben", "cy"], source.LastAgents.Order());

        // A minute later, read again (a new row shows).
        source.Add("ben", clock.Now, 30, 60, "Break");
        clock.Advance(LiveSchedules.RefreshEvery);
        AskUntil(board, k => k.Of("ben").Count == 1);
        Assert.Equal(3, source.Reads);
        Assert.Empty(logger.Lines);
    }

    [Fact]
    public void A_failed_read_keeps_the_last_schedules_says_why_in_words_and_is_tried_again_a_minute_later()
    {
        source.Add("ann", clock.Now, -60, 60, "Work");
        var board = Agents("ann");
        AskUntil(board, k => k.Covers("ann"));

        source.Failure = new InvalidOperationException("The database is not answering.");
        clock.Advance(LiveSchedules.RefreshEvery);
        Assert.True(SpinWait.SpinUntil(() => { schedules.For(board); return logger.Lines.Count > 0; }, Wait));

        var line = Assert.Single(logger.Lines);
        Assert.Equal("Could not read the schedules of the agents on the live grid and walls (InvalidOperationException: The database is not answering.); they keep the last schedules read and try again in a minute.", line);
        Assert.DoesNotContain(" at ", line);
        Assert.Single(schedules.For(board).Of("ann")); // the last schedules stay
        // After a failure a new agent waits for the minute like the rest.
        for (int i = 0; i < 20; i++) schedules.For(Agents("ann", "zed"));
        Assert.Equal(2, source.Reads);

        source.Failure = null;
        clock.Advance(LiveSchedules.RefreshEvery);
        AskUntil(Agents("ann", "zed"), k => k.Covers("zed"));
        Assert.Equal(3, source.Reads);
    }

    /// <summary>The words of each warning logged; an exception passed to the logger would fail the test.</summary>
    private sealed class ListLogger : ILogger<LiveSchedules>
    {
        private readonly List<string> lines = [];

        public IReadOnlyList<string> Lines { get { lock (lines) return [.. lines]; } }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Assert.Null(exception);
            lock (lines) lines.Add(formatter(state, exception));
        }
    }
}
