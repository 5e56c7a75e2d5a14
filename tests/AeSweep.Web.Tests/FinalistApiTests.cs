using System.Net;
using System.Text.Json;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>
/// <c>GET /api/sweeps/{id}/finalists</c> on the real server: a program sweep with finalize, its trials finished through
/// the server's own coordinator (this test plays the worker), answers the finalists with the mean and sample std of
/// the values the runs reported, ranked by the mean.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FinalistApiTests(ApiServer server)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client = server.Client();

    [Fact]
    public async Task Finalists_come_with_the_sample_std_of_their_runs_ranked_by_the_mean()
    {
        var id = await Sweeps.SubmitAsync(_client, """
            name: finalists-api
            program: [trainer]
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 3, max_parallel: 3}
            finalize: {top_k: 2, seeds: 3}
            seed: 11
            """);
        using (var before = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}/finalists")))
        {
            Assert.Equal(2, before.RootElement.GetProperty("top_k").GetInt32());
            Assert.Empty(before.RootElement.GetProperty("finalists").EnumerateArray());
        }

        // Search: trial values 0.5, 0.1, 0.3 → finalists #1 (0.1) and #2 (0.3).
        var search = await FinishPendingAsync(id, 3, [0.5, 0.1, 0.3]);
        // Finalist runs, round robin #1, #2, #1, #2, #1, #2: #1's new runs average worse than #2's.
        var runs = await FinishPendingAsync(id, 6, [0.40, 0.20, 0.44, 0.22, 0.48, 0.27]);

        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}/finalists"));
        var finalists = json.RootElement.GetProperty("finalists").EnumerateArray().ToList();
        Assert.Equal("loss", json.RootElement.GetProperty("metric").GetString());
        Assert.Equal("minimize", json.RootElement.GetProperty("goal").GetString());
        Assert.Equal([search[2], search[1]], finalists.Select(f => f.GetProperty("trial_id").GetString()));
        Assert.Equal([1, 2], finalists.Select(f => f.GetProperty("rank").GetInt32()));
        AssertSpread(finalists[0], [0.20, 0.22, 0.27]);
        AssertSpread(finalists[1], [0.40, 0.44, 0.48]);
        var first = finalists[0].GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([search[2], runs[1], runs[3], runs[5]], first.Select(r => r.GetProperty("trial_id").GetString()));
        Assert.Equal(4, first.Select(r => r.GetProperty("seed").GetInt64()).Distinct().Count());

        using var sweep = JsonDocument.Parse(await _client.GetStringAsync($"/api/sweeps/{id}"));
        Assert.Equal("completed", sweep.RootElement.GetProperty("sweep").GetProperty("state").GetString());
        using var trial = JsonDocument.Parse(await _client.GetStringAsync($"/api/trials/{runs[0]}"));
        Assert.Equal(search[1], trial.RootElement.GetProperty("trial").GetProperty("finalist_of").GetString());
    }

    [Fact]
    public async Task Finalists_of_an_unknown_sweep_are_404()
    {
        var response = await _client.GetAsync("/api/sweeps/nope/finalists");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertSpread(JsonElement finalist, double[] values)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        Assert.Equal(mean, finalist.GetProperty("mean").GetProperty("loss").GetDouble(), 12);
        Assert.Equal(std, finalist.GetProperty("std").GetProperty("loss").GetDouble(), 12);
        Assert.Equal(values.Length, finalist.GetProperty("completed_runs").GetInt32());
    }

    /// <summary>Plays the worker for this sweep only: starts its pending trials in number order and tells the coordinator each value, until <paramref name="count"/> have finished.</summary>
    private async Task<List<string>> FinishPendingAsync(string sweepId, int count, double[] losses)
    {
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var finished = new List<string>();
        var until = DateTime.UtcNow + Deadline;
        while (finished.Count < count)
        {
            var pending = await server.Store.PendingTrialsOfSweepAsync(sweepId, count - finished.Count, CancellationToken.None);
            if (pending.Count == 0)
            {
                Assert.True(DateTime.UtcNow < until, $"sweep {sweepId}: {count - finished.Count} trial(s) did not become pending within {Deadline}");
                await Task.Delay(50);
                continue;
            }

            foreach (var trial in pending.OrderBy(t => t.Number))
            {
                var started = await server.Store.StartTrialAsync(trial.Id, "finalist-test-worker", TimeSpan.FromMinutes(10), CancellationToken.None);
                var lease = started.Trial!.Lease!;
                await grains.GetGrain<ISweepCoordinatorGrain>(sweepId).CompleteTrialAsync(new TrialCompletion(
                    new TrialLeaseToken(lease.TrialId, lease.WorkerId, lease.Attempt), TrialState.Completed, new() { ["loss"] = losses[finished.Count] }, [], null, 1));
                finished.Add(trial.Id);
            }
        }

        return finished;
    }
}
