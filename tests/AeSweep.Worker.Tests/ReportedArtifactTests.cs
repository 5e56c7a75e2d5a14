using AeSweep.Cluster.Abstractions;

namespace AeSweep.Worker.Tests;

/// <summary>Workers describe their artifacts from their own disk: path under the artifact root, content type, size.</summary>
public sealed class ReportedArtifactTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("aesweep-artifact-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_under_the_root_is_reported_relative_with_its_size_and_type()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "sweep-1", "trial-1")).FullName;
        var gallery = Path.Combine(folder, "gallery.png");
        File.WriteAllBytes(gallery, new byte[1234]);

        var reported = ReportedArtifact.Describe("gallery", gallery, _root);

        Assert.Equal(new ReportedArtifact("gallery", Path.Combine("sweep-1", "trial-1", "gallery.png"), "image/png", 1234), reported);
    }

    [Fact]
    public void A_folder_reports_no_size_and_a_file_outside_the_root_keeps_its_full_path()
    {
        var checkpoint = Directory.CreateDirectory(Path.Combine(_root, "sweep-1", "trial-1", "checkpoint")).FullName;
        var outside = Path.Combine(Path.GetTempPath(), "aesweep-outside-" + Guid.NewGuid().ToString("N") + ".log");

        Assert.Equal(new ReportedArtifact("checkpoint", Path.Combine("sweep-1", "trial-1", "checkpoint"), "application/octet-stream", 0), ReportedArtifact.Describe("checkpoint", checkpoint, _root));
        Assert.Equal(new ReportedArtifact("log", outside, "text/plain", 0), ReportedArtifact.Describe("log", outside, _root));
    }
}
