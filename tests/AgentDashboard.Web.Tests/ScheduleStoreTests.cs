using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;

namespace AgentDashboard.Web.Tests;

public sealed class ScheduleStoreTestsOnSqlite : ScheduleStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.SqliteAsync();
}

public sealed class ScheduleStoreTestsOnPostgres : ScheduleStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.PostgresAsync();
}

/// <summary>The schedule store on each engine: an import replaces what it covers, templates fill the days nothing was imported for, and the rules.</summary>
public abstract class ScheduleStoreTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private IStoreEngine engine = null!;
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IStoreEngine> StartEngineAsync();

    public async Task InitializeAsync() => engine = await StartEngineAsync();

    public async Task DisposeAsync() => await engine.DisposeAsync();

    private ScheduleStore Store() => new(engine.Database);

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static ScheduledActivity S(string agent, string start, string end, string activity) => new(agent, At(start), At(end), activity);

    [Fact]
    public async Task An_import_replaces_what_each_of_its_agents_had_over_its_span_and_keeps_the_rest()
    {
        var store = Store();
        await store.ImportAsync(
        [
            S("a1", "2026-12-07T14:00:00Z", "2026-12-07T22:00:00Z", "Work"),
            S("a1", "2026-12-08T14:00:00Z", "2026-12-08T22:00:00Z", "Work"),
            S("a2", "2026-12-07T14:00:00Z", "2026-12-07T22:00:00Z", "Work"),
        ], Ct);

        // A second file for a1 on the 7th from 15:00 to 17:30: the rest of a1's 7th, a1's 8th and a2 stay.
        var imported = await store.ImportAsync(
        [
            S("a1", "2026-12-07T15:00:00Z", "2026-12-07T17:00:00Z", "Work"),
            S("a1", "2026-12-07T17:00:00Z", "2026-12-07T17:30:00Z", "Lunch"),
        ], Ct);

        Assert.Equal(new ScheduleImported(2, 1, At("2026-12-07T15:00:00Z"), At("2026-12-07T17:30:00Z")), imported);
        var stored = await store.GetAsync(["a1", "a2"], At("2026-12-07T00:00:00Z"), At("2026-12-09T00:00:00Z"), Ct);
        Assert.Equal(
        [
            S("a1", "2026-12-07T14:00:00Z", "2026-12-07T15:00:00Z", "Work"),
            S("a1", "2026-12-07T15:00:00Z", "2026-12-07T17:00:00Z", "Work"),
            S("a1", "2026-12-07T17:00:00Z", "2026-12-07T17:30:00Z", "Lunch"),
            S("a1", "2026-12-07T17:30:00Z", "2026-12-07T22:00:00Z", "Work"),
            S("a1", "2026-12-08T14:00:00Z", "2026-12-08T22:00:00Z", "Work"),
            S("a2", "2026-12-07T14:00:00Z", "2026-12-07T22:00:00Z", "Work"),
        ], stored);
        // Only the agents and times asked for.
        Assert.Equal([S("a2", "2026-12-07T14:00:00Z", "2026-12-07T22:00:00Z", "Work")],
            await store.GetAsync(["a2", "nobody"], At("2026-12-07T21:00:00Z"), At("2026-12-08T21:00:00Z"), Ct));
        Assert.Equal((6L, 2L, (long?)At("2026-12-07T14:00:00Z"), (long?)At("2026-12-08T22:00:00Z"), 0L), await store.SummaryAsync(Ct));
    }

    [Fact]
    public async Task Weekly_templates_fill_the_days_nothing_was_imported_for_a_night_shift_included()
    {
        var store = Store();
        await store.ImportTemplatesAsync(
        [
            new("a1", DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
            new("a1", DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
            new("a2", DayOfWeek.Sunday, new TimeOnly(22, 0), new TimeOnly(6, 0), "Work", NewYork.Id),
        ], Ct);
        // Tuesday 8 December was imported for a1: that day follows the import, not the template.
        await store.ImportAsync([S("a1", "2026-12-08T15:00:00-05:00", "2026-12-08T19:00:00-05:00", "Training")], Ct);

        var week = await store.GetAsync(["a1", "a2"], At("2026-12-07T00:00:00-05:00"), At("2026-12-09T00:00:00-05:00"), Ct);

        Assert.Equal(
        [
            S("a1", "2026-12-07T09:00:00-05:00", "2026-12-07T17:00:00-05:00", "Work"),
            S("a1", "2026-12-08T15:00:00-05:00", "2026-12-08T19:00:00-05:00", "Training"),
            // Sunday night's shift reaches into Monday.
            S("a2", "2026-12-06T22:00:00-05:00", "2026-12-07T06:00:00-05:00", "Work"),
        ], week);

        // A new template file for a1 replaces a1's week and leaves a2's.
        await store.ImportTemplatesAsync([new("a1", DayOfWeek.Wednesday, new TimeOnly(8, 0), new TimeOnly(12, 0), "Work", NewYork.Id)], Ct);
        Assert.Equal(["a1 Wednesday", "a2 Sunday"], (await store.GetTemplatesAsync(Ct)).Select(t => $"{t.AgentId} {t.Day}"));
    }

    [Fact]
    public async Task An_import_cuts_stored_stretches_at_its_ends_and_keeps_what_lies_outside()
    {
        var store = Store();
        await store.ImportAsync(
        [
            S("a1", "2026-12-07T22:00:00Z", "2026-12-08T06:00:00Z", "Work"), // crosses the new file's start
            S("a1", "2026-12-08T10:00:00Z", "2026-12-08T11:00:00Z", "Break"), // inside it
            S("a1", "2026-12-08T16:00:00Z", "2026-12-08T20:00:00Z", "Work"), // crosses its end
            S("a2", "2026-12-08T00:00:00Z", "2026-12-09T00:00:00Z", "Training"), // spans all of a2's new file
        ], Ct);

        await store.ImportAsync(
        [
            S("a1", "2026-12-08T05:00:00Z", "2026-12-08T17:00:00Z", "Meeting"),
            S("a2", "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", "Lunch"),
        ], Ct);

        Assert.Equal(
        [
            S("a1", "2026-12-07T22:00:00Z", "2026-12-08T05:00:00Z", "Work"),
            S("a1", "2026-12-08T05:00:00Z", "2026-12-08T17:00:00Z", "Meeting"),
            S("a1", "2026-12-08T17:00:00Z", "2026-12-08T20:00:00Z", "Work"),
            S("a2", "2026-12-08T00:00:00Z", "2026-12-08T09:00:00Z", "Training"),
            S("a2", "2026-12-08T09:00:00Z", "2026-12-08T10:00:00Z", "Lunch"),
            S("a2", "2026-12-08T10:00:00Z", "2026-12-09T00:00:00Z", "Training"),
        ], await store.GetAsync(["a1", "a2"], At("2026-12-07T00:00:00Z"), At("2026-12-10T00:00:00Z"), Ct));
    }

    [Fact]
    public async Task A_template_gives_way_on_every_day_an_imported_stretch_touches_and_wherever_they_would_overlap()
    {
        var store = Store();
        await store.ImportTemplatesAsync(
        [
            new("a1", DayOfWeek.Monday, new TimeOnly(22, 0), new TimeOnly(6, 0), "Work", NewYork.Id),
            new("a1", DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
            new("a1", DayOfWeek.Wednesday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
            new("a1", DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(17, 0), "Work", NewYork.Id),
        ], Ct);
        // Tuesday from 05:00 (overlapping Monday night's template shift), and Off from Wednesday to Thursday night.
        await store.ImportAsync(
        [
            S("a1", "2026-12-08T05:00:00-05:00", "2026-12-08T13:00:00-05:00", "Work"),
            S("a1", "2026-12-09T00:00:00-05:00", "2026-12-11T00:00:00-05:00", "Off"),
        ], Ct);

        Assert.Equal(
        [
            S("a1", "2026-12-08T05:00:00-05:00", "2026-12-08T13:00:00-05:00", "Work"),
            S("a1", "2026-12-09T00:00:00-05:00", "2026-12-11T00:00:00-05:00", "Off"),
        ], await store.GetAsync(["a1"], At("2026-12-07T12:00:00-05:00"), At("2026-12-11T00:00:00-05:00"), Ct));
    }

    [Fact]
    public async Task The_rules_are_the_defaults_until_saved_and_then_what_was_saved()
    {
        var store = Store();
        Assert.Same(ActivityRules.Default, await store.GetRulesAsync(Ct));

        await store.SaveRulesAsync(new Dictionary<string, IReadOnlySet<string>>
        {
            ["Work"] = new HashSet<string> { "Available", "On Call" },
            ["Coaching"] = new HashSet<string> { "Busy" },
        }, Ct);

        var rules = await store.GetRulesAsync(Ct);
        Assert.True(rules.Keeps("Coaching", "Busy"));
        Assert.False(rules.Keeps("Work", "Busy"));
        Assert.True(rules.Keeps("work", "On Call"));
        // Lunch has no rule now: only a custom status of that name keeps to it.
        Assert.False(rules.Keeps("Lunch", "On Break"));
        Assert.True(rules.Keeps("Lunch", "Lunch"));
    }
}
