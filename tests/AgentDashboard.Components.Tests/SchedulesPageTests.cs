using AgentDashboard.Core.Adherence;
using AgentDashboard.Web.Adherence;
using AgentDashboard.Web.Agents;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Web.Store;
using AgentDashboard.Zoho.Models;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>The schedules page: a file with bad rows is refused row by row and stores nothing; a good one is stored, e-mails resolved; the rules are edited.</summary>
public sealed class SchedulesPageTests : IAsyncLifetime
{
    private readonly PageContext page = new();
    private ScheduleStore store = null!;

    public Task InitializeAsync()
    {
        var main = page.Context.Services;
        store = new ScheduleStore(main.GetRequiredService<DashboardDatabase>());
        main.AddFallbackServiceProvider(new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(_ => new ScheduleImport(store, main.GetRequiredService<QueueCatalogue>(), main.GetRequiredService<AgentDirectory>()))
            .BuildServiceProvider());
        // The directory as Zoho's overview gives it: ids, names and e-mails of who answers each queue.
        page.Zoho.Overview = _ => new OverviewResponse
        {
            Overview = new OverviewBody
            {
                AgentMetrics = new OverviewAgentMetrics
                {
                    IndividualAggregation = [new AgentAggregation { AgentId = "a1", AgentName = "Ann Agent", AgentEmail = "ann@example.com" }],
                },
            },
        };
        page.NavigateTo("/schedules?tz=America/New_York");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await page.DisposeAsync();

    private static long At(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private IRenderedComponent<SchedulesPage> Render()
    {
        var cut = page.Context.Render<SchedulesPage>();
        cut.WaitForAssertion(() => Assert.Contains("No imported schedule yet", cut.Find("#stored-summary").TextContent), PeriodPages.Wait);
        return cut;
    }

    private static void Upload(IRenderedComponent<SchedulesPage> cut, string inputId, string text) =>
        cut.FindComponents<InputFile>().Single(f => (string?)f.Instance.AdditionalAttributes?["id"] == inputId)
            .UploadFiles(InputFileContent.CreateFromText(text, "week.csv"));

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_by_line_and_stores_nothing()
    {
        var cut = Render();

        Upload(cut, "schedule-file", """
            agent_id,start,end,activity
            a1,2026-12-07T09:00:00-05:00,2026-12-07T12:00:00-05:00,Work
            a1,2026-12-07 12:00,2026-12-07 11:00,Lunch
            nobody@example.com,2026-12-07T09:00:00-05:00,2026-12-07T12:00:00-05:00,Work
            """);

        cut.WaitForAssertion(() => Assert.Contains("was not imported", cut.Find("#import-problems").TextContent), PeriodPages.Wait);
        Assert.Equal(["Line 3: end is not after start."], cut.FindAll("#import-problems li").Select(li => li.TextContent));
        Assert.Empty(await store.GetAsync(["a1"], At("2026-12-01T00:00:00Z"), At("2026-12-31T00:00:00Z"), CancellationToken.None));

        // Once the times are mended, the e-mail that nobody has is the file's one problem.
        Upload(cut, "schedule-file", """
            agent_id,start,end,activity
            a1,2026-12-07T09:00:00-05:00,2026-12-07T12:00:00-05:00,Work
            nobody@example.com,2026-12-07T09:00:00-05:00,2026-12-07T12:00:00-05:00,Work
            """);
        cut.WaitForAssertion(() => Assert.Equal(["Line 3: no agent you can see has the e-mail nobody@example.com."],
            cut.FindAll("#import-problems li").Select(li => li.TextContent)), PeriodPages.Wait);
        Assert.Empty(await store.GetAsync(["a1"], At("2026-12-01T00:00:00Z"), At("2026-12-31T00:00:00Z"), CancellationToken.None));
    }

    [Fact]
    public async Task A_good_file_is_stored_with_e_mails_resolved_and_local_times_read_in_the_chosen_zone()
    {
        var cut = Render();

        Upload(cut, "schedule-file", """
            agent_id,start,end,activity
            ann@example.com,2026-12-07 09:00,2026-12-07 12:00,Work
            a1,2026-12-07T12:00:00-05:00,2026-12-07T12:30:00-05:00,Lunch
            """);

        cut.WaitForAssertion(() => Assert.Equal("Imported “week.csv”: 2 stretches for 1 agent, from 7 Dec 2026 09:00 to 7 Dec 2026 12:30.",
            cut.Find("#import-done").TextContent), PeriodPages.Wait);
        Assert.Equal(
        [
            new ScheduledActivity("a1", At("2026-12-07T14:00:00Z"), At("2026-12-07T17:00:00Z"), "Work"),
            new ScheduledActivity("a1", At("2026-12-07T17:00:00Z"), At("2026-12-07T17:30:00Z"), "Lunch"),
        ], await store.GetAsync(["a1"], At("2026-12-01T00:00:00Z"), At("2026-12-31T00:00:00Z"), CancellationToken.None));
        Assert.Contains("2 imported stretches for 1 agents", cut.Find("#stored-summary").TextContent);
    }

    [Fact]
    public async Task Weekly_templates_are_imported_from_their_own_file()
    {
        var cut = Render();

        Upload(cut, "template-file", """
            agent_id,weekday,start,end,activity
            ann@example.com,Monday,09:00,17:00,Work
            a1,Tuesday,22:00,06:00,Work
            """);

        cut.WaitForAssertion(() => Assert.Equal("Imported “week.csv”: 2 weekly stretches for 1 agent.", cut.Find("#import-done").TextContent), PeriodPages.Wait);
        Assert.Equal(["a1 Monday 09:00-17:00 America/New_York", "a1 Tuesday 22:00-06:00 America/New_York"],
            (await store.GetTemplatesAsync(CancellationToken.None)).Select(t => $"{t.AgentId} {t.Day} {t.Start:HH:mm}-{t.End:HH:mm} {t.ZoneId}"));
    }

    [Fact]
    public async Task An_agent_the_supervisor_cannot_see_or_a_week_overlapping_itself_by_id_and_e_mail_is_refused()
    {
        var cut = Render();

        Upload(cut, "schedule-file", """
            agent_id,start,end,activity
            someone-else,2026-12-07T09:00:00-05:00,2026-12-07T12:00:00-05:00,Work
            """);
        cut.WaitForAssertion(() => Assert.Equal(["Line 2: no agent you can see has the id someone-else."],
            cut.FindAll("#import-problems li").Select(li => li.TextContent)), PeriodPages.Wait);

        Upload(cut, "template-file", """
            agent_id,weekday,start,end,activity
            a1,Monday,09:00,17:00,Work
            ann@example.com,Monday,16:00,18:00,Training
            """);
        cut.WaitForAssertion(() => Assert.Equal(["Line 3: overlaps line 2 for a1 (the same agent by id and by e-mail)."],
            cut.FindAll("#import-problems li").Select(li => li.TextContent)), PeriodPages.Wait);
        Assert.Empty(await store.GetTemplatesAsync(CancellationToken.None));
    }

    /// <summary>Types into a rule row's two fields, finding each afresh (a change re-renders the table).</summary>
    private static void Type(IRenderedComponent<SchedulesPage> cut, int row, string activity, string statuses)
    {
        cut.FindAll("tr[data-rule]")[row].QuerySelectorAll("input")[0].Change(activity);
        cut.FindAll("tr[data-rule]")[row].QuerySelectorAll("input")[1].Change(statuses);
    }

    [Fact]
    public async Task The_rules_start_as_the_defaults_refuse_a_bad_edit_and_save_a_good_one()
    {
        var cut = Render();
        Assert.Equal(["Break", "Lunch", "Meeting", "Training", "Work"], cut.FindAll("tr[data-rule] td:first-child input").Select(i => i.GetAttribute("value")));

        // A new row left empty, and Off given statuses.
        cut.Find("#add-rule").Click();
        Type(cut, row: 5, "Off", "Offline");
        cut.Find("#add-rule").Click();
        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => Assert.Equal(
            ["Row 6: Off is not scheduled time, so nothing keeps to it; remove the row.", "Row 7: give the activity a name."],
            cut.FindAll("#rule-problems li").Select(li => li.TextContent)));
        Assert.Same(ActivityRules.Default, await store.GetRulesAsync(CancellationToken.None));

        // The empty row removed, and Off made Coaching, kept by Busy (in any case).
        cut.FindAll("tr[data-rule]")[6].QuerySelector("button")!.Click();
        Type(cut, row: 5, "Coaching", "busy");
        cut.Find("#save-rules").Click();
        cut.WaitForAssertion(() => cut.Find("#rules-saved"));
        var rules = await store.GetRulesAsync(CancellationToken.None);
        Assert.True(rules.Keeps("Coaching", "Busy"));
        Assert.True(rules.Keeps("Lunch", "On Break"));
    }
}
