namespace AgentDashboard.Testing;

/// <summary>The repository's own files, found from the build output: for the tests and the benchmarks.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The settings every instance of the scale-out sample shares (<c>deploy/scale-out/dashboard.env</c>) as
    /// command-line arguments: <c>KEY=value</c> lines, <c>__</c> for <c>:</c>.
    /// </summary>
    public static string[] ScaleOutSettings() =>
        [.. File.ReadAllLines(Path.Combine(Root, "deploy", "scale-out", "dashboard.env"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => "--" + line.Replace("__", ":"))];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentDashboard.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run this from the repository: AgentDashboard.sln was not found above " + AppContext.BaseDirectory);
    }
}
