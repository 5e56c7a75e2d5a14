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

    [Fact]
    public void Projects_depend_only_in_the_allowed_direction()
    {
        // project → projects it may reference (transitively the arrows still point one way).
        var allowed = new Dictionary<string, string[]>
        {
            ["AeSweep.Core"] = [],
            ["AeSweep.Training"] = ["AeSweep.Core"],
            ["AeSweep.Storage"] = ["AeSweep.Core"],
            ["AeSweep.Cluster.Abstractions"] = ["AeSweep.Core"],
            ["AeSweep.Cluster"] = ["AeSweep.Core", "AeSweep.Cluster.Abstractions", "AeSweep.Storage", "AeSweep.Training"],
            // The application layer sits between the hosts and the engine: never a host (web, CLI) or the grains themselves.
            ["AeSweep.Application"] = ["AeSweep.Core", "AeSweep.Storage", "AeSweep.Cluster.Abstractions"],
        };

        foreach (var (name, targets) in allowed)
        {
            var path = Path.Combine(Root, "src", name, name + ".csproj");
            if (!File.Exists(path))
            {
                continue;
            }

            var references = XDocument.Load(path).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!)).ToList();
            Assert.All(references, r => Assert.Contains(r, targets));
        }
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
