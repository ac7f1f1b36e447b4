using AgentDashboard.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- --filter '*'      BenchmarkDotNet suites
// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- simulator-load     the simulator load program
if (args is ["simulator-load", .. var rest])
{
    await SimulatorLoad.RunAsync(rest);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(StatusAuditParseBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
