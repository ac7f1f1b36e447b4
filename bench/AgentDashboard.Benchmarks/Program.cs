using AgentDashboard.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- simulator-load     the simulator load program
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- feed-load          viewers per feed vs upstream calls
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- grid-render        a 1,000-agent grid's updates in Chromium
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- timeline-build     100k to 1M hits into timelines and day totals
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- heatmap-render     a 500-agent x 93-day heatmap's first paint in Chromium
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- wall-soak          100 wall circuits for 10 minutes: memory, CPU, growth
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- screenshots        every page at two sizes, light and dark, as PNG files
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- adherence          500 agents x 31 days of hits and schedules into adherence figures
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- scale-out          3 instances on PostgreSQL, 300 walls, the poller dies half-way
if (args is ["simulator-load", .. var rest])
{
    await SimulatorLoad.RunAsync(rest);
    return;
}
if (args is ["feed-load", .. var feedArgs])
{
    await FeedLoad.RunAsync(feedArgs);
    return;
}
if (args is ["grid-render", .. var gridArgs])
{
    await GridRender.RunAsync(gridArgs);
    return;
}
if (args is ["wall-soak", .. var soakArgs])
{
    await WallSoak.RunAsync(soakArgs);
    return;
}
if (args is ["heatmap-render", .. var heatmapArgs])
{
    await HeatmapRender.RunAsync(heatmapArgs);
    return;
}
if (args is ["scale-out", .. var scaleOutArgs])
{
    await ScaleOut.RunAsync(scaleOutArgs);
    return;
}
if (args is ["screenshots", .. var screenshotArgs])
{
    await Screenshots.RunAsync(screenshotArgs);
    return;
}
if (args is ["timeline-build", .. var timelineArgs])
{
    TimelineBuild.Run(timelineArgs);
    return;
}
if (args is ["adherence", .. var adherenceArgs])
{
    AdherenceBench.Run(adherenceArgs);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(StatusAuditParseBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
