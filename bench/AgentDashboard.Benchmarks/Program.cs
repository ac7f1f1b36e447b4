using AgentDashboard.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/AgentDashboard.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(StatusAuditParseBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
