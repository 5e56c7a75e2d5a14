using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker.Tests;

/// <summary>Which trials a worker slot may pack together (execution.fuse), and how large a pack it makes.</summary>
public sealed class PackKeyTests
{
    private static TrainingSpec Spec(string execution) => TrainingSpec.From(SweepDefinitionParser.Parse($$"""
        name: packs
        dataset: {name: synthetic, limit: 200}
        model: dense
        method: random
        parameters:
          code_size:     {values: [2, 4]}
          learning_rate: {min: 0.001, max: 0.01}
          epochs:        {value: 3}
        budget: {max_trials: 2}
        {{execution}}
        """).Definition!, 3);

    private static Dictionary<string, ParameterValue> Parameters(int codeSize, double learningRate) => new(StringComparer.Ordinal)
    {
        ["model"] = ParameterValue.Of("dense"),
        ["code_size"] = ParameterValue.Of(codeSize),
        ["learning_rate"] = ParameterValue.Of(learningRate),
        ["epochs"] = ParameterValue.Of(3),
    };

    [Fact]
    public void Trials_that_differ_only_in_what_each_member_keeps_share_a_key_and_other_architectures_do_not()
    {
        var spec = Spec("execution: {fuse: 4}");

        var a = FusedPackRunner.KeyOf(Parameters(4, 0.001), null, spec, "cpu");
        var b = FusedPackRunner.KeyOf(Parameters(4, 0.009), null, spec, "cpu");
        var c = FusedPackRunner.KeyOf(Parameters(2, 0.001), null, spec, "cpu");

        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void A_trial_resuming_from_a_checkpoint_and_a_program_sweeps_trial_are_never_packed()
    {
        var spec = Spec("execution: {fuse: 4}");
        var program = spec with { Dataset = null, Program = new ProgramSpec(["python3", "train.py"]) };

        Assert.Null(FusedPackRunner.KeyOf(Parameters(4, 0.001), "/checkpoints/t1", spec, "cpu"));
        Assert.Null(FusedPackRunner.KeyOf(Parameters(4, 0.001), null, program, "cpu"));
    }

    [Fact]
    public void Conv_trials_of_one_architecture_share_a_key_and_pack_while_other_channel_counts_do_not()
    {
        var spec = Spec("execution: {fuse: 4}");
        Dictionary<string, ParameterValue> Conv(int channels, double learningRate) => new(StringComparer.Ordinal)
        {
            ["model"] = ParameterValue.Of("conv"),
            ["channels"] = ParameterValue.Of(channels),
            ["code_size"] = ParameterValue.Of(4),
            ["learning_rate"] = ParameterValue.Of(learningRate),
            ["epochs"] = ParameterValue.Of(3),
        };

        var a = FusedPackRunner.KeyOf(Conv(8, 0.001), null, spec, "cpu");
        var b = FusedPackRunner.KeyOf(Conv(8, 0.009), null, spec, "cpu");
        var c = FusedPackRunner.KeyOf(Conv(16, 0.001), null, spec, "cpu");

        Assert.NotNull(a);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, FusedPackRunner.KeyOf(Parameters(4, 0.001), null, spec, "cpu"));
        var assignment = new TrialAssignment(new TrialLeaseToken("t1", "w1", 1), "s1", 0, Conv(8, 0.001), spec, null, null);
        Assert.Equal(4, FusedPackRunner.PackSize(assignment, "cpu"));
    }

    [Theory]
    [InlineData("execution: {fuse: 4}", "cpu", 4)]
    [InlineData("execution: {fuse: 1}", "cuda:0", 1)]
    [InlineData("", "cpu", 1)]
    [InlineData("", "cuda:0", 8)]
    public void The_pack_size_is_the_sweeps_fuse_or_auto_for_the_device(string execution, string device, int size)
    {
        var assignment = new TrialAssignment(new TrialLeaseToken("t1", "w1", 1), "s1", 0, Parameters(4, 0.001), Spec(execution), null, null);

        Assert.Equal(size, FusedPackRunner.PackSize(assignment, device));
    }
}
