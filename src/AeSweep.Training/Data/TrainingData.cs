using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// A dataset resident on the training device, split once: every batch is sliced from these tensors on the
/// device, never copied from the host. Samples are rows of shape (N, features); images are flattened C×H×W.
/// Class labels, where the dataset has them, are int64 vectors on the CPU: they select and group samples, and never
/// enter a model.
/// </summary>
public sealed class TrainingData : IDisposable
{
    public TrainingData(
        Tensor train,
        Tensor validation,
        Tensor? test,
        Tensor? validationLabels,
        SampleShape shape,
        bool inUnitInterval,
        Tensor? trainLabels = null,
        Tensor? testLabels = null)
    {
        CheckLabels(trainLabels, train, nameof(trainLabels));
        CheckLabels(validationLabels, validation, nameof(validationLabels));
        CheckLabels(testLabels, test, nameof(testLabels));
        Train = train;
        Validation = validation;
        Test = test;
        ValidationLabels = validationLabels;
        Shape = shape;
        InUnitInterval = inUnitInterval;
        TrainLabels = trainLabels;
        TestLabels = testLabels;
    }

    /// <summary>Training samples (N, features).</summary>
    public Tensor Train { get; }

    /// <summary>Validation samples, the same for every trial of a sweep (split by the sweep's data seed).</summary>
    public Tensor Validation { get; }

    /// <summary>The dataset's own test set, used only for final metrics; null where the source has none.</summary>
    public Tensor? Test { get; }

    /// <summary>Class labels (int64, one per row) of the validation samples, or null where the dataset has none.</summary>
    public Tensor? ValidationLabels { get; }

    /// <summary>Class labels (int64, one per row) of the training samples, or null where the dataset has none.</summary>
    public Tensor? TrainLabels { get; }

    /// <summary>Class labels (int64, one per row) of the test samples, or null where there is no test set or no labels.</summary>
    public Tensor? TestLabels { get; }

    /// <summary>Whether training, validation and (where there is one) test samples all carry labels.</summary>
    public bool HasLabels => TrainLabels is not null && ValidationLabels is not null && (Test is null || TestLabels is not null);

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
        TrainLabels?.Dispose();
        TestLabels?.Dispose();
    }

    private static void CheckLabels(Tensor? labels, Tensor? samples, string name)
    {
        if (labels is null)
        {
            return;
        }

        if (samples is null || labels.dim() != 1 || labels.shape[0] != samples.shape[0] || labels.dtype != ScalarType.Int64)
        {
            throw new ArgumentException($"{name}: one int64 label per sample expected", name);
        }
    }
}
