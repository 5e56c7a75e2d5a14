using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Training;
using AeSweep.Training.Data;

namespace AeSweep.Worker.Devices;

/// <summary>A leased trial's device-memory estimate, from its parameters and its sweep's dataset.</summary>
public static class TrialDeviceMemory
{
    /// <summary>Fashion-MNIST's samples (training and test), all copied to the device by the trainer.</summary>
    private const int FashionMnistSamples = 70_000;

    /// <summary>
    /// Bytes the trial will hold on its device. Built-in models: <see cref="TrialMemoryEstimate"/> on the dataset's
    /// sample shape (28×28 images unless the data says otherwise, which only a load would tell). Programs: unknown, so a
    /// CUDA context's worth (they run in their own process).
    /// </summary>
    public static long Estimate(TrialAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var training = assignment.Training;
        if (training.Program is not null || training.Dataset is not { } dataset)
        {
            return TrialMemoryEstimate.CudaContextBytes + TrialMemoryEstimate.PerTrialWorkspaceBytes;
        }

        var settings = TrialSettings.FromParameters(assignment.Parameters);
        var samples = dataset.Limit ?? (dataset.Kind == DatasetSourceKind.BuiltIn ? FashionMnistSamples : 0);
        // A sequence dataset's window is in its spec (a CSV series' channel count only where columns are named).
        var shape = dataset.Sequence is { } sequence ? SampleShape.Sequence(sequence.Length, Math.Max(1, sequence.Channels)) : SampleShape.Image(1, 28, 28);
        return TrialMemoryEstimate.For(settings, shape, samples).TotalBytes;
    }
}
