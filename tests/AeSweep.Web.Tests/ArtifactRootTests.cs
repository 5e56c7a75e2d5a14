using System.Net;
using AeSweep.Cluster;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Hosting;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using AeSweep.Web.Artifacts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AeSweep.Web.Tests;

/// <summary>
/// Every artifact route reads from the root the server's trials write to, in both modes: <c>--artifacts</c> when
/// given, DATA/artifacts otherwise; the API and the dashboard's <c>/files</c> routes share one artifact service.
/// </summary>
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
        Assert.Equal(shared, app.Services.GetRequiredService<ArtifactService>().ArtifactRoot);
    }

    [Fact]
    public async Task Embedded_mode_serves_artifacts_from_the_data_folder_where_its_worker_writes()
    {
        var settings = new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = _data, Slots = 0 };

        await using var app = AeSweepWebServer.Build(settings);

        Assert.Equal(EmbeddedHost.ArtifactRoot(_data), app.Services.GetRequiredService<ArtifactService>().ArtifactRoot);
        Assert.Equal(EmbeddedHost.ArtifactRoot(_data), Path.GetFullPath(app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.ArtifactRoot));
    }

    [Fact]
    public async Task Embedded_mode_honours_the_artifacts_option_for_its_coordinator_and_every_route()
    {
        var custom = Path.Combine(_data, "elsewhere");
        var settings = new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = _data, Slots = 1, ArtifactRoot = custom };

        await using var app = AeSweepWebServer.Build(settings);

        Assert.Equal(custom, app.Services.GetRequiredService<ArtifactService>().ArtifactRoot);
        Assert.Equal(custom, Path.GetFullPath(app.Services.GetRequiredService<IOptions<SchedulingOptions>>().Value.ArtifactRoot));
        Assert.Equal(custom, Path.GetFullPath(app.Services.GetRequiredService<IOptions<AeSweep.Worker.WorkerOptions>>().Value.ArtifactRoot));
    }

    [Fact]
    public async Task With_a_custom_artifact_root_the_dashboards_image_url_and_the_api_answer_200()
    {
        var custom = Path.Combine(_data, "custom-artifacts");
        await using var server = await OwnServer.StartAsync(folder => new WebServerSettings { Urls = ["http://127.0.0.1:0"], DataDirectory = folder, Slots = 0, ArtifactRoot = custom });

        await AssertGalleryServedAsync(server, custom);
    }

    [PostgresFact]
    public async Task In_cluster_mode_with_a_custom_artifact_root_the_dashboards_image_url_answers_200()
    {
        var server = Environment.GetEnvironmentVariable("AESWEEP_TEST_POSTGRES")!;
        var database = $"aesweep_web_{Guid.NewGuid():N}";
        await AdministerAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            var custom = Path.Combine(_data, "shared-volume");
            await using (var coordinator = await OwnServer.StartAsync(folder => new WebServerSettings
            {
                Urls = ["http://127.0.0.1:0"],
                DataDirectory = folder,
                Slots = 0,
                ArtifactRoot = custom,
                Cluster = new ClusterMembership(connection, $"web-{Guid.NewGuid():N}"),
                ClusterEndpoints = (IPAddress.Loopback, OrleansClustering.FreePort(), OrleansClustering.FreePort()),
            }))
            {
                await AssertGalleryServedAsync(coordinator, custom);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdministerAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>A finished trial whose gallery a worker wrote under <paramref name="root"/>: both routes serve it.</summary>
    private static async Task AssertGalleryServedAsync(OwnServer server, string root)
    {
        var store = server.Services.GetRequiredService<ITrialQueue>();
        var sweepId = await Sweeps.SubmitAsync(server.ApiClient(), Sweeps.AskTell("custom-root"));
        var trial = await store.AddRunningTrialAsync(sweepId, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(1.0) }, AskedTrial.WorkerId, TimeSpan.FromHours(1), CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(root, trial.Id));
        await File.WriteAllTextAsync(Path.Combine(root, trial.Id, "gallery.png"), "png");
        ArtifactInfo[] artifacts = [new("gallery", Path.Combine(trial.Id, "gallery.png"), "image/png", 3)];
        Assert.True((await store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["loss"] = 1 }, Artifacts: artifacts, Lease: trial.Lease), CancellationToken.None)).Applied);

        using var dashboard = await server.DashboardAsync();
        using var image = await dashboard.GetAsync(Dashboard.ArtifactFileEndpoints.UrlFor(trial.Id, "gallery"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("png", await image.Content.ReadAsStringAsync());
        using var api = server.ApiClient();
        Assert.Equal("png", await api.GetStringAsync($"/api/trials/{trial.Id}/artifacts/gallery"));
    }

    private static async Task AdministerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
