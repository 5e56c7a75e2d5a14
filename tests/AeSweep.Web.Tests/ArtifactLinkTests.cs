using System.IO.Compression;
using System.Net;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Tests;

/// <summary>
/// Both artifact routes of the real server — the API's <c>/api/trials/{id}/artifacts/{name}</c> and the dashboard's
/// <c>/files/trials/{id}/{name}</c> — with symbolic links planted in the artifact folder as a hostile trainer could:
/// a trial folder that is a link, a linked sub-folder, a linked file, and links inside a checkpoint.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ArtifactLinkTests(ApiServer server) : IAsyncLifetime
{
    private readonly HttpClient _api = server.Client();
    private HttpClient _dashboard = null!;
    private readonly string _outside = Directory.CreateTempSubdirectory("aesweep-outside-").FullName;
    private string _sweepId = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_outside, "ssl", "private"));
        Directory.CreateDirectory(Path.Combine(_outside, "checkpoint"));
        await File.WriteAllTextAsync(Path.Combine(_outside, "ssl", "private", "server.key"), "secret key");
        await File.WriteAllTextAsync(Path.Combine(_outside, "gallery.png"), "secret png");
        await File.WriteAllTextAsync(Path.Combine(_outside, "checkpoint", "model.bin"), "secret weights");
        _sweepId = await Sweeps.SubmitAsync(_api, Sweeps.AskTell("artifact-links"));
        _dashboard = await server.DashboardAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outside, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_trial_folder_replaced_by_a_link_to_outside_serves_nothing_on_either_route()
    {
        var trial = await AddTrialAsync(("gallery", "gallery.png"), ("checkpoint", "checkpoint"));
        Directory.CreateSymbolicLink(Path.Combine(server.ArtifactRoot, trial), _outside);

        foreach (var name in new[] { "gallery", "checkpoint" })
        {
            await AssertRefusedOnBothRoutesAsync(trial, name);
        }
    }

    [Fact]
    public async Task A_linked_sub_folder_or_file_pointing_outside_serves_nothing_on_either_route()
    {
        var trial = await AddTrialAsync(("images", Path.Combine("images", "gallery.png")), ("leak", "leak.png"));
        var folder = Directory.CreateDirectory(Path.Combine(server.ArtifactRoot, trial)).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "images"), _outside);
        File.CreateSymbolicLink(Path.Combine(folder, "leak.png"), Path.Combine(_outside, "ssl", "private", "server.key"));

        await AssertRefusedOnBothRoutesAsync(trial, "images");
        await AssertRefusedOnBothRoutesAsync(trial, "leak");
    }

    [Fact]
    public async Task A_link_to_a_folder_inside_the_root_is_served_on_both_routes()
    {
        var owner = await AddTrialAsync();
        Directory.CreateDirectory(Path.Combine(server.ArtifactRoot, owner));
        await File.WriteAllTextAsync(Path.Combine(server.ArtifactRoot, owner, "gallery.png"), "shared png");
        var trial = await AddTrialAsync(("shared", Path.Combine("shared", "gallery.png")));
        var folder = Directory.CreateDirectory(Path.Combine(server.ArtifactRoot, trial)).FullName;
        Directory.CreateSymbolicLink(Path.Combine(folder, "shared"), Path.Combine(server.ArtifactRoot, owner));

        Assert.Equal("shared png", await _api.GetStringAsync($"/api/trials/{trial}/artifacts/shared"));
        Assert.Equal("shared png", await _dashboard.GetStringAsync($"/files/trials/{trial}/shared"));
    }

    [Fact]
    public async Task A_checkpoint_zip_leaves_out_every_link_on_both_routes()
    {
        var trial = await AddTrialAsync(("checkpoint", "checkpoint"));
        var checkpoint = Directory.CreateDirectory(Path.Combine(server.ArtifactRoot, trial, "checkpoint", "optimizer")).Parent!.FullName;
        await File.WriteAllTextAsync(Path.Combine(checkpoint, "model.bin"), "weights");
        await File.WriteAllTextAsync(Path.Combine(checkpoint, "optimizer", "state.bin"), "adam");
        Directory.CreateSymbolicLink(Path.Combine(checkpoint, "esc"), Path.Combine(_outside, "ssl"));
        File.CreateSymbolicLink(Path.Combine(checkpoint, "key"), Path.Combine(_outside, "ssl", "private", "server.key"));
        Directory.CreateSymbolicLink(Path.Combine(checkpoint, "optimizer", "deeper"), _outside);

        foreach (var url in new[] { $"/api/trials/{trial}/artifacts/checkpoint", $"/files/trials/{trial}/checkpoint" })
        {
            var response = await (url.StartsWith("/api", StringComparison.Ordinal) ? _api : _dashboard).GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            Assert.Equal(["model.bin", "optimizer/state.bin"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(zip.Entries, e => new StreamReader(e.Open()).ReadToEnd().Contains("secret", StringComparison.Ordinal));
        }
    }

    private async Task AssertRefusedOnBothRoutesAsync(string trial, string name)
    {
        var api = await _api.GetAsync($"/api/trials/{trial}/artifacts/{name}");
        var dashboard = await _dashboard.GetAsync($"/files/trials/{trial}/{name}");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.DoesNotContain("secret", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A finished trial whose artifacts are recorded as a worker records them (relative to the artifact root).</summary>
    private async Task<string> AddTrialAsync(params (string Name, string Path)[] artifacts)
    {
        var trial = await server.Store.AddRunningTrialAsync(_sweepId, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(1.0) }, AskedTrial.WorkerId, TimeSpan.FromHours(1), CancellationToken.None);
        var rows = artifacts.Select(a => new ArtifactInfo(a.Name, Path.Combine(trial.Id, a.Path), "application/octet-stream", 0)).ToList();
        var finish = new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["loss"] = 1 }, Artifacts: rows, Lease: trial.Lease);
        Assert.True((await server.Store.FinishTrialAsync(finish, CancellationToken.None)).Applied);
        return trial.Id;
    }
}
