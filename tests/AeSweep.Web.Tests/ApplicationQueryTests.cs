using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Contracts;
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
