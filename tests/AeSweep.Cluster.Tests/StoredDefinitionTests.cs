using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary>Sweeps are stored as the versioned document, and one stored by an earlier release runs on.</summary>
public sealed class StoredDefinitionTests : IAsyncLifetime
{
    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_submitted_sweep_is_stored_as_the_current_document_version_with_its_seed_fixed()
    {
        var sweep = await _cluster.SubmitAsync("""
            name: outside
            program: {ask_tell: true}
            method: tpe
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: -5.0, max: 5.0}
            budget: {max_trials: 3}
            """);

        var stored = (await _cluster.Store.GetSweepAsync(sweep.Id, CancellationToken.None))!;
        var definition = StoredSweepDocument.Read(stored.DefinitionText);

        Assert.Contains($"\"{StoredSweepDocument.VersionField}\": {StoredSweepDocument.CurrentVersion}", stored.DefinitionText, StringComparison.Ordinal);
        Assert.Equal(stored.Seed, definition.Seed);
        Assert.Equal(3, definition.Budget.MaxTrials);
    }

    [Fact]
    public async Task A_sweep_stored_before_a_rule_tightened_still_runs()
    {
        // Version 1 (no document_version), with a budget today's validator refuses (max_parallel above 4,096).
        const string storedByAnEarlierRelease = """
            {
              "name": "older",
              "program": {"ask_tell": true},
              "method": "random",
              "metric": {"name": "loss", "goal": "minimize"},
              "parameters": {"x": {"distribution": "uniform", "min": -5.0, "max": 5.0}},
              "budget": {"max_trials": 2, "max_parallel": 5000},
              "seed": 9
            }
            """;
        Assert.False(SweepDefinitionParser.Parse(storedByAnEarlierRelease).IsValid);
        var sweep = await _cluster.Store.CreateSweepAsync(
            new NewSweep("older", storedByAnEarlierRelease, SweepDefinitionFormat.Json, "loss", MetricGoal.Minimize, 9), CancellationToken.None);
        var coordinator = _cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweep.Id);

        await coordinator.StartAsync();
        var asked = (await coordinator.AskAsync()).Trial;

        Assert.NotNull(asked);
        Assert.InRange(asked.Parameters["x"].AsDouble(), -5.0, 5.0);
    }
}
