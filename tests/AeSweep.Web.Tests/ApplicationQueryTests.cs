using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Contracts;
using AeSweep.Storage.Model;
using Microsoft.Extensions.DependencyInjection;

namespace AeSweep.Web.Tests;

/// <summary>The application layer's queries the dashboard builds on: progress with best, the sweep overview, trial pages sorted and filtered in the store.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApplicationQueryTests(ApiServer server)
{
    private ISweepQueries Queries => server.Services.GetRequiredService<ISweepQueries>();

    private ISweepCommands Commands => server.Services.GetRequiredService<ISweepCommands>();

    [Fact]
    public async Task Progress_overview_and_trial_pages_carry_counts_best_definition_and_store_side_sorting()
    {
        var id = (await Commands.SubmitAsync(Sweeps.AskTell("queries", maxTrials: 3), CancellationToken.None)).Sweep!.Id;
        var values = new[] { 3.0, 1.0, 2.0 };
        foreach (var value in values)
        {
            var asked = (await Commands.AskAsync(id, CancellationToken.None)).Trial!;
            Assert.Equal(TellTrialOutcome.Recorded, (await Commands.TellAsync(asked.TrialId, new TellRequest(Value: value), CancellationToken.None)).Outcome);
        }

        var progress = (await Queries.ListSweepProgressAsync(new PageRequest(0, PageRequest.MaxLimit), CancellationToken.None)).Items.Single(p => p.Sweep.Id == id);
        var overview = (await Queries.GetSweepOverviewAsync(id, CancellationToken.None))!;
        var (request, error) = TrialPageRequest.Parse("0", "2", "-objective", "completed");
        var page = (await Queries.ListTrialsAsync(id, request!, CancellationToken.None))!;

        Assert.Null(error);
        Assert.Equal(3, progress.Counts["completed"]);
        Assert.Equal(1.0, progress.Best!.Objective);
        Assert.Equal(3, progress.Budget!.MaxTrials);
        Assert.Equal("random", overview.Definition!.Method);
        Assert.Equal(7, overview.Definition.Seed);
        Assert.Equal(["kind", "x"], overview.Definition.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, overview.Best!.Objective);
        Assert.Equal((3, 2), (page.Total, page.Items.Count));
        Assert.Equal([3.0, 2.0], page.Items.Select(t => t.Objective!.Value));
        Assert.Null(await Queries.GetSweepOverviewAsync("no-such-sweep", CancellationToken.None));
        Assert.Null(await Queries.ListTrialsAsync("no-such-sweep", request!, CancellationToken.None));
        Assert.Equal("sort", TrialPageRequest.Parse(null, null, "speed", null).Error!.Path);
    }

    [Fact]
    public async Task The_progress_list_gives_each_sweeps_progress_with_the_full_best_trial_in_one_store_call()
    {
        var id = (await Commands.SubmitAsync(Sweeps.AskTell("progress-list", maxTrials: 2), CancellationToken.None)).Sweep!.Id;
        foreach (var value in new[] { 2.0, 1.0 })
        {
            var asked = (await Commands.AskAsync(id, CancellationToken.None)).Trial!;
            Assert.Equal(TellTrialOutcome.Recorded, (await Commands.TellAsync(asked.TrialId, new TellRequest(Value: value), CancellationToken.None)).Outcome);
        }

        var stored = (await server.Store.GetSweepAsync(id, CancellationToken.None))!;
        // The same definition stored before the budget columns existed (null columns), and with columns that differ from
        // it (as a budget change leaves them): the columns own max_trials, max_parallel and max_minutes.
        var preColumns = await server.Store.CreateSweepAsync(
            new NewSweep("pre-columns", stored.DefinitionText, stored.DefinitionFormat, stored.MetricName, stored.MetricGoal, stored.Seed), CancellationToken.None);
        var changed = await server.Store.CreateSweepAsync(
            new NewSweep("changed-budget", stored.DefinitionText, stored.DefinitionFormat, stored.MetricName, stored.MetricGoal, stored.Seed,
                MaxTrials: 9, MaxParallel: 2, MaxMinutes: 30), CancellationToken.None);

        var list = (await Queries.ListSweepProgressAsync(new PageRequest(0, PageRequest.MaxLimit), CancellationToken.None)).Items;

        foreach (var sweepId in new[] { id, preColumns.Id, changed.Id })
        {
            var row = list.Single(p => p.Sweep.Id == sweepId);
            Assert.Equal(Json(await Queries.GetSweepProgressAsync(sweepId, CancellationToken.None)), Json(row));
            Assert.Equal(row.Budget, (await Queries.GetSweepAsync(sweepId, CancellationToken.None))!.Budget);
            Assert.Equal(row.Budget, (await Queries.GetSweepOverviewAsync(sweepId, CancellationToken.None))!.Budget);
        }

        var progress = list.Single(p => p.Sweep.Id == id);
        var definitionBudget = ContractMapping.Budget(await Queries.GetDefinitionAsync(id, CancellationToken.None))!;
        Assert.Equal(Json(ContractMapping.Trial((await server.Store.GetBestTrialAsync(id, CancellationToken.None))!)), Json(progress.Best));
        Assert.Equal(1.0, progress.Best!.Objective);
        Assert.Equal((2, 0, 0, 0, 0, 0), (progress.Counts["completed"], progress.Counts["pending"], progress.Counts["running"],
            progress.Counts["pruned"], progress.Counts["failed"], progress.Counts["cancelled"]));
        Assert.Equal(definitionBudget, progress.Budget);
        Assert.Equal((2, 1, null), (definitionBudget.MaxTrials, definitionBudget.MaxParallel, definitionBudget.MaxMinutes));
        Assert.Equal(definitionBudget, list.Single(p => p.Sweep.Id == preColumns.Id).Budget);
        Assert.Null(list.Single(p => p.Sweep.Id == preColumns.Id).Best);
        Assert.Equal(definitionBudget with { MaxTrials = 9, MaxParallel = 2, MaxMinutes = 30 }, list.Single(p => p.Sweep.Id == changed.Id).Budget);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task Artifact_lookup_says_whether_the_trial_or_the_artifact_is_missing()
    {
        var id = (await Commands.SubmitAsync(Sweeps.AskTell("lookup"), CancellationToken.None)).Sweep!.Id;
        var asked = (await Commands.AskAsync(id, CancellationToken.None)).Trial!;

        var noTrial = await Queries.FindArtifactAsync("no-such-trial", "gallery", CancellationToken.None);
        var noArtifact = await Queries.FindArtifactAsync(asked.TrialId, "gallery", CancellationToken.None);

        Assert.False(noTrial.TrialFound);
        Assert.True(noArtifact.TrialFound);
        Assert.Null(noArtifact.Artifact);
        Assert.Equal(JsonValueKind.String, asked.Parameters["kind"].ValueKind);
    }
}
