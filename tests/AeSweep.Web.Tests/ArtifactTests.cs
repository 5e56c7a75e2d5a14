using System.IO.Compression;
using System.Net;
using System.Text.Json;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ArtifactTests(ApiServer server) : IAsyncLifetime
{
    private readonly HttpClient _client = server.Client();
    private string _trialId = null!;

    public async Task InitializeAsync()
    {
        // A finished trial with artifacts as a worker would record them, plus rows pointing outside the artifact root.
        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("artifacts"));
        var trial = await server.Store.AddRunningTrialAsync(sweepId, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(1.0) }, AskedTrial.WorkerId, TimeSpan.FromHours(1), CancellationToken.None);
        var folder = Path.Combine(server.ArtifactRoot, trial.Id);
        Directory.CreateDirectory(Path.Combine(folder, "checkpoint"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "gallery.png"), [0x89, (byte)'P', (byte)'N', (byte)'G']);
        await File.WriteAllTextAsync(Path.Combine(folder, "checkpoint", "model.bin"), "weights");
        await File.WriteAllTextAsync(Path.Combine(folder, "checkpoint", "state.json"), "{}");
        var outside = Path.Combine(Path.GetTempPath(), $"aesweep-outside-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(outside, "secret");
        ArtifactInfo[] artifacts =
        [
            new("gallery", Path.Combine(trial.Id, "gallery.png"), "image/png", 4),
            new("checkpoint", Path.Combine(trial.Id, "checkpoint"), "application/octet-stream", 0),
            new("escape", Path.Combine("..", "..", "..", "..", "etc", "passwd"), "text/plain", 0),
            new("absolute", outside, "text/plain", 6),
        ];
        var finish = new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["loss"] = 1, ["pca_val_mse"] = 2, ["val_mse"] = 0.5 }, Artifacts: artifacts, Lease: trial.Lease);
        Assert.True((await server.Store.FinishTrialAsync(finish, CancellationToken.None)).Applied);
        _trialId = trial.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_trial_lists_its_artifacts_with_download_urls_and_the_pca_gain()
    {
        using var detail = JsonDocument.Parse(await _client.GetStringAsync($"/api/trials/{_trialId}"));

        var urls = detail.RootElement.GetProperty("artifacts").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("url").GetString()!);
        Assert.Equal($"/api/trials/{_trialId}/artifacts/gallery", urls["gallery"]);
        var trial = detail.RootElement.GetProperty("trial");
        Assert.Equal(2.0, trial.GetProperty("pca_val_mse").GetDouble());
        Assert.Equal(0.75, trial.GetProperty("pca_gain").GetDouble());
    }

    [Fact]
    public async Task A_file_artifact_streams_with_its_content_type()
    {
        var response = await _client.GetAsync($"/api/trials/{_trialId}/artifacts/gallery");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_directory_artifact_streams_as_a_zip()
    {
        var response = await _client.GetAsync($"/api/trials/{_trialId}/artifacts/checkpoint");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["model.bin", "state.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("..%5C..%5Cwindows")]
    [InlineData("gallery%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("escape")]
    [InlineData("absolute")]
    public async Task Traversal_attempts_never_reach_a_file_outside_the_artifact_root(string name)
    {
        var response = await _client.GetAsync($"/api/trials/{_trialId}/artifacts/{name}");

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/trials/{0}/artifacts/../../../../etc/passwd")]
    [InlineData("/api/trials/%2E%2E%2F%2E%2E/artifacts/gallery")]
    public async Task Traversal_in_the_raw_path_is_refused(string template)
    {
        var url = new Uri(server.BaseAddress, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, _trialId));

        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.DoesNotContain("root:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
