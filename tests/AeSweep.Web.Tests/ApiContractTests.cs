using System.Text.Json;
using System.Text.Json.Nodes;
using AeSweep.Application.Contracts;
using AeSweep.Cli.Remote;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;

namespace AeSweep.Web.Tests;

/// <summary>
/// The API's answers are the contract records: the OpenAPI document gives every route a response schema, and the
/// CLI's client reads every answer into the same records — so a renamed field fails here, not silently in the CLI.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiContractTests(ApiServer server)
{
    [Fact]
    public async Task Every_route_in_the_openapi_document_has_a_2xx_response_schema()
    {
        var text = await server.Anonymous().GetStringAsync("/openapi/v1.json"); File.WriteAllText("/tmp/openapi-v1.json", text);
        using var document = JsonDocument.Parse(text);

        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var success = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                var withSchema = success.Any(r => r.Value.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out var schema) && schema.EnumerateObject().Any()));
                if (!withSchema)
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, "routes without a 2xx response schema: " + string.Join(", ", missing));
        Assert.Contains("/api/sweeps/{id}/ask", document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_cli_client_reads_every_contract_the_api_returns()
    {
        using var client = new AeSweepApiClient(server.BaseAddress, server.ApiKey);
        var workerId = $"contract-worker-{Guid.NewGuid():N}";
        await server.Store.RegisterWorkerAsync(new WorkerRegistration(workerId, "gpu-box", [new WorkerDevice("cuda", 0, "H200", 141L << 30)], 2), CancellationToken.None);

        var submitted = await client.SubmitAsync(Sweeps.AskTell("contracts", maxTrials: 5), CancellationToken.None);
        var asked = await client.AskAsync(submitted.Id, CancellationToken.None);
        var told = await client.TellAsync(asked.TrialId, new TellRequest(Value: 0.25, IntermediateValues: new Dictionary<string, double> { ["1"] = 0.5, ["2"] = 0.25 }), CancellationToken.None);
        var withArtifact = await FinishWithArtifactAsync(submitted.Id);

        var sweep = await client.GetSweepAsync(submitted.Id, CancellationToken.None);
        var sweeps = await client.ListSweepsAsync(500, CancellationToken.None);
        var trials = await client.ListTrialsAsync(submitted.Id, 10, CancellationToken.None);
        var detail = await client.GetTrialAsync(asked.TrialId, CancellationToken.None);
        var artifactDetail = await client.GetTrialAsync(withArtifact, CancellationToken.None);
        var workers = await client.ListWorkersAsync(CancellationToken.None);
        var export = await client.ExportJsonAsync(submitted.Id, CancellationToken.None);
        var cancelled = await client.CancelAsync(submitted.Id, CancellationToken.None);

        Assert.Equal("contracts", submitted.Name);
        Assert.Equal("completed", told.State);
        Assert.Equal(asked.TrialId, told.TrialId);
        Assert.Equal("loss", sweep.Sweep.Metric);
        Assert.Equal("minimize", sweep.Sweep.Goal);
        Assert.Equal(5, sweep.Budget!.MaxTrials);
        Assert.Equal(2, sweep.Counts["completed"]);
        Assert.Contains(sweeps.Items, s => s.Id == submitted.Id);
        Assert.Equal(0.25, trials.Items.Single(t => t.Id == asked.TrialId).Objective);
        Assert.True(asked.Parameters["x"].ValueKind == JsonValueKind.Number && asked.Parameters["kind"].ValueKind == JsonValueKind.String);
        Assert.Equal([1, 2], detail.Epochs.Select(e => e.Epoch));
        Assert.Equal(2, detail.EpochsRun);
        var artifact = Assert.Single(artifactDetail.Artifacts);
        Assert.Equal(($"/api/trials/{withArtifact}/artifacts/gallery", "image/png", 4L), (artifact.Url, artifact.ContentType, artifact.Bytes));
        Assert.Equal(0.75, artifactDetail.Trial.PcaGain);
        var worker = Assert.Single(workers.Items, w => w.Id == workerId);
        Assert.Equal(("gpu-box", 2, "H200"), (worker.Host, worker.Slots, Assert.Single(worker.Devices).Name));
        Assert.Equal(2, export.Trials.Count);
        Assert.Equal(("cancelled", submitted.Id), (cancelled.State, cancelled.Id));
    }

    [Fact]
    public async Task A_renamed_or_missing_field_fails_the_contract_instead_of_reading_as_null()
    {
        var id = await Sweeps.SubmitAsync(server.Client(), Sweeps.AskTell("renamed"));
        var body = JsonNode.Parse(await server.Client().GetStringAsync($"/api/sweeps/{id}"))!.AsObject();
        Assert.NotNull(JsonSerializer.Deserialize<SweepDetailView>(body.ToJsonString(), ContractJson.Options));

        var sweep = body["sweep"]!.AsObject();
        var goal = sweep["goal"]!.DeepClone();
        sweep.Remove("goal");
        sweep["objective_goal"] = goal;

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SweepDetailView>(body.ToJsonString(), ContractJson.Options));
    }

    private async Task<string> FinishWithArtifactAsync(string sweepId)
    {
        var trial = await server.Store.AddRunningTrialAsync(sweepId, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(1.0), ["kind"] = ParameterValue.Of("a") }, AskedTrial.WorkerId, TimeSpan.FromHours(1), CancellationToken.None);
        ArtifactInfo[] artifacts = [new("gallery", Path.Combine(trial.Id, "gallery.png"), "image/png", 4)];
        var finish = new TrialFinish(trial.Id, TrialState.Completed, Metrics: new Dictionary<string, double> { ["loss"] = 1, ["pca_val_mse"] = 2, ["val_mse"] = 0.5 }, Artifacts: artifacts, Lease: trial.Lease);
        Assert.True((await server.Store.FinishTrialAsync(finish, CancellationToken.None)).Applied);
        return trial.Id;
    }
}
