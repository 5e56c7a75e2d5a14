using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Cluster.Tests;

/// <summary>Leased trials carry their sweep's typed training spec (no definition text), across a real grain call.</summary>
public sealed class TrialAssignmentTests : IAsyncLifetime
{
    private CoordinatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinatorCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_model_sweeps_trial_carries_the_dataset_metric_time_limit_and_seed()
    {
        var sweep = await _cluster.SubmitAsync("""
            name: typed
            dataset: {name: synthetic, limit: 300, validation_split: 0.25}
            model: dense
            method: random
            metric: {name: val_mse, goal: minimize}
            parameters:
              code_size: {values: [4, 8]}
              epochs: {value: 2}
            early_terminate: {type: asha, min_epochs: 1}
            budget: {max_trials: 2, max_parallel: 1, max_trial_minutes: 1.5}
            seed: 17
            """);

        var assignment = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1));

        var training = assignment.Training;
        Assert.Equal(sweep.Id, assignment.SweepId);
        Assert.Equal((DatasetSourceKind.Synthetic, (int?)300, 0.25), (training.Dataset!.Kind, training.Dataset.Limit, training.Dataset.ValidationSplit));
        Assert.Null(training.Program);
        Assert.Equal(("val_mse", MetricGoal.Minimize, (double?)1.5, 17L, EarlyTerminateType.Asha), (training.MetricName, training.Goal, training.MaxTrialMinutes, training.Seed, training.Pruning));
    }

    [Fact]
    public async Task A_built_in_sweeps_trial_carries_the_checkpoint_cadence_and_the_pruning_rungs()
    {
        await _cluster.SubmitAsync("""
            name: typed-cadence
            dataset: {name: synthetic, limit: 300}
            model: dense
            method: random
            parameters:
              code_size: {values: [4, 8]}
              epochs: {value: 20}
            early_terminate: {type: asha, min_epochs: 2, reduction_factor: 3}
            budget: {max_trials: 1}
            execution: {checkpoint_seconds: 12}
            seed: 4
            """);

        var training = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1)).Training;

        Assert.Equal(12, training.CheckpointSeconds);
        Assert.Equal([2, 6, 18, 54], training.RungEpochs.Take(4));
    }

    [Fact]
    public async Task A_program_sweeps_trial_carries_the_command_and_working_directory()
    {
        await _cluster.SubmitAsync("""
            name: typed-program
            program: {command: [python3, train.py, --fast], working_directory: /tmp}
            method: random
            metric: {name: loss, goal: maximize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {max_trials: 1}
            seed: 2
            """);

        var training = Assert.Single(await _cluster.Dispatcher.LeaseTrialsAsync("w1", 1)).Training;

        Assert.Equal(new ProgramSpec(["python3", "train.py", "--fast"], "/tmp"), training.Program);
        Assert.Null(training.Dataset);
        Assert.Equal(("loss", MetricGoal.Maximize, (double?)null, 2L), (training.MetricName, training.Goal, training.MaxTrialMinutes, training.Seed));
    }
}
