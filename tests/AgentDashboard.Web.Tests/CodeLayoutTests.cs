using System.Text.RegularExpressions;

namespace AgentDashboard.Web.Tests;

/// <summary>
/// The shape the code keeps, read from the repository's own files: the dashboard knows the simulator only where demo
/// mode mounts it, source files stay short enough to read, and scripts are modules the pages load where they need
/// them, watching only their own part of the page.
/// </summary>
public sealed partial class CodeLayoutTests
{
    private const int LongestFile = 400;

    private static IEnumerable<string> Files(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f => !new[] { "obj", "bin", "node_modules" }.Any(build => f.Contains($"{Path.DirectorySeparatorChar}{build}{Path.DirectorySeparatorChar}"))); // not ours: built or installed

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');

    [Fact]
    public void Only_the_demo_mount_names_the_simulator()
    {
        var naming = Files("src/AgentDashboard.Web", ".cs", ".razor")
            .Where(f => File.ReadAllText(f).Contains("AgentDashboard.Simulator", StringComparison.Ordinal))
            .Select(Relative);
        Assert.Equal(["src/AgentDashboard.Web/Demo/DemoBackend.cs"], naming);
    }

    [Fact]
    public void No_source_file_is_longer_than_400_lines_without_saying_why()
    {
        var tooLong = new[] { "src", "tests", "bench" }
            .SelectMany(folder => Files(folder, ".cs", ".razor", ".js"))
            .Concat(Files("wwwroot", ".js", ".css"))
            .Where(f => File.ReadLines(f).Count() > LongestFile && !File.ReadAllText(f).Contains($"Longer than {LongestFile} lines because", StringComparison.Ordinal))
            .Select(Relative);
        Assert.Empty(tooLong);
    }

    [Fact]
    public void Pages_load_only_the_start_up_scripts_and_no_script_watches_the_whole_document()
    {
        string app = File.ReadAllText(Path.Combine(Repository.Root, "src/AgentDashboard.Web/Components/App.razor"));
        Assert.Equal(["_framework/blazor.web.js", "_content/MudBlazor/MudBlazor.min.js", "js/start.js"], ScriptSource().Matches(app).Select(m => m.Groups[1].Value));

        var watchingEverything = Files("wwwroot", ".js")
            .Where(f => DocumentObserver().IsMatch(File.ReadAllText(f)))
            .Select(Relative);
        Assert.Empty(watchingEverything);
    }

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    /// <summary>An observer of the whole page, or a listener on the whole document.</summary>
    [GeneratedRegex(@"observe\(\s*document|document\.addEventListener")]
    private static partial Regex DocumentObserver();
}
