using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// A dataset resident on the training device, split once: every batch is sliced from these tensors on the
/// device, never copied from the host. Samples are rows of shape (N, features); images are flattened C×H×W.
/// </summary>
public sealed class TrainingData : IDisposable
{
    public TrainingData(Tensor train, Tensor validation, Tensor? test, Tensor? validationLabels, SampleShape shape, bool inUnitInterval)
    {
        Train = train;
        Validation = validation;
        Test = test;
        ValidationLabels = validationLabels;
        Shape = shape;
        InUnitInterval = inUnitInterval;
    }

    /// <summary>Training samples (N, features).</summary>
    public Tensor Train { get; }

    /// <summary>Validation samples, the same for every trial of a sweep (split by the sweep's data seed).</summary>
    public Tensor Validation { get; }

    /// <summary>The dataset's own test set, used only for final metrics; null where the source has none.</summary>
    public Tensor? Test { get; }

    /// <summary>Class labels of the validation samples (for the latent map), or null.</summary>
    public Tensor? ValidationLabels { get; }

    public SampleShape Shape { get; }

    /// <summary>Every value lies in [0, 1] (needed for BCE and a sigmoid output).</summary>
    public bool InUnitInterval { get; }

    public int Features => Shape.Features;

    /// <summary>
    /// Equal for two loads that give equal tensors (same spec, split seed and files); null for data made by hand.
    /// Lets per-dataset results such as the PCA baseline be computed once per worker instead of once per trial.
    /// </summary>
    public string? Identity { get; internal set; }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test?.Dispose();
        ValidationLabels?.Dispose();
    }
}
