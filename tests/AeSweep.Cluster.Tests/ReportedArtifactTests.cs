using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Tests;

/// <summary>The coordinator stores the artifacts a worker reports, as reported, without reading the silo's disk.</summary>
public sealed class ReportedArtifactTests : IAsyncLifetime
{
    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Reported_sizes_are_stored_and_malformed_reports_are_left_out()
    {
        var sweep = await _cluster.SubmitAsync("""
            name: artifacts
            program: [python3, train.py]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 1}
            seed: 1
            """);
        var assignment = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));
        // None of these files exists on the silo: the sizes can only come from the report.
        List<ReportedArtifact> reported =
        [
            new("gallery", $"{sweep.Id}/{assignment.Lease.TrialId}/gallery.png", "image/png", 12345),
            new("log", $"{sweep.Id}/{assignment.Lease.TrialId}/train.log", "text/plain", 0),
            new("negative", "x/negative.bin", "application/octet-stream", -1),
            new(new string('n', 201), "x/long-name.bin", "application/octet-stream", 1),
            new("long-path", new string('p', 1025), "application/octet-stream", 1),
            new("", "x/empty-name.bin", "application/octet-stream", 1),
            new("gallery", "x/second-gallery.png", "image/png", 9),
        ];

        await _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id)
            .CompleteTrialAsync(new TrialCompletion(assignment.Lease, TrialState.Completed, new() { ["loss"] = 0.5 }, reported, null, 1));

        var detail = (await _cluster.Store.GetTrialDetailAsync(assignment.Lease.TrialId, CancellationToken.None))!;
        Assert.Equal(TrialState.Completed, detail.Trial.State);
        Assert.Equal(
            [("gallery", $"{sweep.Id}/{assignment.Lease.TrialId}/gallery.png", "image/png", 12345L), ("log", $"{sweep.Id}/{assignment.Lease.TrialId}/train.log", "text/plain", 0L)],
            detail.Artifacts.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Name, a.RelativePath, a.ContentType, a.Bytes)));
    }
}
