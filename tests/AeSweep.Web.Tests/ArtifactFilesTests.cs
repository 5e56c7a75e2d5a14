using System.Diagnostics;
using System.IO.Compression;
using AeSweep.Storage.Model;
using AeSweep.Web.Artifacts;

namespace AeSweep.Web.Tests;

/// <summary>
/// The artifact service on real folders with real symbolic links planted at every depth: the sweep folder, the
/// trial folder, a sub-folder, the file itself, a link whose own folder is a link, and links inside a checkpoint.
/// </summary>
public sealed class ArtifactFilesTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("aesweep-artifact-files-").FullName;

    public ArtifactFilesTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "sweep", "trial-1", "checkpoint", "optimizer"));
        File.WriteAllText(Path.Combine(Root, "sweep", "trial-1", "gallery.png"), "png");
        File.WriteAllText(Path.Combine(Root, "sweep", "trial-1", "checkpoint", "model.bin"), "weights");
        File.WriteAllText(Path.Combine(Root, "sweep", "trial-1", "checkpoint", "optimizer", "state.bin"), "adam");
        File.WriteAllText(Path.Combine(Root, "sweep", "trial-1", "checkpoint", ".hidden"), "kept");
        Directory.CreateDirectory(Path.Combine(Outside, "ssl", "private"));
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "secret");
        File.WriteAllText(Path.Combine(Outside, "gallery.png"), "secret");
        File.WriteAllText(Path.Combine(Outside, "ssl", "private", "server.key"), "secret");
    }

    private string Root => Path.Combine(_base, "artifacts");

    private string Outside => Path.Combine(_base, "outside");

    private ArtifactFiles Files => new(Root);

    [Fact]
    public void A_file_inside_the_root_opens_with_its_bytes()
    {
        var content = Open("sweep/trial-1/gallery.png");

        Assert.NotNull(content);
        Assert.False(content.IsFolder);
        Assert.Equal("png", Read(content));
    }

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("sweep/../../outside/secret.txt")]
    [InlineData("sweep/trial-1/missing.png")]
    [InlineData("")]
    public void Paths_that_leave_the_root_or_name_nothing_are_refused(string stored)
    {
        Assert.Null(Open(stored));
    }

    [Fact]
    public void An_absolute_path_is_served_only_inside_the_root()
    {
        Assert.Null(Open(Path.Combine(Outside, "secret.txt")));
        Assert.Equal("png", Read(Open(Path.Combine(Root, "sweep", "trial-1", "gallery.png"))));
    }

    [Fact]
    public void A_sibling_folder_sharing_the_roots_name_as_a_prefix_is_outside()
    {
        Directory.CreateDirectory(Root + "-evil");
        File.WriteAllText(Path.Combine(Root + "-evil", "secret.txt"), "secret");

        Assert.False(ArtifactFiles.IsInside(Root, Path.Combine(Root + "-evil", "secret.txt")));
        Assert.False(ArtifactFiles.IsInside(Root, Root));
        Assert.Null(Open(Path.Combine("..", "artifacts-evil", "secret.txt")));
    }

    [Fact]
    public void A_sweep_folder_that_is_a_link_to_outside_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(Outside, "trial-2"));
        File.WriteAllText(Path.Combine(Outside, "trial-2", "gallery.png"), "secret");
        Directory.CreateSymbolicLink(Path.Combine(Root, "linked-sweep"), Outside);

        Assert.Null(Open("linked-sweep/trial-2/gallery.png"));
        Assert.Null(Open("linked-sweep/secret.txt"));
    }

    [Fact]
    public void A_trial_folder_that_is_a_link_to_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-2"), Outside);

        Assert.Null(Open("sweep/trial-2/gallery.png"));
    }

    [Fact]
    public void A_sub_folder_or_a_file_that_is_a_link_to_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-1", "images"), Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-1", "leak.png"), Path.Combine(Outside, "secret.txt"));

        Assert.Null(Open("sweep/trial-1/images/gallery.png"));
        Assert.Null(Open("sweep/trial-1/leak.png"));
        Assert.Null(Open("sweep/trial-1/images"));
    }

    [Fact]
    public void A_link_whose_target_passes_through_another_link_to_outside_is_refused()
    {
        // Only the last link's target looks inside the root (artifacts/hop/secret.txt); hop itself leads out.
        Directory.CreateSymbolicLink(Path.Combine(Root, "hop"), Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-1", "curve.csv"), Path.Combine("..", "..", "hop", "secret.txt"));

        Assert.Null(Open("sweep/trial-1/curve.csv"));
    }

    [Fact]
    public void Links_that_stay_inside_the_root_are_followed()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-3"), Path.Combine(Root, "sweep", "trial-1"));
        File.CreateSymbolicLink(Path.Combine(Root, "sweep", "trial-1", "best.png"), "gallery.png");

        Assert.Equal("png", Read(Open("sweep/trial-3/gallery.png")));
        Assert.Equal("png", Read(Open("sweep/trial-1/best.png")));
    }

    [Fact]
    public void A_root_reached_through_a_link_still_serves_its_files()
    {
        var linkedRoot = Path.Combine(_base, "volume");
        Directory.CreateSymbolicLink(linkedRoot, Root);

        var content = new ArtifactFiles(linkedRoot).Open(new ArtifactInfo("gallery", "sweep/trial-1/gallery.png", "image/png", 3));

        Assert.Equal("png", Read(content));
    }

    [Fact]
    public void A_link_loop_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(Root, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(Root, "b"), "a");

        Assert.Null(Open("a"));
    }

    [Fact]
    public void A_checkpoint_zip_holds_its_regular_files_and_no_link_at_any_depth()
    {
        var checkpoint = Path.Combine(Root, "sweep", "trial-1", "checkpoint");
        Directory.CreateSymbolicLink(Path.Combine(checkpoint, "esc"), Path.Combine(Outside, "ssl"));
        File.CreateSymbolicLink(Path.Combine(checkpoint, "key"), Path.Combine(Outside, "ssl", "private", "server.key"));
        Directory.CreateSymbolicLink(Path.Combine(checkpoint, "optimizer", "deeper"), Outside);
        File.CreateSymbolicLink(Path.Combine(checkpoint, "optimizer", "inside.png"), Path.Combine(Root, "sweep", "trial-1", "gallery.png"));

        var content = Open("sweep/trial-1/checkpoint");

        Assert.NotNull(content);
        Assert.True(content.IsFolder);
        using var zip = new ZipArchive(content.Content);
        Assert.Equal([".hidden", "model.bin", "optimizer/state.bin"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => new StreamReader(e.Open()).ReadToEnd().Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pipe_in_a_checkpoint_does_not_hang_the_zip()
    {
        var pipe = Path.Combine(Root, "sweep", "trial-1", "checkpoint", "fifo");
        MakeFifo(pipe);

        var content = await Task.Run(() => Open("sweep/trial-1/checkpoint")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(content);
        using var zip = new ZipArchive(content.Content);
        Assert.Contains(zip.Entries, e => e.FullName == "model.bin");
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private ArtifactContent? Open(string stored) => Files.Open(new ArtifactInfo("artifact", stored.Replace('/', Path.DirectorySeparatorChar), "application/octet-stream", 0));

    private static string Read(ArtifactContent? content)
    {
        Assert.NotNull(content);
        using var reader = new StreamReader(content.Content);
        return reader.ReadToEnd();
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
