using AeSweep.Core.Definitions;
using static TorchSharp.torch;

namespace AeSweep.Training.Data;

/// <summary>
/// Turns a sweep's <see cref="DatasetSpec"/> into <see cref="TrainingData"/> on the training device. The split is
/// a permutation drawn from the sweep's data seed, so every trial of a sweep validates on the same samples.
/// </summary>
public static class DatasetLoader
{
    /// <summary>Synthetic training samples when the spec sets no limit.</summary>
    public const int SyntheticCount = 2000;

    public static TrainingData Load(DatasetSpec spec, long dataSeed, Device device)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ValidationSplit is <= 0 or >= 1)
        {
            throw new ArgumentException($"validation_split must be in (0, 1), got {spec.ValidationSplit}");
        }

        using var scope = NewDisposeScope();
        var data = spec.Kind switch
        {
            DatasetSourceKind.BuiltIn when spec.Name == "fashion-mnist" => LoadFashionMnist(spec, dataSeed, device),
            DatasetSourceKind.BuiltIn when spec.Name == "synthetic" => LoadSynthetic(spec, dataSeed, device),
            DatasetSourceKind.Synthetic => LoadSynthetic(spec, dataSeed, device),
            DatasetSourceKind.Idx => LoadIdx(spec, dataSeed, device),
            DatasetSourceKind.Csv => LoadCsv(spec, dataSeed, device),
            DatasetSourceKind.SyntheticSequences => SequenceDatasets.LoadSynthetic(spec, dataSeed, device),
            DatasetSourceKind.CsvSequences => SequenceDatasets.LoadCsv(spec, device),
            _ => throw new ArgumentException($"Unknown built-in dataset '{spec.Name}' (known: {string.Join(", ", DatasetSpec.BuiltInNames)})"),
        };
        data.Train.MoveToOuterDisposeScope();
        data.Validation.MoveToOuterDisposeScope();
        data.Test?.MoveToOuterDisposeScope();
        data.ValidationLabels?.MoveToOuterDisposeScope();
        data.TrainLabels?.MoveToOuterDisposeScope();
        data.TestLabels?.MoveToOuterDisposeScope();
        data.Identity = Identity(spec, dataSeed);
        if (spec.AnomalyClasses is { } anomalyClasses)
        {
            AnomalyHoldOut.Check(data, anomalyClasses);
            data.AnomalyClasses = anomalyClasses;
        }
        return data;
    }

    /// <summary>
    /// What fixes a loaded dataset's values exactly: the spec, the split seed and the files' sizes and times (so a
    /// file rewritten under the same name is a different dataset). Equal identities mean equal tensors.
    /// </summary>
    private static string Identity(DatasetSpec spec, long dataSeed)
    {
        var files = spec.Kind switch
        {
            DatasetSourceKind.BuiltIn when spec.Name == "fashion-mnist" => [FashionMnist.TrainImages, FashionMnist.TrainLabels, FashionMnist.TestImages, FashionMnist.TestLabels],
            DatasetSourceKind.Idx => new[] { spec.ImagesPath, spec.LabelsPath }.OfType<string>().ToArray(),
            DatasetSourceKind.Csv or DatasetSourceKind.CsvSequences => [spec.CsvPath!],
            _ => Array.Empty<string>(),
        };
        var stamps = files.Select(f => FileStamp.Of(f).ToString());
        return string.Join('|', [spec.ToString(), dataSeed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. stamps]);
    }

    private static TrainingData LoadFashionMnist(DatasetSpec spec, long seed, Device device)
    {
        var images = DecodedIdxCache.Read(FashionMnist.TrainImages);
        var labels = DecodedIdxCache.Read(FashionMnist.TrainLabels);
        var test = DecodedIdxCache.Read(FashionMnist.TestImages);
        var testLabels = DecodedIdxCache.Read(FashionMnist.TestLabels);
        return FromImages(images, labels.Values, test, testLabels.Values, spec, seed, device);
    }

    private static TrainingData LoadIdx(DatasetSpec spec, long seed, Device device)
    {
        var images = DecodedIdxCache.Read(spec.ImagesPath ?? throw new ArgumentException("an idx dataset needs an images path"));
        var labels = spec.LabelsPath is null ? null : DecodedIdxCache.Read(spec.LabelsPath).Values;
        if (labels is not null && labels.Length < images.Count)
        {
            throw new InvalidDataException($"{spec.LabelsPath}: {labels.Length} labels for the {images.Count} images of {spec.ImagesPath}");
        }

        return FromImages(images, labels, null, null, spec, seed, device);
    }

    private static TrainingData LoadSynthetic(DatasetSpec spec, long seed, Device device)
    {
        var count = spec.Limit ?? SyntheticCount;
        var side = SyntheticImages.Side;
        var (pixels, labels) = SyntheticImages.Generate(count, unchecked((int)seed));
        var (testPixels, testLabels) = SyntheticImages.Generate(Math.Max(100, count / 5), unchecked((int)seed) ^ 0x5eed);
        return FromImages(
            new IdxFile([count, side, side], pixels),
            labels,
            new IdxFile([testPixels.Length / (side * side), side, side], testPixels),
            testLabels,
            spec,
            seed,
            device);
    }

    private static TrainingData FromImages(IdxFile images, byte[]? labels, IdxFile? test, byte[]? testLabels, DatasetSpec spec, long seed, Device device)
    {
        var shape = images.Dimensions.Count switch
        {
            3 => SampleShape.Image(1, images.Dimensions[1], images.Dimensions[2]),
            4 => SampleShape.Image(images.Dimensions[3], images.Dimensions[1], images.Dimensions[2]),
            2 => SampleShape.Vector(images.Dimensions[1]),
            _ => throw new InvalidDataException($"IDX images must have 2 to 4 dimensions, not {images.Dimensions.Count}"),
        };
        var count = Math.Min(images.Count, spec.Limit ?? int.MaxValue);
        // Bytes stay bytes until they reach the device: a quarter of the host memory and transfer of floats.
        var all = tensor(images.Values.AsSpan(0, count * shape.Features).ToArray(), [count, shape.Features]);
        var (trainIndex, validationIndex) = Split(count, spec.ValidationSplit, seed);
        // Labels stay on the host's CPU tensors: they index and group, they never enter a model.
        var allLabels = labels is null ? null : LabelTensor(labels, count);
        trainIndex = AnomalyHoldOut.NormalRows(trainIndex, allLabels, spec.AnomalyClasses);
        // IDX image bytes in channels-last (H, W, C) order become C×H×W rows.
        var train = ToUnitFloat(all.index_select(0, trainIndex), shape, device);
        var validation = ToUnitFloat(all.index_select(0, validationIndex), shape, device);
        var testTensor = test is null ? null : ToUnitFloat(tensor(test.Values, [test.Count, test.ItemSize]), shape, device);
        if (test is not null && testLabels is not null && testLabels.Length < test.Count)
        {
            throw new InvalidDataException($"{testLabels.Length} test labels for {test.Count} test images");
        }

        return new TrainingData(
            train,
            validation,
            testTensor,
            allLabels?.index_select(0, validationIndex),
            shape,
            inUnitInterval: true,
            trainLabels: allLabels?.index_select(0, trainIndex),
            testLabels: test is null || testLabels is null ? null : LabelTensor(testLabels, test.Count));
    }

    private static Tensor LabelTensor(byte[] labels, int count) => tensor(labels.AsSpan(0, count).ToArray().Select(b => (long)b).ToArray());

    private static Tensor ToUnitFloat(Tensor bytes, SampleShape shape, Device device)
    {
        var floats = bytes.to(device).to_type(ScalarType.Float32).div_(255f);
        if (shape.IsImage && shape.Channels > 1)
        {
            floats = floats.reshape(-1, shape.Height, shape.Width, shape.Channels).permute(0, 3, 1, 2).reshape(-1, shape.Features).contiguous();
        }

        return floats;
    }

    private static TrainingData LoadCsv(DatasetSpec spec, long seed, Device device)
    {
        var path = spec.CsvPath ?? throw new ArgumentException("a csv dataset needs a path");
        var (values, rows, columns, header) = CsvTable.ReadWithHeader(path, DatasetLimits.FromEnvironment());
        var count = Math.Min(rows, spec.Limit ?? int.MaxValue);
        var all = tensor(values.AsSpan(0, count * columns).ToArray(), [count, columns]).to(device);
        var (trainIndex, validationIndex) = Split(count, spec.ValidationSplit, seed);
        Tensor? labels = null;
        if (spec.LabelColumn is { } labelColumn)
        {
            (all, labels) = CsvLabelColumn.Separate(all, columns, header, labelColumn, path);
            columns--;
        }

        // Before the normalization: its statistics come from the samples trials train on.
        trainIndex = AnomalyHoldOut.NormalRows(trainIndex, labels, spec.AnomalyClasses);

        var train = all.index_select(0, trainIndex.to(device));
        var validation = all.index_select(0, validationIndex.to(device));
        var inUnitInterval = false;
        switch (spec.Normalize)
        {
            case "minmax":
                // Statistics from the training split only; validation is clamped so BCE stays defined.
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
                throw new ArgumentException($"normalize must be minmax, standard or none, not '{spec.Normalize}'");
        }

        return new TrainingData(
            train.contiguous(),
            validation.contiguous(),
            null,
            labels?.index_select(0, validationIndex),
            SampleShape.Vector(columns),
            inUnitInterval,
            trainLabels: labels?.index_select(0, trainIndex));
    }

    internal static (Tensor Train, Tensor Validation) Split(int count, double validationShare, long seed)
    {
        if (count < 2)
        {
            throw new ArgumentException($"a dataset needs at least 2 samples, this one has {count}");
        }

        var validationCount = Math.Clamp((int)Math.Round(count * validationShare), 1, count - 1);
        using var generator = new Generator(unchecked((ulong)seed));
        var permutation = randperm(count, generator: generator);
        return (permutation.narrow(0, validationCount, count - validationCount), permutation.narrow(0, 0, validationCount));
    }
}
