using System.Net;
using System.Text.Json;
using AeSweep.Application.Contracts;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Tests;

/// <summary>
/// <c>GET /api/sweeps/{id}/pareto</c> on a real server: the front of a multi-objective sweep's completed trials as the
/// typed contract, ordered by the first objective; 404 problem details for an unknown sweep, 409 for a single-objective one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ParetoApiTests(ApiServer server)
{
    // A program sweep that nothing runs here (the test server has no slots): its trials are stored as a worker would.
    private const string RateDistortion = """
        name: pareto-api
        program: {command: [python3, train.py]}
        method: random
        metrics:
          - {name: loss, goal: minimize}
          - {name: code_size, goal: minimize}
        parameters:
          code_size: {values: [2, 4, 8, 16]}
        budget: {max_trials: 50, max_parallel: 1}
        seed: 3
        """;

    [Fact]
    public async Task The_pareto_route_returns_the_non_dominated_completed_trials_ordered_by_the_first_objective()
    {
        using var client = server.Client();
        var sweepId = await Sweeps.SubmitAsync(client, RateDistortion);
        // (code_size, loss): (2, 0.9) and (4, 0.5) and (16, 0.1) are on the front; (8, 0.6) and (16, 0.2) are dominated.
        var onFront = new List<string>
        {
            await CompleteAsync(sweepId, 16, 0.1),
            await CompleteAsync(sweepId, 4, 0.5),
            await CompleteAsync(sweepId, 2, 0.9),
        };
        await CompleteAsync(sweepId, 8, 0.6);
        await CompleteAsync(sweepId, 16, 0.2);

        using var response = await client.GetAsync($"/api/sweeps/{sweepId}/pareto");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var front = JsonSerializer.Deserialize<ParetoFrontView>(await response.Content.ReadAsStringAsync(), ContractJson.Options)!;

        Assert.Equal(sweepId, front.SweepId);
        Assert.Equal(["loss", "code_size"], front.Objectives.Select(o => o.Name));
        Assert.Equal(onFront, front.Trials.Select(t => t.TrialId));
        Assert.Equal(5, front.CompletedTrials);
        Assert.Equal([0.1, 16], front.Trials[0].Objectives);
        Assert.Equal(16, front.Trials[0].Parameters["code_size"].GetInt64());
        Assert.Equal(16, front.Trials[0].Metrics["code_size"]);
        Assert.Equal([2, 4, 8, 16], front.PcaCurve.Select(p => p.CodeSize));
    }

    [Fact]
    public async Task The_pareto_route_answers_404_for_an_unknown_sweep_and_409_for_a_single_objective_one()
    {
        using var client = server.Client();
        var single = await Sweeps.SubmitAsync(client, Sweeps.AskTell("pareto-single"));

        using var missing = await client.GetAsync("/api/sweeps/no-such-sweep/pareto");
        using var conflict = await client.GetAsync($"/api/sweeps/{single}/pareto");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Contains("a Pareto front needs metrics:", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Stores a completed trial with the metrics a worker reports (the objectives, and the PCA baseline at its code size).
    private async Task<string> CompleteAsync(string sweepId, long codeSize, double loss)
    {
        var parameters = new Dictionary<string, ParameterValue> { ["code_size"] = ParameterValue.Of(codeSize) };
        var trial = await server.Store.AddRunningTrialAsync(sweepId, parameters, AskedTrial.WorkerId, TimeSpan.FromHours(1), CancellationToken.None);
        var metrics = new Dictionary<string, double> { ["loss"] = loss, ["code_size"] = codeSize, ["pca_val_mse"] = 1.0 / codeSize };
        Assert.True((await server.Store.FinishTrialAsync(new TrialFinish(trial.Id, TrialState.Completed, Metrics: metrics, Lease: trial.Lease), CancellationToken.None)).Applied);
        return trial.Id;
    }
}
