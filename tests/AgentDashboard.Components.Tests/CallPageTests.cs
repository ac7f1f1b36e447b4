using System.Collections.Concurrent;
using AgentDashboard.Web.Components.Pages;
using AgentDashboard.Zoho.Models;
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
}
