using AeSweep.Hosting;
using AeSweep.Web.Artifacts;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>Every artifact route reads from the root the server's trials write to, in both modes.</summary>
public sealed class ArtifactRootTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("aesweep-root-").FullName;

    [Fact]
    public async Task Cluster_mode_serves_artifacts_from_the_shared_artifacts_folder()
    {
        var shared = Path.Combine(_data, "shared-volume");
        var settings = new WebServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            DataDirectory = _data,
            Slots = 0,
            ArtifactRoot = shared,
            // Built, never started: nothing connects to this server.
            Cluster = new ClusterMembership("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none", "test"),
        };

        await using var app = AeSweepWebServer.Build(settings);

        Assert.Equal(shared, app.Services.GetRequiredService<ArtifactFiles>().ArtifactRoot);
    }

    [Fact]
    public async Task Embedded_mode_serves_artifacts_from_the_data_folder_where_its_worker_writes()
    {
        var settings = new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = _data, Slots = 0, ArtifactRoot = Path.Combine(_data, "ignored") };

        await using var app = AeSweepWebServer.Build(settings);

        Assert.Equal(EmbeddedHost.ArtifactRoot(_data), app.Services.GetRequiredService<ArtifactFiles>().ArtifactRoot);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
