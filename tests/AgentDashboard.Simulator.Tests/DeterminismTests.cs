namespace AgentDashboard.Simulator.Tests;

/// <summary>The same seed gives the same call centre and the same history, byte for byte; another seed another.</summary>
public sealed class DeterminismTests
{
    private static async Task<string> HistoryAsync(int seed, int agents = 40)
    {
        var now = new DateTimeOffset(2026, 11, 19, 20, 0, 0, TimeSpan.Zero);
        await using var host = await SimulatorHost.StartAsync(now, o => { o.Seed = seed; o.AgentCount = agents; });
        string token = (await host.SignInAsync(host.AdminZuid)).AccessToken;
        string ids = string.Join(',', host.Simulation.Centre.Agents.Select(a => a.Id));
        long from = now.AddDays(-3).ToUnixTimeMilliseconds(), to = now.AddDays(-1).ToUnixTimeMilliseconds();
        using var response = await host.GetAsync($"rest/json/zv/metrics/statusaudit/list?agentIds={ids}&fromEpoch={from}&toEpoch={to}&tz=UTC", token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_answer_and_another_seed_another()
    {
        string first = await HistoryAsync(seed: 11), second = await HistoryAsync(seed: 11), other = await HistoryAsync(seed: 12);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.True(first.Length > 100_000);
    }

    [Fact]
    public async Task A_two_thousand_agent_centre_answers()
    {
        var now = new DateTimeOffset(2026, 11, 17, 16, 0, 0, TimeSpan.Zero);
        await using var host = await SimulatorHost.StartAsync(now, o => o.AgentCount = 2000);
        var client = host.Client((await host.SignInAsync(host.AdminZuid)).AccessToken);
        var ids = host.Simulation.Centre.Agents.Select(a => a.Id).ToList();
        Assert.Equal(2004, ids.Count);
        var statuses = await client.GetAgentsOnlineStatusAsync(ids, TestTimeout.Token);
        Assert.Equal(2004, statuses.Agents.Count);
        Assert.True(statuses.Agents.Count(a => a.OnlineStatus == "Available") > 200, "a weekday afternoon has many agents Available");
        Assert.Equal(ids.Count, host.Simulation.Centre.Agents.Select(a => a.Email).Distinct().Count());
    }
}
