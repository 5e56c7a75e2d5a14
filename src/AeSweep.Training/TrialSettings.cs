using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Training;

/// <summary>
/// A trial's hyperparameters with every default filled in. The defaults (and bounds) are the parameter catalog's
/// (<see cref="ParameterCatalog"/>); a parameter absent from the trial takes the catalog's default.
/// </summary>
/// <remarks>
/// Width without per-layer widths: layer 1 is width and each deeper layer half the one before, never below code_size.
/// The denoising family's noise defaults to <see cref="ParameterCatalog.DenoisingNoise"/>.
/// </remarks>
public sealed record TrialSettings
{
    public ModelFamily Family { get; init; } = ModelFamilyNames.Parse(ParameterCatalog.Model.DefaultChoice);
    public int CodeSize { get; init; } = ParameterCatalog.CodeSize.DefaultInteger;
    public int Depth { get; init; } = ParameterCatalog.Depth.DefaultInteger;
    public IReadOnlyList<int> Widths { get; init; } = LayerWidths(ParameterCatalog.Depth.DefaultInteger, ParameterCatalog.CodeSize.DefaultInteger, null, _ => null);
    public LossFunction Loss { get; init; } = Default<LossFunction>(ParameterCatalog.Loss);
    public double LearningRate { get; init; } = ParameterCatalog.LearningRate.DefaultNumber;
    public int BatchSize { get; init; } = ParameterCatalog.BatchSize.DefaultInteger;
    public int Epochs { get; init; } = ParameterCatalog.Epochs.DefaultInteger;
    public OptimizerKind Optimizer { get; init; } = Default<OptimizerKind>(ParameterCatalog.Optimizer);
    public double Momentum { get; init; } = ParameterCatalog.Momentum.DefaultNumber;
    public double WeightDecay { get; init; } = ParameterCatalog.WeightDecay.DefaultNumber;
    public ActivationFunction Activation { get; init; } = Default<ActivationFunction>(ParameterCatalog.Activation);
    public LearningRateSchedule Schedule { get; init; } = Default<LearningRateSchedule>(ParameterCatalog.Schedule);
    public InputNoiseKind Noise { get; init; } = Default<InputNoiseKind>(ParameterCatalog.Noise);
    public double NoiseLevel { get; init; } = ParameterCatalog.NoiseLevel.DefaultNumber;
    public SparsityPenaltyKind Sparsity { get; init; } = Default<SparsityPenaltyKind>(ParameterCatalog.Sparsity);
    public double SparsityWeight { get; init; } = ParameterCatalog.SparsityWeight.DefaultNumber;
    public double SparsityTarget { get; init; } = ParameterCatalog.SparsityTarget.DefaultNumber;
    public double Beta { get; init; } = ParameterCatalog.Beta.DefaultNumber;
    public int Channels { get; init; } = ParameterCatalog.Channels.DefaultInteger;
    public UpsamplingMethod Upsampling { get; init; } = Default<UpsamplingMethod>(ParameterCatalog.Upsampling);
    public DownsamplingMethod Downsampling { get; init; } = Default<DownsamplingMethod>(ParameterCatalog.Downsampling);

    /// <summary>True when inputs are corrupted during training (any family; the denoising family defaults to it).</summary>
    public bool IsDenoising => Noise != InputNoiseKind.None && NoiseLevel > 0;

    /// <summary>True when the code carries an activity sparsity penalty.</summary>
    public bool IsSparse => Family == ModelFamily.Sparse;

    /// <summary>Reads a trial's parameters; absent ones take the catalog's defaults.</summary>
    public static TrialSettings FromParameters(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var family = ModelFamilyNames.Parse(parameters.TryGetValue(ParameterNames.Model, out var model) ? model.AsString() : ParameterCatalog.Model.DefaultChoice);
        var codeSize = Int(parameters, ParameterCatalog.CodeSize);
        var depth = Int(parameters, ParameterCatalog.Depth);
        var width = parameters.ContainsKey(ParameterNames.Width) ? Int(parameters, ParameterCatalog.Width) : (int?)null;
        var widths = LayerWidths(depth, codeSize, width, layer =>
            parameters.TryGetValue(ParameterCatalog.LayerWidthName(layer), out var v) ? checked((int)v.AsLong()) : null);

        var noise = parameters.ContainsKey(ParameterNames.Noise) || family != ModelFamily.Denoising
            ? Choice<InputNoiseKind>(parameters, ParameterCatalog.Noise)
            : CatalogChoice.Parse<InputNoiseKind>(ParameterCatalog.Noise, ParameterCatalog.DenoisingNoise);
        if (family == ModelFamily.Denoising && noise == InputNoiseKind.None)
        {
            throw new ArgumentException("model 'denoising' needs noise gaussian or masking, not none");
        }

        return new TrialSettings
        {
            Family = family,
            CodeSize = codeSize,
            Depth = depth,
            Widths = widths,
            Loss = Choice<LossFunction>(parameters, ParameterCatalog.Loss),
            LearningRate = Number(parameters, ParameterCatalog.LearningRate),
            BatchSize = Int(parameters, ParameterCatalog.BatchSize),
            Epochs = Int(parameters, ParameterCatalog.Epochs),
            Optimizer = Choice<OptimizerKind>(parameters, ParameterCatalog.Optimizer),
            Momentum = Number(parameters, ParameterCatalog.Momentum),
            WeightDecay = Number(parameters, ParameterCatalog.WeightDecay),
            Activation = Choice<ActivationFunction>(parameters, ParameterCatalog.Activation),
            Schedule = Choice<LearningRateSchedule>(parameters, ParameterCatalog.Schedule),
            Noise = noise,
            NoiseLevel = Number(parameters, ParameterCatalog.NoiseLevel),
            Sparsity = Choice<SparsityPenaltyKind>(parameters, ParameterCatalog.Sparsity),
            SparsityWeight = Number(parameters, ParameterCatalog.SparsityWeight),
            SparsityTarget = Number(parameters, ParameterCatalog.SparsityTarget),
            Beta = Number(parameters, ParameterCatalog.Beta),
            Channels = Int(parameters, ParameterCatalog.Channels),
            Upsampling = Choice<UpsamplingMethod>(parameters, ParameterCatalog.Upsampling),
            Downsampling = Choice<DownsamplingMethod>(parameters, ParameterCatalog.Downsampling),
        };
    }

    /// <summary>The learning rate for a 1-based epoch under the schedule (computed, not stateful, so resume is exact).</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / Math.Max(1, Epochs))),
        LearningRateSchedule.Step => LearningRate * Math.Pow(0.1, (epoch - 1) / Math.Max(1, Epochs / 3)),
        _ => LearningRate,
    };

    // Without per-layer widths the encoder narrows towards the code: width, width/2, ... (≥ code_size).
    private static int[] LayerWidths(int depth, int codeSize, int? width, Func<int, int?> perLayer)
    {
        var widths = new int[depth];
        for (var layer = 1; layer <= depth; layer++)
        {
            var fallback = Math.Max(codeSize, (width ?? ParameterCatalog.Width.DefaultInteger) >> (width is null ? layer - 1 : 0));
            widths[layer - 1] = perLayer(layer) ?? fallback;
        }

        return widths;
    }

    private static int Int(IReadOnlyDictionary<string, ParameterValue> p, CatalogParameter parameter) =>
        p.TryGetValue(parameter.Name, out var v) ? checked((int)v.AsLong()) : parameter.DefaultInteger;

    private static double Number(IReadOnlyDictionary<string, ParameterValue> p, CatalogParameter parameter) =>
        p.TryGetValue(parameter.Name, out var v) ? v.AsDouble() : parameter.DefaultNumber;

    private static TEnum Choice<TEnum>(IReadOnlyDictionary<string, ParameterValue> p, CatalogParameter parameter)
        where TEnum : struct, Enum =>
        CatalogChoice.Parse<TEnum>(parameter, p.TryGetValue(parameter.Name, out var v) ? v.AsString().ToLower(CultureInfo.InvariantCulture) : parameter.DefaultChoice);

    private static TEnum Default<TEnum>(CatalogParameter parameter)
        where TEnum : struct, Enum => CatalogChoice.Parse<TEnum>(parameter, parameter.DefaultChoice);
}
