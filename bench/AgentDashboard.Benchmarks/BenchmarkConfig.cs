using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AgentDashboard.Benchmarks;

internal static class BenchmarkConfig
{
    /// <summary>
    /// In-process: no child project to build and restore for each run. Few iterations: each one parses tens of MB.
    /// </summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(8))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new ThroughputColumn(), new AllocationRatioColumn())
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}

/// <summary>MB/s of payload parsed: payload bytes / mean time.</summary>
internal sealed class ThroughputColumn : IColumn
{
    public string Id => "Throughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Payload megabytes (10^6 bytes) parsed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        long bytes = Payload.BytesFor(benchmarkCase);
        return stats is null || bytes == 0 ? "-" : (bytes / 1e6 / (stats.Mean / 1e9)).ToString("0.0");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Bytes allocated per operation divided by payload bytes.</summary>
internal sealed class AllocationRatioColumn : IColumn
{
    public string Id => "AllocPerPayload";
    public string ColumnName => "Alloc/payload";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Bytes allocated per operation / payload bytes (target under 2)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        long? allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        long bytes = Payload.BytesFor(benchmarkCase);
        return allocated is null || bytes == 0 ? "-" : ((double)allocated / bytes).ToString("0.00") + "x";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>How big the payload of a benchmark is, so throughput and allocation ratios can be shown.</summary>
internal static class Payload
{
    public static long BytesFor(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type == typeof(StatusAuditParseBenchmarks) ? StatusAuditParseBenchmarks.PayloadBytes : 0;
}
