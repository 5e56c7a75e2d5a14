using System.Xml.Linq;

namespace AeSweep.Architecture.Tests;

/// <summary>
/// Dependencies point one way: the domain core references no infrastructure, and libraries never carry
/// the native TorchSharp bundle. Read from the project files, so a wrong arrow fails before it compiles in.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly string Root = FindRoot();

    private static readonly string[] Infrastructure =
        ["Microsoft.Orleans", "TorchSharp", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "MudBlazor", "SkiaSharp"];

    [Fact]
    public void Domain_core_references_no_infrastructure_package_or_project()
    {
        var project = Load("src/AeSweep.Core/AeSweep.Core.csproj");

        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        Assert.DoesNotContain(packages, p => Infrastructure.Any(i => p.StartsWith(i, StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.DoesNotContain(project.Descendants("FrameworkReference"), f => ((string)f.Attribute("Include")!).Contains("AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_core_assembly_loads_no_infrastructure_assembly()
    {
        var referenced = typeof(AeSweep.Core.Definitions.SweepDefinition).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(referenced, name => Infrastructure.Any(i => name.StartsWith(i, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Libraries_never_reference_the_native_torch_bundle()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var project = XDocument.Load(path);
            var isExe = project.Descendants("OutputType").Any(o => o.Value.Equals("Exe", StringComparison.OrdinalIgnoreCase));
            var native = project.Descendants("PackageReference").Any(p => ((string)p.Attribute("Include")!).StartsWith("TorchSharp-", StringComparison.Ordinal));
            Assert.False(native && !isExe, $"{Path.GetRelativePath(Root, path)} is a library but references a native TorchSharp bundle");
        }
    }

    /// <summary>
    /// Every production project and the projects it may reference: hosts (CLI, web, worker) → application layer →
    /// engine (grains, trainer) and store → domain core. A project on disk that is missing here fails, and so does
    /// a project listed here that is gone, so the map cannot silently fall behind the code.
    /// </summary>
    private static readonly Dictionary<string, string[]> AllowedReferences = new()
    {
        ["src/AeSweep.Core"] = [],
        ["src/AeSweep.Training"] = ["AeSweep.Core"],
        ["src/AeSweep.Storage"] = ["AeSweep.Core"],
        ["src/AeSweep.Cluster.Abstractions"] = ["AeSweep.Core"],
        ["src/AeSweep.Cluster"] = ["AeSweep.Core", "AeSweep.Cluster.Abstractions", "AeSweep.Storage"],
        ["src/AeSweep.Application"] = ["AeSweep.Core", "AeSweep.Cluster.Abstractions", "AeSweep.Storage"],
        ["workers/AeSweep.Worker"] = ["AeSweep.Core", "AeSweep.Cluster.Abstractions", "AeSweep.Training"],
        ["src/AeSweep.Hosting"] = ["AeSweep.Core", "AeSweep.Cluster", "AeSweep.Cluster.Abstractions", "AeSweep.Storage", "AeSweep.Worker", "AeSweep.Application"],
        ["web/AeSweep.Web"] = ["AeSweep.Core", "AeSweep.Application", "AeSweep.Cluster", "AeSweep.Cluster.Abstractions", "AeSweep.Hosting", "AeSweep.Storage", "AeSweep.Worker"],
        ["src/AeSweep.Cli"] = ["AeSweep.Core", "AeSweep.Application", "AeSweep.Cluster", "AeSweep.Cluster.Abstractions", "AeSweep.Hosting", "AeSweep.Storage", "AeSweep.Web", "AeSweep.Worker"],
    };

    [Fact]
    public void Every_production_project_is_listed_with_its_allowed_references()
    {
        var onDisk = new[] { "src", "web", "workers" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, Path.GetDirectoryName(p)!))
            .ToList();

        Assert.All(onDisk, project => Assert.True(AllowedReferences.ContainsKey(project), $"{project} is not in the architecture map: add it with the projects it may reference"));
        Assert.All(AllowedReferences.Keys, project => Assert.True(
            File.Exists(Path.Combine(Root, project, Path.GetFileName(project) + ".csproj")), $"{project} is in the architecture map but its project file is missing"));
    }

    [Fact]
    public void Projects_depend_only_in_the_allowed_direction()
    {
        foreach (var (project, targets) in AllowedReferences)
        {
            var path = Path.Combine(Root, project, Path.GetFileName(project) + ".csproj");
            Assert.True(File.Exists(path), $"{project}: project file missing");
            var references = XDocument.Load(path).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)).ToList();
            Assert.All(references, r => Assert.True(targets.Contains(r), $"{project} references {r}, which points against the layers"));
        }
    }

    [Fact]
    public void Application_layer_references_no_web_ui_or_database_package()
    {
        var project = Load("src/AeSweep.Application/AeSweep.Application.csproj");

        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || p.StartsWith("MudBlazor", StringComparison.Ordinal)
            || p.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || p.StartsWith("TorchSharp", StringComparison.Ordinal));
        Assert.DoesNotContain(project.Descendants("FrameworkReference"), f => ((string)f.Attribute("Include")!).Contains("AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void No_project_file_pins_a_package_version()
    {
        foreach (var path in Directory.GetFiles(Root, "*.csproj", SearchOption.AllDirectories).Where(p => !p.Contains("/obj/", StringComparison.Ordinal)))
        {
            var versions = XDocument.Load(path).Descendants("PackageReference").Where(p => p.Attribute("Version") is not null).ToList();
            Assert.True(versions.Count == 0, $"{Path.GetRelativePath(Root, path)} pins versions; they belong in Directory.Packages.props");
        }
    }

    private static XDocument Load(string relative) => XDocument.Load(Path.Combine(Root, relative));

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
