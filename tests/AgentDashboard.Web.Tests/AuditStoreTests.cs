using System.Data.Common;
using AgentDashboard.Web.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentDashboard.Web.Tests;

public sealed class AuditStoreTestsOnSqlite : AuditStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.SqliteAsync();
}

public sealed class AuditStoreTestsOnPostgres : AuditStoreTests
{
    protected override Task<IStoreEngine> StartEngineAsync() => StoreEngines.PostgresAsync();
}

/// <summary>The audit trail against a real database of each engine: what is recorded, how it is searched, who sees it, and that it cannot be changed.</summary>
public abstract class AuditStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = SimulatedTime.TuesdayMorning; // 15:30 UTC
    private static readonly long At = Now.ToUnixTimeMilliseconds();
    private static readonly AuditViewer Admin = new("admin-zuid", IsAdmin: true);
    private IStoreEngine engine = null!;
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract Task<IStoreEngine> StartEngineAsync();

    public async Task InitializeAsync() => engine = await StartEngineAsync();

    public async Task DisposeAsync() => await engine.DisposeAsync();

    private AuditStore Store() => new(engine.Database);

    private AuditTrail Trail() => new(Store(), new FixedClock(Now), NullLogger<AuditTrail>.Instance);

    private static AuditEntry Entry(string id, long at, string byZuid, string byName, string agentId, string agentName) =>
        new(id, at, AuditKinds.Override, byZuid, byName, agentId, agentName, "Available", "Busy", AuditOutcome.Succeeded, null, "");

    [Fact]
    public async Task A_change_is_recorded_with_every_field_and_its_time_from_the_clock()
    {
        Assert.True(await Trail().TryRecordAsync(AuditKinds.Override, new AuditPerson("700100", "Jane Doe"), "On Break", "  Team meeting ",
        [
            new AuditChange("ann", "Ann", "Available", AuditOutcome.Succeeded, null),
            new AuditChange("dee", "Dee", null, AuditOutcome.Failed, "The agent is on a call."),
        ]));

        var found = await Store().SearchAsync(new AuditQuery(), Admin, 0, 10, Ct);
        Assert.Equal(2, found.Total);
        var rows = found.Entries.OrderBy(e => e.AgentId).Select(e => (e.At, e.Kind, e.ByZuid, e.ByName, e.AgentId, e.AgentName, e.From, e.To, e.Outcome, e.Message, e.Reason)).ToList();
        Assert.Equal(
        [
            (At, "override", "700100", "Jane Doe", "ann", "Ann", (string?)"Available", "On Break", AuditOutcome.Succeeded, (string?)null, "Team meeting"),
            (At, "override", "700100", "Jane Doe", "dee", "Dee", null, "On Break", AuditOutcome.Failed, "The agent is on a call.", "Team meeting"),
        ], rows);
    }

    [Fact]
    public async Task The_trail_is_searched_by_person_agent_and_time_newest_first_a_page_at_a_time()
    {
        var store = Store();
        long minute = 60_000;
        await store.AppendAsync(
        [
            Entry("e1", At - 3 * minute, "z-jane", "Jane Doe", "ann", "Ann Archer"),
            Entry("e2", At - 2 * minute, "z-jane", "Jane Doe", "bob", "Bob Baker"),
            Entry("e3", At - 1 * minute, "z-raj", "Raj Patel", "ann", "Ann Archer"),
            Entry("e4", At, "z-raj", "Raj Patel", "cy", "Cy 100%_x"),
        ], Ct);

        async Task<string[]> Ids(AuditQuery query, int skip = 0, int take = 10) =>
            [.. (await store.SearchAsync(query, Admin, skip, take, Ct)).Entries.Select(e => e.Id)];

        Assert.Equal(["e4", "e3", "e2", "e1"], await Ids(new AuditQuery()));
        Assert.Equal(["e2", "e1"], await Ids(new AuditQuery(Person: "jane"))); // part of the name, any case
        Assert.Equal(["e4", "e3"], await Ids(new AuditQuery(Person: "z-raj"))); // the Zoho user id
        Assert.Equal(["e3", "e1"], await Ids(new AuditQuery(Agent: "ARCHER")));
        Assert.Equal(["e2"], await Ids(new AuditQuery(Agent: "bob")));
        Assert.Equal(["e4"], await Ids(new AuditQuery(Agent: "100%_"))); // LIKE's own characters taken literally
        Assert.Empty(await Ids(new AuditQuery(Agent: "1_0")));
        Assert.Equal(["e3", "e2"], await Ids(new AuditQuery(From: At - 2 * minute, To: At))); // from included, to not
        Assert.Equal(["e3"], await Ids(new AuditQuery(Person: "raj", Agent: "ann")));

        var second = await store.SearchAsync(new AuditQuery(), Admin, skip: 2, take: 2, Ct);
        Assert.Equal(4, second.Total);
        Assert.Equal(["e2", "e1"], second.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task A_supervisor_sees_only_the_changes_they_made_and_an_admin_everyones()
    {
        var store = Store();
        await store.AppendAsync([Entry("e1", At, "z-jane", "Jane Doe", "ann", "Ann"), Entry("e2", At + 1, "z-raj", "Raj Patel", "ann", "Ann")], Ct);

        var jane = await store.SearchAsync(new AuditQuery(), new AuditViewer("z-jane", IsAdmin: false), 0, 10, Ct);
        Assert.Equal((1L, "e1"), (jane.Total, Assert.Single(jane.Entries).Id));
        var janeAskingForRaj = await store.SearchAsync(new AuditQuery(Person: "raj"), new AuditViewer("z-jane", IsAdmin: false), 0, 10, Ct);
        Assert.Equal(0, janeAskingForRaj.Total);
        Assert.Equal(2, (await store.SearchAsync(new AuditQuery(), Admin, 0, 10, Ct)).Total);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry()
    {
        await Store().AppendAsync([Entry("e1", At, "z-jane", "Jane Doe", "ann", "Ann")], Ct);

        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("UPDATE audit_entries SET to_status = 'Available'"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync("DELETE FROM audit_entries"));

        var kept = Assert.Single((await Store().SearchAsync(new AuditQuery(), Admin, 0, 10, Ct)).Entries);
        Assert.Equal(("e1", "Busy"), (kept.Id, kept.To));
    }

    [Fact]
    public async Task A_store_that_fails_is_reported_as_not_recorded_without_throwing()
    {
        await ExecuteAsync("DROP TABLE audit_entries"); // a store that cannot take the row

        Assert.False(await Trail().TryRecordAsync(AuditKinds.OwnStatus, new AuditPerson("z-jane", "Jane Doe"), "Busy", null,
            [new AuditChange("ann", "Ann", "Available", AuditOutcome.Succeeded, null)]));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await engine.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
