using AeSweep.Training.Data;
using AeSweep.Training.Models;

namespace AeSweep.Training.Tests;

public sealed class TrialMemoryEstimateTests
{
    public static TheoryData<string, (string, object)[]> Models() => new()
    {
        { "dense 784-256-64-32", [("model", "dense"), ("width_1", 256), ("width_2", 64), ("depth", 2), ("code_size", 32)] },
        { "dense depth 3", [("model", "dense"), ("width", 512), ("depth", 3), ("code_size", 16)] },
        { "sparse kl", [("model", "sparse"), ("sparsity", "kl"), ("width", 128), ("depth", 1), ("code_size", 8)] },
        { "vae", [("model", "vae"), ("width", 256), ("depth", 2), ("code_size", 20)] },
        { "conv stride", [("model", "conv"), ("depth", 2), ("channels", 16), ("code_size", 32)] },
        { "conv maxpool nearest", [("model", "conv"), ("depth", 3), ("channels", 8), ("code_size", 12), ("downsampling", "maxpool"), ("upsampling", "nearest")] },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Counts_exactly_the_parameters_of_the_model_the_factory_builds(string name, (string, object)[] parameters)
    {
        var settings = TrialSettings.FromParameters(TrainingFixture.Parameters(parameters));
        var shape = SampleShape.Image(1, 28, 28);
        using var model = AutoencoderFactory.Create(settings, shape, unitIntervalData: true);
        var real = model.parameters().Sum(p => p.numel());

        Assert.True(real == TrialMemoryEstimate.For(settings, shape).ParameterCount, $"{name}: model has {real} parameters");
    }

    [Fact]
    public void Adam_keeps_two_moments_per_parameter_and_sgd_one_momentum_buffer()
    {
        var shape = SampleShape.Image(1, 28, 28);
        var adam = TrialMemoryEstimate.For(TrialSettings.FromParameters(TrainingFixture.Parameters(("optimizer", "adam"))), shape);
        var sgd = TrialMemoryEstimate.For(TrialSettings.FromParameters(TrainingFixture.Parameters(("optimizer", "sgd"), ("momentum", 0.9))), shape);

        Assert.Equal(2 * adam.ParameterBytes, adam.OptimizerBytes);
        Assert.Equal(sgd.ParameterBytes, sgd.OptimizerBytes);
        Assert.Equal(adam.ParameterCount * TrialMemoryEstimate.BytesPerValue, adam.ParameterBytes);
    }

    [Fact]
    public void Activations_grow_with_the_batch_size_and_the_dataset_counts_when_on_the_device()
    {
        var shape = SampleShape.Image(1, 28, 28);
        var small = TrialMemoryEstimate.For(TrialSettings.FromParameters(TrainingFixture.Parameters(("batch_size", 64))), shape);
        var large = TrialMemoryEstimate.For(TrialSettings.FromParameters(TrainingFixture.Parameters(("batch_size", 256))), shape, samplesOnDevice: 70_000);

        Assert.Equal(4 * small.ActivationBytes, large.ActivationBytes);
        Assert.Equal(70_000L * 784 * 4, large.DataBytes);
        Assert.True(large.TotalBytes > small.TotalBytes + large.DataBytes - 1);
    }
}
