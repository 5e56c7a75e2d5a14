using AeSweep.Core.Definitions;
using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// Loads the sequence datasets as [N, T·C] rows of <see cref="SampleShape.Sequence"/> shape. Synthetic sequences are
/// split at random like the other generated data; a CSV series is split in time (<see cref="SequenceSplit"/>), then
/// each part is cut into windows, so no validation window shares a row with a training window.
/// </summary>
internal static class SequenceDatasets
{
    public static TrainingData LoadSynthetic(DatasetSpec spec, long seed, Device device)
    {
        var sequence = spec.Sequence ?? SequenceSpec.SyntheticDefault;
        var count = spec.Limit ?? DatasetLoader.SyntheticCount;
        var features = sequence.Length * sequence.Channels;
        var (values, labels) = SyntheticSequences.Generate(count, sequence.Length, sequence.Channels, sequence.AnomalyShare, unchecked((int)seed));
        var testCount = Math.Max(100, count / 5);
        var (testValues, testLabels) = SyntheticSequences.Generate(testCount, sequence.Length, sequence.Channels, sequence.AnomalyShare, unchecked((int)seed) ^ 0x5eed);
        var all = tensor(values, [count, features]);
        var (trainIndex, validationIndex) = DatasetLoader.Split(count, spec.ValidationSplit, seed);
        var train = all.index_select(0, trainIndex).to(device);
        var validation = all.index_select(0, validationIndex).to(device);
        var test = tensor(testValues, [testCount, features]).to(device);
        // Labels (0 normal, 1 anomalous) stay on the CPU, as every dataset's do: they select and group, never enter a model.
        var allLabels = tensor(labels.Select(b => (long)b).ToArray());
        return new TrainingData(
            train,
            validation,
            test,
            allLabels.index_select(0, validationIndex),
            SampleShape.Sequence(sequence.Length, sequence.Channels),
            inUnitInterval: false,
            trainLabels: allLabels.index_select(0, trainIndex),
            testLabels: tensor(testLabels.Select(b => (long)b).ToArray()));
    }

    public static TrainingData LoadCsv(DatasetSpec spec, Device device)
    {
        var sequence = spec.Sequence ?? throw new ArgumentException("a csv-sequences dataset needs a window");
        var path = spec.CsvPath ?? throw new ArgumentException("a csv-sequences dataset needs a path");
        var (values, rows, names) = TimeSeriesCsv.Read(path, sequence.Columns);
        var channels = names.Count;
        var (trainRows, validationRows) = SequenceSplit.Rows(rows, spec.ValidationSplit);
        if (sequence.Length > trainRows || sequence.Length > validationRows)
        {
            throw new ArgumentException(
                $"dataset.window: is {sequence.Length}, but {Path.GetFileName(path)} has {rows} rows: {trainRows} for training and {validationRows} for validation, and each part needs at least one whole window");
        }

        var series = tensor(values, [rows, channels]).to(device);
        var train = series.narrow(0, 0, trainRows);
        var validation = series.narrow(0, trainRows, validationRows);
        var inUnitInterval = false;
        switch (spec.Normalize)
        {
            case "minmax":
                // Per column, from the training rows only; validation is clamped so BCE stays defined.
                var min = train.amin([0], keepdim: true);
                var range = train.amax([0], keepdim: true) - min;
                range = where(range > 0, range, ones_like(range));
                train = (train - min) / range;
                validation = ((validation - min) / range).clamp(0, 1);
                inUnitInterval = true;
                break;
            case "standard":
                var mean = train.mean([0], keepdim: true);
                var std = train.std([0], keepdim: true);
                std = where(std > 0, std, ones_like(std));
                train = (train - mean) / std;
                validation = (validation - mean) / std;
                break;
            case "none":
                inUnitInterval = train.min().item<float>() >= 0 && train.max().item<float>() <= 1
                    && validation.min().item<float>() >= 0 && validation.max().item<float>() <= 1;
                break;
            default:
                throw new ArgumentException($"dataset.normalize: must be minmax, standard or none, not '{spec.Normalize}'");
        }

        var trainWindows = Windows(train, sequence.Length, sequence.Stride);
        if (spec.Limit is { } limit && limit < trainWindows.shape[0])
        {
            trainWindows = trainWindows.narrow(0, 0, limit);
        }

        var validationWindows = Windows(validation, sequence.Length, sequence.Stride);
        return new TrainingData(trainWindows, validationWindows, null, null, SampleShape.Sequence(sequence.Length, channels), inUnitInterval);
    }

    /// <summary>Rows (R, C) → windows of <paramref name="window"/> rows every <paramref name="stride"/> rows, as (N, window·C) time-major rows.</summary>
    internal static Tensor Windows(Tensor series, int window, int stride)
    {
        var channels = series.shape[1];
        // unfold gives (N, C, window); time-major rows need (N, window, C).
        return series.unfold(0, window, Math.Max(1, stride)).permute(0, 2, 1).reshape(-1, window * channels).contiguous();
    }
}
