namespace AeSweep.Web.Dashboard.Tests;

public sealed class ArtifactPathGuardTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("aesweep-guard-").FullName;

    private string Root => Path.Combine(_base, "artifacts");

    public ArtifactPathGuardTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "sweep", "trial-1"));
        File.WriteAllText(Path.Combine(Root, "sweep", "trial-1", "gallery.png"), "png");
        Directory.CreateDirectory(Path.Combine(_base, "artifacts-evil"));
        File.WriteAllText(Path.Combine(_base, "secret.txt"), "secret");
    }

    [Fact]
    public void A_path_inside_the_root_resolves()
    {
        var path = ArtifactPathGuard.Resolve(Root, Path.Combine("sweep", "trial-1", "gallery.png"));
        Assert.Equal(Path.Combine(Root, "sweep", "trial-1", "gallery.png"), path);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("sweep/../../secret.txt")]
    [InlineData("../artifacts-evil/x")]
    [InlineData("")]
    [InlineData(".")]
    public void Paths_that_leave_the_root_are_refused(string relative) =>
        Assert.Null(ArtifactPathGuard.Resolve(Root, relative));

    [Fact]
    public void Absolute_paths_are_refused_even_inside_the_root()
    {
        Assert.Null(ArtifactPathGuard.Resolve(Root, Path.Combine(_base, "secret.txt")));
        Assert.Null(ArtifactPathGuard.Resolve(Root, Path.Combine(Root, "sweep", "trial-1", "gallery.png")));
    }

    [Fact]
    public void A_link_inside_the_root_pointing_outside_is_refused()
    {
        var link = Path.Combine(Root, "sweep", "trial-1", "escape.txt");
        File.CreateSymbolicLink(link, Path.Combine(_base, "secret.txt"));
        Assert.Null(ArtifactPathGuard.Resolve(Root, Path.Combine("sweep", "trial-1", "escape.txt")));
    }

    [Fact]
    public void A_sibling_folder_sharing_the_root_prefix_is_not_inside()
    {
        Assert.False(ArtifactPathGuard.IsInside(Root, Path.Combine(_base, "artifacts-evil", "x")));
        Assert.True(ArtifactPathGuard.IsInside(Root, Path.Combine(Root, "x")));
        Assert.False(ArtifactPathGuard.IsInside(Root, Root));
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
