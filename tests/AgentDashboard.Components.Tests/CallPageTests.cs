using System.Collections.Concurrent;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;
using AgentDashboard.Zoho.Requests;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AgentDashboard.Components.Tests;

/// <summary>The queue-call page with Zoho's answers held back and released by the test.</summary>
public sealed class CallPageTests
{
    private static CallLogActivityResponse MissedCall(string queue) => new()
    {
        Log = new CallLogActivityLog
        {
            Response =
            [
                new CallLogActivity
                {
                    AnsweredAgent = new AnsweredAgent(),
                    QueueDetails = new QueueCallDetails
                    {
                        QueueName = queue, Strategy = "ringall",
                        CustomerEntryTime = PageContext.Now.AddMinutes(-30).ToUnixTimeMilliseconds(),
                        CustomerExitTime = PageContext.Now.AddMinutes(-29).ToUnixTimeMilliseconds(),
                    },
                },
            ],
        },
    };

    [Fact]
    public async Task Quick_navigation_never_shows_one_call_under_another_calls_address()
    {
        await using var page = new PageContext();
        var answers = new ConcurrentDictionary<string, TaskCompletionSource<CallLogActivityResponse>>();
        var cancelled = new ConcurrentBag<string>();
        page.Zoho.CallLog = async (query, cancellationToken) =>
        {
            var answer = answers.GetOrAdd(query.LogId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
            using var registration = cancellationToken.Register(() => cancelled.Add(query.LogId));
            return await answer.Task; // Zoho's answer comes when the test says, whatever the page wants meanwhile
        };

        var navigation = page.Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/calls/call-a?tz=America%2FNew_York&date=2026-11-17");
        var call = page.Context.Render<CallPage>(p => p.Add(c => c.LogId, "call-a"));
        navigation.NavigateTo("/calls/call-b?tz=America%2FNew_York&date=2026-11-17");
        call.Render(p => p.Add(c => c.LogId, "call-b"));

        answers.GetOrAdd("call-b", _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult(MissedCall("Support"));
        call.WaitForAssertion(() => Assert.Contains("Support", call.Find("#call-outcome").TextContent));
        answers.GetOrAdd("call-a", _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult(MissedCall("Sales"));

        Assert.Contains("call-a", cancelled);
        call.WaitForAssertion(() => Assert.Contains("Support", call.Find("#call-outcome").TextContent));
        Assert.DoesNotContain("Sales", call.Markup);
    }

    [Fact]
    public async Task An_answered_call_shows_who_rang_in_order_with_each_ones_status_and_outcome()
    {
        await using var page = new PageContext();
        long entry = PageContext.Now.AddMinutes(-30).ToUnixTimeMilliseconds();
        StatusHit Hit(string agent, string from, string to, long at) => new() { AgentId = agent, PreviousStatus = from, CurrentStatus = to, CurrentActionTime = at, PreviousActionTime = at - 600_000 };
        AgentRing Ring(string name, long start, long ms, bool answered, string? cause = null, string? why = null) => new()
        {
            AgentName = name, StartTime = start, RingingTime = ms, IsAnswered = answered,
            HangupCause = cause is null ? null : new HangupCause { DisplayName = cause, Description = why },
        };
        page.Zoho.CallLog = (_, _) => Task.FromResult(new CallLogActivityResponse
        {
            Log = new CallLogActivityLog
            {
                Response =
                [
                    new CallLogActivity
                    {
                        AnsweredAgent = new AnsweredAgent { AgentId = "a2", AgentName = "Ben" },
                        QueueDetails = new QueueCallDetails { QueueName = "Support", Strategy = "round-robin", CustomerEntryTime = entry, CustomerExitTime = entry + 45_000, RingTimeInQueueSeconds = 45 },
                        RingingOrder =
                        [
                            new RingingAgent { AgentId = "a1", Rings = [Ring("Ann", entry, 20_000, false, "No answer", "The agent did not answer before the ring time ran out.")] },
                            new RingingAgent { AgentId = "a2", Rings = [Ring("Ben", entry + 20_000, 12_000, true)] },
                            new RingingAgent { AgentId = "a3", Rings = [Ring("Cy", entry, 0, false, "User busy", "The agent was On Call.")] },
                        ],
                        // Ann and Ben changed status around the call; Cy did not, so the call log holds nothing of hers.
                        AgentStatus =
                        [
                            new AgentStatusAudit { AgentId = "a1", AgentName = "Ann", Hits = [Hit("a1", "On Break", "Available", entry - 60_000)] },
                            new AgentStatusAudit { AgentId = "a2", AgentName = "Ben", Hits = [Hit("a2", "Available", "On Call", entry + 32_000)] },
                        ],
                    },
                ],
            },
        });
        var asked = new List<StatusAuditQuery>();
        page.Zoho.StatusAudit = query =>
        {
            asked.Add(query);
            return new StatusAuditResponse { List = new StatusAuditList { AgentStatus = [new AgentStatusAudit { AgentId = "a3", AgentName = "Cy", PreviousResult = Hit("a3", "Available", "On Call", entry - 900_000) }] } };
        };
        page.Context.Services.GetRequiredService<NavigationManager>().NavigateTo("/calls/c-1?tz=UTC&date=2026-11-17");

        var call = page.Context.Render<CallPage>(p => p.Add(c => c.LogId, "c-1"));

        call.WaitForAssertion(() => Assert.Contains("Answered by Ben", call.Find("#call-outcome").TextContent));
        Assert.Contains("2 of 3", call.Find("#call-outcome").TextContent); // agents rung
        var rows = call.FindAll("#ringing-order tbody tr");
        Assert.Equal(["a1", "a2", "a3"], rows.Select(r => r.GetAttribute("data-ring")));
        Assert.Equal(["ring-lost", "ring-answered", "ring-skipped"], rows.Select(r => r.ClassName));
        // Status when the call came in: Ann from her change a minute before, Ben still Available (his change came after),
        // Cy from the status audit before the call (On Call since a quarter of an hour).
        Assert.Equal(["Available", "Available", "On Call"], rows.Select(r => r.Children[2].TextContent.Trim()));
        Assert.Equal("not rung", rows[2].Children[4].TextContent.Trim());
        Assert.Contains("User busy", rows[2].Children[5].TextContent);
        Assert.Equal(["a3"], Assert.Single(asked).AgentIds); // only Cy was looked up
        Assert.Equal(3, call.FindAll("[data-call-lane]").Count);
    }
}
