using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The tests of /metrics and of the console run alone: measurements and console output are the process's, and another
/// host running beside them would add to what they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInProcess
{
    public const string Name = "Alone in the process";
}

/// <summary>Prometheus text as /metrics serves it: one sample a line, <c>name{label="value",...} number</c>.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/> ("kind=wall").</summary>
    public IReadOnlyList<double> Values(string name, params string[] labels) =>
        [.. Samples().Where(s => s.Name == name && labels.All(l => s.Labels.Contains(Label(l))))
            .Select(s => double.Parse(s.Value, CultureInfo.InvariantCulture))];

    /// <summary>The one sample of <paramref name="name"/> with these labels, or null when it has none.</summary>
    public double? Value(string name, params string[] labels) => Values(name, labels) is [] ? null : Values(name, labels).Single();

    /// <summary>Every label of every sample of <paramref name="name"/>, as label="value".</summary>
    public IReadOnlyList<string> LabelsOf(string name) =>
        [.. Samples().Where(s => s.Name == name).SelectMany(s => LabelPair().Matches(s.Labels).Select(m => m.Value)).Distinct()];

    private static string Label(string nameIsValue)
    {
        var (name, value) = (nameIsValue.Split('=', 2)[0], nameIsValue.Split('=', 2)[1]);
        return $"{name}=\"{value}\"";
    }

    private IEnumerable<(string Name, string Labels, string Value)> Samples() =>
        Text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => Sample().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, m.Groups["labels"].Value, m.Groups["value"].Value));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\]|\\.)*""")]
    private static partial Regex LabelPair();
}
