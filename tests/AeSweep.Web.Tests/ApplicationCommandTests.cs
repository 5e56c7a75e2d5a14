using System.Net;
using System.Text;
using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>
/// The application layer's commands against the real host: user errors come back as typed outcomes (never
/// exceptions), the sweep-control commands included.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApplicationCommandTests(ApiServer server)
{
    private ISweepCommands Commands => server.Services.GetRequiredService<ISweepCommands>();

    [Fact]
    public async Task Submit_returns_every_validation_error_with_its_field_path_instead_of_throwing()
    {
        var result = await Commands.SubmitAsync("name: broken\nmethod: tpe\nparameters:\n  depth: {min: 4, max: 1}\n", CancellationToken.None);

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Null(result.Sweep);
        Assert.Contains(result.FieldErrors, e => e.Path.StartsWith("parameters.depth", StringComparison.Ordinal) && e.Line == 4);
    }

    [Fact]
    public async Task Submit_fixes_the_seed_and_unknown_ids_are_typed_outcomes()
    {
        var submitted = await Commands.SubmitAsync(Sweeps.AskTell("seeded").Replace("seed: 7\n", string.Empty, StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Submitted, submitted.Outcome);
        Assert.NotNull((await server.Store.GetSweepAsync(submitted.Sweep!.Id, CancellationToken.None))!.Seed);
        Assert.Equal(CancelOutcome.NotFound, (await Commands.CancelAsync("no-such-sweep", "test", CancellationToken.None)).Outcome);
        Assert.Equal(AskTrialOutcome.NotFound, (await Commands.AskAsync("no-such-sweep", CancellationToken.None)).Outcome);
        Assert.Equal(TellTrialOutcome.NotFound, (await Commands.TellAsync("no-such-trial", new TellRequest(Value: 1), CancellationToken.None)).Outcome);
        Assert.Equal(CancelOutcome.Cancelling, (await Commands.CancelAsync(submitted.Sweep.Id, "test", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task The_sweep_control_commands_answer_not_found_for_unknown_ids()
    {
        ControlResult[] results =
        [
            await Commands.PauseAsync("s", CancellationToken.None),
            await Commands.ResumeAsync("s", CancellationToken.None),
            await Commands.ChangeBudgetAsync("s", new ChangeBudgetRequest(MaxTrials: 10), CancellationToken.None),
            await Commands.EnqueueTrialAsync("s", new EnqueueTrialRequest(new Dictionary<string, JsonElement>()), CancellationToken.None),
            await Commands.RetryTrialAsync("t", CancellationToken.None),
            await Commands.DrainWorkerAsync("w", new DrainWorkerRequest(), CancellationToken.None),
            await Commands.UndrainWorkerAsync("w", CancellationToken.None),
        ];

        Assert.All(results, r => Assert.Equal(ControlOutcome.NotFound, r.Outcome));
        Assert.All(results, r => Assert.Contains("There is no", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tell_names_an_unknown_field_a_mistyped_reason_and_a_body_that_is_not_an_object()
    {
        using var client = server.Client();
        var id = await Sweeps.SubmitAsync(client, Sweeps.AskTell("tell-record"));
        var asked = await client.PostAsync($"/api/sweeps/{id}/ask", null);
        using var trial = JsonDocument.Parse(await asked.Content.ReadAsStringAsync());
        var trialId = trial.RootElement.GetProperty("trial_id").GetString()!;

        foreach (var (body, field) in new[] { ("""{"value": 1, "valeu": 2}""", "valeu"), ("""{"value": 1, "reason": 5}""", "reason"), ("[1]", "(body)"), ("""{"value": 1, "intermediate_values": [1]}""", "intermediate_values") })
        {
            var response = await client.PostAsync($"/api/trials/{trialId}/tell", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(field, problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
        }
    }
}
