using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker.Tests;

/// <summary>What a worker hands the trainer for a built-in trial: the sweep's checkpoint cadence and pruning rungs.</summary>
public sealed class BuiltInTrainingRequestTests
{
    private static TrainingSpec Spec(string extra) => TrainingSpec.From(SweepDefinitionParser.Parse($$"""
        name: request
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: random
        parameters:
          code_size: {values: [2, 4]}
          epochs:    {value: 20}
        budget: {max_trials: 2}
        {{extra}}
        """).Definition!, 3);

    [Fact]
    public void The_trainer_gets_the_sweeps_checkpoint_seconds_and_the_asha_rungs()
    {
        var spec = Spec("early_terminate: {type: asha, min_epochs: 2, reduction_factor: 3}\nexecution: {checkpoint_seconds: 7}");

        var request = BuiltInTrialRunner.RequestFor(Context(spec));

        Assert.Equal(7, request.CheckpointSeconds);
        Assert.Equal([2, 6, 18, 54], request.RungEpochs!.Take(4));
    }

    [Fact]
    public void Without_an_execution_section_the_cadence_is_thirty_seconds_and_without_a_rung_pruner_there_are_no_rungs()
    {
        var request = BuiltInTrialRunner.RequestFor(Context(Spec("early_terminate: {type: median}")));

        Assert.Equal(30, request.CheckpointSeconds);
        Assert.Empty(request.RungEpochs!);
    }

    private static TrialRunContext Context(TrainingSpec spec)
    {
        var assignment = new TrialAssignment(new TrialLeaseToken("trial-1", "worker-1", 1), "sweep-1", 1, new() { ["code_size"] = ParameterValue.Of(2L) }, spec, null, null);
        return new TrialRunContext(assignment, null, Path.GetTempPath(), "cpu", 1, new RecordingReporter());
    }
}
