using System.Text.RegularExpressions;

namespace AeSweep.Architecture.Tests;

/// <summary>
/// Pages, API handlers and the CLI's verbs talk to the application layer only: a store interface, the EF context,
/// a grain or the cluster client named in one of their files is an arrow around the layer. Read from the source,
/// because the web and CLI projects must reference the engine to compose it (they are composition roots) — the
/// rule is about who calls it, which project references cannot express.
/// </summary>
public sealed partial class HostBoundaryTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Folders whose files must go through the application layer.</summary>
    private static readonly string[] LayeredFolders =
    [
        "web/AeSweep.Web/Api",
        "web/AeSweep.Web/Components",
        "web/AeSweep.Web/Dashboard",
        "web/AeSweep.Web/Live",
        "src/AeSweep.Cli/Remote",
    ];

    /// <summary>CLI verbs that read or change sweeps (the host-composing verbs serve, coordinator and worker build the engine).</summary>
    private static readonly string[] LayeredCliVerbs =
    [
        "src/AeSweep.Cli/Commands/CancelCommand.cs",
        "src/AeSweep.Cli/Commands/ExportCommand.cs",
        "src/AeSweep.Cli/Commands/ListCommand.cs",
        "src/AeSweep.Cli/Commands/ResumeCommand.cs",
        "src/AeSweep.Cli/Commands/StatusCommand.cs",
        "src/AeSweep.Cli/Commands/SubmitCommand.cs",
        "src/AeSweep.Cli/Commands/RunCommand.cs",
    ];

    [Fact]
    public void Pages_api_handlers_and_cli_verbs_never_touch_the_store_or_grains()
    {
        var files = LayeredFolders
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Concat(LayeredCliVerbs.Select(f => Path.Combine(Root, f)).Where(File.Exists))
            .ToList();
        Assert.NotEmpty(files);

        var offences = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Where(l => EngineSeam().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "These host files reach past the application layer:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_boundary_rule_would_catch_a_page_that_injects_the_store()
    {
        Assert.Matches(EngineSeam(), "@inject ISweepReadModel Store");
        Assert.Matches(EngineSeam(), "var grain = grains.GetGrain<ISweepCoordinatorGrain>(id);");
        Assert.DoesNotMatch(EngineSeam(), "@inject ISweepQueries Queries");
    }

    [GeneratedRegex(@"\b(ISweepStore|ISweepRepository|ITrialQueue|ITrialResultStore|IWorkerRegistry|ISweepReadModel|SweepDbContext|EfSweepStore|IGrainFactory|IClusterClient|SweepSubmitter)\b|GetGrain<")]
    private static partial Regex EngineSeam();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AeSweep.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
