using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Live;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>The queries the dashboard's pages read through, and the change feed the application's commands publish on.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardQueryTests(ApiServer server)
{
    private readonly HttpClient _client = server.Client();

    private ISweepQueries Queries => server.Services.GetRequiredService<ISweepQueries>();

    [Fact]
    public async Task The_sweep_analysis_has_every_trial_with_parameters_final_metrics_epochs_and_the_design()
    {
        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("analysis"));
        var told = await AskAsync(sweepId);
        await TellAsync(told, """{"value": 0.5, "intermediate_values": {"1": 0.9, "2": 0.7}}""");
        var running = await AskAsync(sweepId);

        var analysis = await Queries.GetSweepAnalysisAsync(sweepId, CancellationToken.None);

        Assert.NotNull(analysis);
        Assert.Equal("analysis", analysis.Sweep.Name);
        Assert.Equal(MetricGoal.Minimize, analysis.Sweep.MetricGoal);
        Assert.Equal(["x", "kind"], analysis.Design!.Parameters);
        Assert.Equal(3, analysis.Design.MaxTrials);
        Assert.Equal([told, running], analysis.Trials.Select(t => t.Id));
        var completed = analysis.Trials[0];
        Assert.Equal(TrialState.Completed, completed.State);
        Assert.Equal(0.5, completed.ObjectiveValue);
        Assert.True(completed.Parameters["x"].IsNumeric);
        Assert.Equal([1, 2], analysis.Epochs[told].Select(e => e.Epoch));
        Assert.Equal(TrialState.Running, analysis.Trials[1].State);
        Assert.Null(await Queries.GetSweepAnalysisAsync("no-such-sweep", CancellationToken.None));
    }

    [Fact]
    public async Task Running_trials_come_with_their_sweep_and_latest_epoch()
    {
        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("running-epochs"));
        var trialId = await AskAsync(sweepId);
        var trial = await server.Store.GetTrialAsync(trialId, CancellationToken.None);
        foreach (var epoch in new[] { 1, 2, 3 })
        {
            Assert.True((await server.Store.RecordEpochMetricsAsync(trial!.Lease!, epoch, new Dictionary<string, double> { ["loss"] = 1.0 / epoch }, CancellationToken.None)).Applied);
        }

        var running = await Queries.ListRunningTrialsAsync(CancellationToken.None);

        var mine = Assert.Single(running, r => r.Trial.Id == trialId);
        Assert.Equal(sweepId, mine.SweepId);
        Assert.Equal("running-epochs", mine.SweepName);
        Assert.Equal(3, mine.LatestEpoch);
        Assert.Null(mine.PlannedEpochs);
    }

    [Fact]
    public async Task A_trial_record_has_its_sweeps_name_its_epochs_and_its_artifacts()
    {
        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("trial-record"));
        var trialId = await AskAsync(sweepId);
        var trial = await server.Store.GetTrialAsync(trialId, CancellationToken.None);
        Assert.True((await server.Store.RecordEpochMetricsAsync(trial!.Lease!, 1, new Dictionary<string, double> { ["loss"] = 2 }, CancellationToken.None)).Applied);
        ArtifactInfo[] artifacts = [new("gallery", Path.Combine(trialId, "gallery.png"), "image/png", 4)];
        Assert.True((await server.Store.FinishTrialAsync(new TrialFinish(trialId, TrialState.Completed, Metrics: new Dictionary<string, double> { ["loss"] = 1 }, Artifacts: artifacts, Lease: trial.Lease), CancellationToken.None)).Applied);

        var record = await Queries.GetTrialRecordAsync(trialId, CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal("trial-record", record.SweepName);
        Assert.Equal(TrialState.Completed, record.Trial.State);
        Assert.Equal([1], record.Epochs.Select(e => e.Epoch));
        var artifact = Assert.Single(record.Artifacts);
        Assert.Equal(("gallery", "image/png"), (artifact.Name, artifact.ContentType));
        Assert.Null(await Queries.GetTrialRecordAsync("no-such-trial", CancellationToken.None));
    }

    [Fact]
    public async Task A_stored_definition_is_read_once_for_every_refresh_of_the_sweep_list()
    {
        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("read-once"));
        var sweep = await server.Store.GetSweepAsync(sweepId, CancellationToken.None);
        var definitions = server.Services.GetRequiredService<StoredDefinitionCache>();

        var first = definitions.Read(sweep!);
        await Queries.ListSweepProgressAsync(new PageRequest(0, 100), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, definitions.Read(sweep!));
    }

    [Fact]
    public async Task Submitting_asking_telling_and_cancelling_publish_the_change_for_live_views()
    {
        var seen = new ConcurrentQueue<SweepUpdate>();
        using var subscription = server.Services.GetRequiredService<ISweepChangeFeed>().Subscribe(seen.Enqueue);

        var sweepId = await Sweeps.SubmitAsync(_client, Sweeps.AskTell("published"));
        var trialId = await AskAsync(sweepId);
        await TellAsync(trialId, """{"value": 1.5}""");
        using var cancelled = await _client.PostAsync($"/api/sweeps/{sweepId}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);

        // Each command publishes its change, in order. The engine's own events (the coordinator's trial and sweep
        // changes, relayed to the same feed asynchronously) may interleave, so the commands' updates are a subsequence.
        var mine = seen.Where(u => u.SweepId == sweepId).ToList();
        SweepUpdate[] expected = [SweepUpdate.OfSweep(sweepId), SweepUpdate.OfTrial(sweepId, trialId), SweepUpdate.OfTrial(sweepId, trialId), SweepUpdate.OfSweep(sweepId)];
        var next = 0;
        foreach (var update in mine)
        {
            if (next < expected.Length && update == expected[next])
            {
                next++;
            }
        }

        Assert.True(next == expected.Length, $"published {string.Join(", ", mine)}; expected in order {string.Join(", ", expected)}");
    }

    private async Task<string> AskAsync(string sweepId)
    {
        using var response = await _client.PostAsync($"/api/sweeps/{sweepId}/ask", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("trial_id").GetString()!;
    }

    private async Task TellAsync(string trialId, string body)
    {
        using var response = await _client.PostAsync($"/api/trials/{trialId}/tell", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
