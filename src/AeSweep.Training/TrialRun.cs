using System.Diagnostics;
using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using AeSweep.Training.Losses;
using AeSweep.Training.Metrics;
using AeSweep.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace AeSweep.Training;

/// <summary>The live objects of one trial's training: model, optimizer, generator, objective, data.</summary>
internal sealed class TrialRun : IDisposable
{
    // Module constructors draw initial weights from libtorch's global generator; the lock keeps trials that
    // start at the same moment on other threads from interleaving their draws, so the seed alone fixes the weights.
    private static readonly Lock InitialisationLock = new();

    // Batches between returns of freed native memory to the system (TorchRuntime.ReleaseFreedMemory).
    internal static int TrimEvery { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("AESWEEP_TRIM_EVERY"), out var n) && n > 0 ? n : 50;

    private readonly bool _ownsData;

    private TrialRun(TrialSettings settings, TrainingData data, Autoencoder model, optim.Optimizer optimizer, Generator generator, Device device, bool ownsData)
    {
        _ownsData = ownsData;
        Settings = settings;
        Data = data;
        Model = model;
        Optimizer = optimizer;
        Generator = generator;
        Device = device;
        Objective = TrainingObjective.For(settings);
        Noise = new InputNoise(settings.Noise, settings.NoiseLevel, data.InUnitInterval);
    }

    public TrialSettings Settings { get; }
    public TrainingData Data { get; }
    public Autoencoder Model { get; }
    public optim.Optimizer Optimizer { get; }
    public Generator Generator { get; }
    public Device Device { get; }
    public TrainingObjective Objective { get; }
    public InputNoise Noise { get; }

    /// <summary>
    /// Builds the model and optimizer for data already on <paramref name="device"/>; takes ownership of
    /// <paramref name="data"/> unless <paramref name="ownsData"/> is false (the members of a fused pack share one copy).
    /// </summary>
    public static TrialRun Create(TrialSettings settings, TrainingData data, long seed, Device device, bool ownsData = true)
    {
        Autoencoder model;
        using var nativeWork = TorchRuntime.NativeWork();
        lock (InitialisationLock)
        {
            random.manual_seed(seed);
            model = AutoencoderFactory.Create(settings, data.Shape, data.InUnitInterval);
        }

        model.to(device);
        var optimizer = OptimizerFactory.Create(settings, model.parameters());
        var generator = new Generator(unchecked((ulong)seed), device);
        return new TrialRun(settings, data, model, optimizer, generator, device, ownsData);
    }

    /// <summary>One pass over the shuffled training samples; returns the mean objective. Throws when cancelled between batches.</summary>
    public double TrainEpoch(CancellationToken cancellationToken)
    {
        Model.train();
        using var epochScope = NewDisposeScope();
        var count = Data.Train.shape[0];
        var batch = Settings.BatchSize;
        var permutation = randperm(count, generator: Generator, device: Device);
        // Summed on the device: reading each batch's loss back would synchronise a GPU every step.
        var lossSum = zeros(1, dtype: ScalarType.Float64, device: Device);
        var batchNumber = 0;
        for (long start = 0; start < count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++batchNumber % TrimEvery == 0)
            {
                TorchRuntime.ReleaseFreedMemory();
            }

            using var nativeWork = TorchRuntime.NativeWork();
            using var batchScope = NewDisposeScope();
            var size = Math.Min(batch, count - start);
            var clean = Data.Train.index_select(0, permutation.narrow(0, start, size));
            var input = Noise.IsActive ? Noise.Apply(clean, Generator) : clean;
            var pass = Model.Run(input, Generator);
            var loss = Objective.Compute(pass, clean);
            Optimizer.zero_grad();
            loss.backward();
            Optimizer.step();
            lossSum.add_(loss.detach().to_type(ScalarType.Float64) * size);
        }

        double meanLoss;
        using (TorchRuntime.NativeWork())
        {
            meanLoss = lossSum.item<double>() / count;
        }

        TorchRuntime.ReleaseFreedMemory();
        return meanLoss;
    }

    /// <summary>Validation metrics of the model as it is now: <paramref name="only"/> those (unprefixed names), or all when null.</summary>
    public Dictionary<string, double> Validate(IReadOnlyCollection<string>? only = null)
    {
        using var nativeWork = TorchRuntime.NativeWork();
        var metrics = ReconstructionMetrics.Evaluate(Model, Data.Validation, Data.Shape, Data.InUnitInterval, MetricNames.ValidationPrefix, only);
        if (Data.AnomalyClasses is { } anomalyClasses && Data.ValidationLabels is { } labels)
        {
            AddAll(metrics, AnomalyScores.Evaluate(Model, Data.Validation, labels, anomalyClasses, MetricNames.ValidationPrefix, only));
        }

        return metrics;
    }

    public Dictionary<string, double>? EvaluateTest()
    {
        using var nativeWork = TorchRuntime.NativeWork();
        if (Data.Test is null)
        {
            return null;
        }

        var metrics = ReconstructionMetrics.Evaluate(Model, Data.Test, Data.Shape, Data.InUnitInterval, MetricNames.TestPrefix);
        if (Data.AnomalyClasses is { } anomalyClasses && Data.TestLabels is { } labels)
        {
            AddAll(metrics, AnomalyScores.Evaluate(Model, Data.Test, labels, anomalyClasses, MetricNames.TestPrefix));
        }

        return metrics;
    }

    private static void AddAll(Dictionary<string, double> metrics, Dictionary<string, double> more)
    {
        foreach (var (name, value) in more)
        {
            metrics[name] = value;
        }
    }

    public static double Seconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        Generator.Dispose();
        if (_ownsData)
        {
            Data.Dispose();
        }
    }
}
