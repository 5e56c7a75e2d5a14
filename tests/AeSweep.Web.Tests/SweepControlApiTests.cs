using System.Net;
using System.Text;
using System.Text.Json;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>
/// Sweep control through the REST API of a real server (issue 15): pause and resume, budget changes, enqueued
/// configurations, retries and drained workers, each with its refusals. The sweeps are program sweeps on a server with
/// no worker slots, so their trials stay pending (nothing trains) and the test plays the worker where one is needed.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SweepControlApiTests(ApiServer server)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static string ProgramSweep(string name, int maxTrials = 8, int maxParallel = 2, string extra = "") => $$$"""
        name: {{{name}}}
        program: [python3, train.py]
        method: random
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: 0.0, max: 1.0}
          kind: {values: [a, b]}
          depth: {values: [1, 2]}
          width: {values: [8, 16], when: {depth: 2}}
        budget: {max_trials: {{{maxTrials}}}, max_parallel: {{{maxParallel}}} }
        seed: 5
        {{{extra}}}
        """;

    [Fact]
    public async Task Pause_stops_handing_out_trials_and_resume_hands_them_out_again()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("pause-resume"));
        await WaitForPendingAsync(id, 2);

        var paused = await client.PostAsync($"/api/sweeps/{id}/pause", null);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal("paused", await StateAsync(client, id));
        Assert.Empty(await server.Store.PendingTrialsOfSweepAsync(id, 10, CancellationToken.None));
        Assert.Equal("paused", (await server.Store.GetSweepAsync(id, CancellationToken.None))!.State.ToString().ToLowerInvariant());

        var again = await client.PostAsync($"/api/sweeps/{id}/pause", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("only a running sweep can be paused", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var resumed = await client.PostAsync($"/api/sweeps/{id}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("running", await StateAsync(client, id));
        Assert.Equal(2, (await server.Store.PendingTrialsOfSweepAsync(id, 10, CancellationToken.None)).Count);

        var notPaused = await client.PostAsync($"/api/sweeps/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, notPaused.StatusCode);
        Assert.Contains("only a paused sweep can be resumed", await notPaused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/sweeps/no-such-sweep/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/sweeps/no-such-sweep/resume", null)).StatusCode);
    }

    [Fact]
    public async Task A_raised_max_parallel_starts_more_trials_at_once_and_the_document_and_columns_agree()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("budget-raise"));
        await WaitForPendingAsync(id, 2);

        var patched = await PatchAsync(client, id, """{"budget": {"max_parallel": 4, "max_minutes": 90}}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        await WaitForPendingAsync(id, 4);
        using var sweep = JsonDocument.Parse(await client.GetStringAsync($"/api/sweeps/{id}"));
        Assert.Equal(4, sweep.RootElement.GetProperty("budget").GetProperty("max_parallel").GetInt32());
        Assert.Equal(90, sweep.RootElement.GetProperty("budget").GetProperty("max_minutes").GetDouble());
        var stored = (await server.Store.GetSweepAsync(id, CancellationToken.None))!;
        Assert.Equal((4, 90.0, 8), (stored.MaxParallel, stored.MaxMinutes, stored.MaxTrials));
    }

    [Fact]
    public async Task A_budget_below_what_already_ran_or_outside_the_files_bounds_is_refused_with_its_field()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("budget-refusals", maxParallel: 3));
        await WaitForPendingAsync(id, 3);

        foreach (var (body, path, words) in new[]
        {
            ("""{"budget": {"max_trials": 2}}""", "budget.max_trials", "below the 3 trial(s) this sweep already created"),
            ("""{"budget": {"max_parallel": 0}}""", "budget.max_parallel", "from 1 to 4096"),
            ("""{"budget": {"max_minutes": -1}}""", "budget.max_minutes", "above 0"),
            ("""{"budget": {"max_failed_trials": 3}}""", "budget.max_failed_trials", "fixed when the sweep was submitted"),
            ("""{"budget": {"max_trails": 3}}""", "budget.max_trails", "unknown field"),
            ("""{"budget": {"max_trials": "ten"}}""", "budget.max_trials", "wrong JSON type"),
            ("""{}""", "budget", "required"),
        })
        {
            var response = await PatchAsync(client, id, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var error = problem.RootElement.GetProperty("errors")[0];
            Assert.Equal(path, error.GetProperty("path").GetString());
            Assert.Contains(words, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(3, (await server.Store.GetSweepAsync(id, CancellationToken.None))!.MaxParallel);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(client, "no-such-sweep", """{"budget": {"max_trials": 5}}""")).StatusCode);
        await client.PostAsync($"/api/sweeps/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, (await PatchAsync(client, id, """{"budget": {"max_trials": 9}}""")).StatusCode);
    }

    [Fact]
    public async Task An_enqueued_configuration_waits_for_a_place_and_then_goes_before_the_samplers()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("enqueue"));
        await WaitForPendingAsync(id, 2);

        var response = await client.PostAsync($"/api/sweeps/{id}/trials", Json("""{"parameters": {"x": 0.25, "kind": "b", "depth": 2, "width": 16}}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var trialId = created.RootElement.GetProperty("trial_id").GetString()!;
        var queued = (await server.Store.GetTrialAsync(trialId, CancellationToken.None))!;
        Assert.Equal((TrialOrigin.Enqueued, TrialState.Pending, true, 2), (queued.Origin, queued.State, queued.Held, queued.Number));
        Assert.Equal(0.25, queued.Parameters["x"].AsDouble());

        // Both places are taken, so it waits; one more place releases it rather than a new sampled trial.
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(client, id, """{"budget": {"max_parallel": 3}}""")).StatusCode);
        var pending = await server.Store.PendingTrialsOfSweepAsync(id, 10, CancellationToken.None);
        Assert.Equal(3, pending.Count);
        Assert.Contains(pending, t => t.Id == trialId);
        using var trial = JsonDocument.Parse(await client.GetStringAsync($"/api/trials/{trialId}"));
        Assert.Equal("enqueued", trial.RootElement.GetProperty("trial").GetProperty("origin").GetString());
    }

    [Fact]
    public async Task An_enqueued_configuration_is_checked_against_the_space_with_field_paths()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("enqueue-invalid"));

        var response = await client.PostAsync($"/api/sweeps/{id}/trials", Json("""{"parameters": {"x": 7.5, "kind": "z", "depth": 1, "width": 8, "lr": 0.1}}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["parameters.lr", "parameters.x", "parameters.kind", "parameters.width"], paths);

        var missing = await client.PostAsync($"/api/sweeps/{id}/trials", Json("""{"parameters": {"x": 0.5, "kind": "a", "depth": 2}}"""));
        using var missingProblem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("parameters.width", missingProblem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Contains("required", missingProblem.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/sweeps/{id}/trials", Json("""{"params": {}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/sweeps/no-such-sweep/trials", Json("""{"parameters": {"x": 0.5}}"""))).StatusCode);

        var askTell = await Sweeps.SubmitAsync(client, Sweeps.AskTell("enqueue-ask-tell"));
        var refused = await client.PostAsync($"/api/sweeps/{askTell}/trials", Json("""{"parameters": {"x": 0.5, "kind": "a"}}"""));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task The_sweep_files_enqueue_runs_first_and_is_stored_with_the_definition()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("enqueue-file", extra: """
            enqueue:
              - {x: 0.5, kind: a, depth: 1}
              - {x: 0.75, kind: b, depth: 2, width: 8}
            """));

        await WaitForPendingAsync(id, 2);
        var pending = await server.Store.PendingTrialsOfSweepAsync(id, 10, CancellationToken.None);
        Assert.Equal([0, 1], pending.Select(t => t.Number).Order());
        Assert.All(pending, t => Assert.Equal(TrialOrigin.Enqueued, t.Origin));
        Assert.Equal(0.75, pending.Single(t => t.Number == 1).Parameters["x"].AsDouble());
        Assert.Contains("\"enqueue\"", (await server.Store.GetSweepAsync(id, CancellationToken.None))!.DefinitionText, StringComparison.Ordinal);

        var invalid = await client.PostAsync("/api/sweeps", new StringContent(ProgramSweep("enqueue-file-invalid", extra: "enqueue:\n  - {x: 0.5, kind: a, depth: 1}\n  - {x: 0.5, kind: a, depth: 2, width: 12}\n"), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("enqueue[1].width", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_trial_is_retried_as_a_new_trial_linked_to_it_and_other_states_are_refused()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, ProgramSweep("retry"));
        await WaitForPendingAsync(id, 2);
        var pending = (await server.Store.PendingTrialsOfSweepAsync(id, 10, CancellationToken.None)).OrderBy(t => t.Number).ToList();

        var refused = await client.PostAsync($"/api/trials/{pending[1].Id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("only a failed or cancelled trial can be retried", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var failed = pending[0];
        var lease = (await server.Store.StartTrialAsync(failed.Id, "retry-test-worker", TimeSpan.FromMinutes(10), CancellationToken.None)).Trial!.Lease!;
        await server.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepCoordinatorGrain>(id).CompleteTrialAsync(new TrialCompletion(
            new TrialLeaseToken(lease.TrialId, lease.WorkerId, lease.Attempt), TrialState.Failed, [], [], "the program exited with code 1", 0));

        var response = await client.PostAsync($"/api/trials/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(failed.Id, created.RootElement.GetProperty("retry_of").GetString());
        var retry = (await server.Store.GetTrialAsync(created.RootElement.GetProperty("trial_id").GetString()!, CancellationToken.None))!;
        Assert.Equal((TrialOrigin.Retry, failed.Id, id), (retry.Origin, retry.RetryOf, retry.SweepId));
        Assert.True(retry.Number > pending[1].Number);
        Assert.Equal(ParameterJsonOf(failed), ParameterJsonOf(retry));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/trials/no-such-trial/retry", null)).StatusCode);
        await client.PostAsync($"/api/sweeps/{id}/cancel", null);
        var finished = await client.PostAsync($"/api/trials/{failed.Id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        Assert.Contains("finished sweep takes no new trials", await finished.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drained_worker_leases_nothing_until_undrained_and_workers_show_it()
    {
        using var client = server.Client();
        var workerId = $"drain-worker-{Guid.NewGuid():N}";
        await server.Store.RegisterWorkerAsync(new WorkerRegistration(workerId, "box", [new WorkerDevice("cpu", 0, "cpu", null)], 1), CancellationToken.None);
        // Drain and undrain are published on the change feed, so the cluster page (which follows everything) reloads.
        var heard = new System.Collections.Concurrent.ConcurrentQueue<AeSweep.Application.Live.SweepUpdate>();
        using var subscription = server.Services.GetRequiredService<AeSweep.Application.Live.ISweepChangeFeed>().Subscribe(update =>
        {
            if (update.WorkerId == workerId)
            {
                heard.Enqueue(update);
            }
        });

        var drained = await client.PostAsync($"/api/workers/{workerId}/drain", Json("""{"reason": "kernel update"}"""));
        Assert.Equal(HttpStatusCode.OK, drained.StatusCode);
        Assert.True(await DrainingAsync(client, workerId));
        Assert.Empty(await server.Store.ClaimPendingTrialsAsync(workerId, 10, TimeSpan.FromMinutes(1), CancellationToken.None));

        var undrained = await client.DeleteAsync($"/api/workers/{workerId}/drain");
        Assert.Equal(HttpStatusCode.OK, undrained.StatusCode);
        Assert.False(await DrainingAsync(client, workerId));
        Assert.Equal(2, heard.Count);
        Assert.All(heard, u => Assert.Equal(AeSweep.Application.Live.SweepUpdateKind.Worker, u.Kind));

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/workers/no-such-worker/drain", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/workers/no-such-worker/drain")).StatusCode);
    }

    private static string ParameterJsonOf(TrialSnapshot trial) => AeSweep.Core.Search.ParameterJson.Write(trial.Parameters);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string body) =>
        client.PatchAsync($"/api/sweeps/{id}", Json(body));

    private static async Task<string?> StateAsync(HttpClient client, string id)
    {
        using var sweep = JsonDocument.Parse(await client.GetStringAsync($"/api/sweeps/{id}"));
        return sweep.RootElement.GetProperty("sweep").GetProperty("state").GetString();
    }

    private static async Task<bool> DrainingAsync(HttpClient client, string workerId)
    {
        using var workers = JsonDocument.Parse(await client.GetStringAsync("/api/workers"));
        return workers.RootElement.GetProperty("items").EnumerateArray().Single(w => w.GetProperty("id").GetString() == workerId).GetProperty("draining").GetBoolean();
    }

    private async Task WaitForPendingAsync(string sweepId, int count)
    {
        var until = DateTime.UtcNow + Deadline;
        while ((await server.Store.PendingTrialsOfSweepAsync(sweepId, 100, CancellationToken.None)).Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"sweep {sweepId}: {count} pending trial(s) did not appear within {Deadline}");
            await Task.Delay(50);
        }
    }
}
