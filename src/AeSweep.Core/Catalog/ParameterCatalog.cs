using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using static AeSweep.Core.Definitions.ModelFamily;

namespace AeSweep.Core.Catalog;

/// <summary>
/// Every parameter built-in training understands, with its bounds, default and families: the one owner of these facts.
/// The sweep-file validator checks against it, training takes its defaults from it. <c>program:</c> sweeps take any
/// names. <c>width_N</c> (1 ≤ N ≤ <see cref="MaxLayers"/>) sets the width of hidden layer N and exists only when
/// <c>depth ≥ N</c>; without it, layer 1 is <c>width</c> and each deeper layer half the one before (never below
/// <c>code_size</c>).
/// </summary>
public static partial class ParameterCatalog
{
    private static readonly ImmutableArray<ModelFamily> AllFamilies = [Dense, Conv, Denoising, Sparse, Vae, Lstm];

    // The LSTM's gates have their own fixed nonlinearities (sigmoid, tanh), so activation does not apply to it.
    private static readonly ImmutableArray<ModelFamily> FeedForwardFamilies = [Dense, Conv, Denoising, Sparse, Vae];

    // width is the dense families' layer width and the LSTM's hidden size.
    private static readonly ImmutableArray<ModelFamily> WidthFamilies = [Dense, Denoising, Sparse, Vae, Lstm];

    /// <summary>The most hidden layers (and so the largest N of <c>width_N</c>).</summary>
    public const int MaxLayers = 16;

    /// <summary>The model family; the sweep file sets it with its top-level <c>model:</c>, not under <c>parameters</c>.</summary>
    public static CatalogParameter Model { get; } = Choice(ParameterNames.Model, "model family", AllFamilies, ModelFamilyNames.All[0], [.. ModelFamilyNames.All]);

    /// <summary><c>code_size</c>.</summary>
    public static CatalogParameter CodeSize { get; } = Int(ParameterNames.CodeSize, 1, 65_536, 32, AllFamilies, "size of the bottleneck code");

    /// <summary><c>depth</c>.</summary>
    public static CatalogParameter Depth { get; } = Int(ParameterNames.Depth, 1, MaxLayers, 2, AllFamilies, "hidden layers (dense), down-sampling blocks (conv) or stacked LSTM layers (lstm) in the encoder; the decoder mirrors it");

    /// <summary><c>width</c> (and, through <see cref="Find"/>, <c>width_N</c>).</summary>
    public static CatalogParameter Width { get; } = Int(ParameterNames.Width, 1, 65_536, 256, WidthFamilies, "nodes per hidden layer (dense), hidden size of every LSTM layer (lstm)");

    /// <summary><c>loss</c>.</summary>
    public static CatalogParameter Loss { get; } = Choice(ParameterNames.Loss, "reconstruction loss used for training", AllFamilies, "mse", "mse", "l1", "bce");

    /// <summary><c>learning_rate</c>.</summary>
    public static CatalogParameter LearningRate { get; } = Number(ParameterNames.LearningRate, 0, 10, exclusive: true, 1e-3, AllFamilies, "optimizer step size");

    /// <summary><c>batch_size</c>.</summary>
    public static CatalogParameter BatchSize { get; } = Int(ParameterNames.BatchSize, 1, 1_048_576, 256, AllFamilies, "samples per optimizer step");

    /// <summary><c>epochs</c>.</summary>
    public static CatalogParameter Epochs { get; } = Int(ParameterNames.Epochs, 1, 100_000, 10, AllFamilies, "passes over the training data");

    /// <summary><c>optimizer</c>.</summary>
    public static CatalogParameter Optimizer { get; } = Choice(ParameterNames.Optimizer, "optimizer", AllFamilies, "adam", "adam", "adamw", "sgd");

    /// <summary><c>momentum</c> (read by sgd only).</summary>
    public static CatalogParameter Momentum { get; } = Number(ParameterNames.Momentum, 0, 0.999999, exclusive: false, 0.9, AllFamilies, "SGD momentum");

    /// <summary><c>weight_decay</c>.</summary>
    public static CatalogParameter WeightDecay { get; } = Number(ParameterNames.WeightDecay, 0, 1, exclusive: false, 0.0, AllFamilies, "L2 penalty (decoupled for adamw)");

    /// <summary><c>activation</c>.</summary>
    public static CatalogParameter Activation { get; } =
        Choice(ParameterNames.Activation, "hidden-layer activation", FeedForwardFamilies, "relu", "relu", "leaky_relu", "elu", "gelu", "silu", "tanh", "sigmoid");

    /// <summary><c>schedule</c> (step: ×0.1 every third of the epochs; cosine: to 0 at the last epoch).</summary>
    public static CatalogParameter Schedule { get; } = Choice(ParameterNames.Schedule, "learning-rate schedule", AllFamilies, "none", "none", "cosine", "step");

    /// <summary><c>noise</c>; the denoising family defaults to <see cref="DenoisingNoise"/> instead.</summary>
    public static CatalogParameter Noise { get; } =
        Choice(ParameterNames.Noise, "input corruption for denoising training", AllFamilies, "none", "none", "gaussian", "masking");

    /// <summary>The <c>noise</c> of the denoising family when the sweep names none.</summary>
    public const string DenoisingNoise = "gaussian";

    /// <summary><c>noise_level</c>.</summary>
    public static CatalogParameter NoiseLevel { get; } =
        Number(ParameterNames.NoiseLevel, 0, 1, exclusive: false, 0.2, AllFamilies, "Gaussian noise standard deviation, or the share of inputs masked");

    /// <summary><c>sparsity</c>.</summary>
    public static CatalogParameter Sparsity { get; } = Choice(ParameterNames.Sparsity, "sparsity penalty on the code", [Sparse], "l1", "l1", "kl");

    /// <summary><c>sparsity_weight</c>.</summary>
    public static CatalogParameter SparsityWeight { get; } = Number(ParameterNames.SparsityWeight, 0, 1000, exclusive: false, 1e-3, [Sparse], "weight of the sparsity penalty");

    /// <summary><c>sparsity_target</c>.</summary>
    public static CatalogParameter SparsityTarget { get; } =
        Number(ParameterNames.SparsityTarget, 0, 0.999999, exclusive: true, 0.05, [Sparse], "target mean activation ρ of the KL sparsity penalty");

    /// <summary><c>beta</c>.</summary>
    public static CatalogParameter Beta { get; } = Number(ParameterNames.Beta, 0, 1000, exclusive: false, 1.0, [Vae], "weight of the VAE's KL term (β-VAE)");

    /// <summary><c>channels</c>.</summary>
    public static CatalogParameter Channels { get; } = Int(ParameterNames.Channels, 1, 4096, 16, [Conv], "convolution channels of the first block (doubling per block)");

    /// <summary><c>upsampling</c>.</summary>
    public static CatalogParameter Upsampling { get; } = Choice(ParameterNames.Upsampling, "conv decoder up-sampling", [Conv], "transposed", "transposed", "nearest");

    /// <summary><c>downsampling</c>.</summary>
    public static CatalogParameter Downsampling { get; } = Choice(ParameterNames.Downsampling, "conv encoder down-sampling", [Conv], "strided", "strided", "maxpool");

    /// <summary>Every parameter a sweep file may list under <c>parameters</c> (not <see cref="Model"/>), in the order messages list them.</summary>
    public static IReadOnlyList<CatalogParameter> All { get; } =
    [
        CodeSize, Depth, Width, Loss, LearningRate, BatchSize, Epochs, Optimizer, Momentum, WeightDecay, Activation, Schedule,
        Noise, NoiseLevel, Sparsity, SparsityWeight, SparsityTarget, Beta, Channels, Upsampling, Downsampling,
    ];

    private static readonly Dictionary<string, CatalogParameter> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Looks a name up, including the per-layer form <c>width_N</c>; null for a name built-in training does not know.</summary>
    public static CatalogParameter? Find(string name)
    {
        if (ByName.TryGetValue(name, out var known))
        {
            return known;
        }

        return TryParseLayerWidth(name, out _) ? Width with { Name = name } : null;
    }

    /// <summary>Recognises <c>width_N</c> and returns N (1-based layer number).</summary>
    public static bool TryParseLayerWidth(string name, out int layer)
    {
        var match = LayerWidthPattern().Match(name);
        layer = match.Success && int.TryParse(match.Groups[1].Value, out var n) ? n : 0;
        return layer is >= 1 and <= MaxLayers;
    }

    /// <summary>The name of hidden layer <paramref name="layer"/>'s width parameter (1-based).</summary>
    public static string LayerWidthName(int layer) => $"{ParameterNames.Width}_{layer}";

    private static CatalogParameter Int(string name, double min, double max, long @default, ImmutableArray<ModelFamily> families, string description) =>
        new(name, ParameterKind.Integer, ParameterValue.Of(@default), min, max, false, null, families, description);

    private static CatalogParameter Number(
        string name, double min, double max, bool exclusive, double @default, ImmutableArray<ModelFamily> families, string description) =>
        new(name, ParameterKind.Number, ParameterValue.Of(@default), min, max, exclusive, null, families, description);

    private static CatalogParameter Choice(string name, string description, ImmutableArray<ModelFamily> families, string @default, params string[] choices) =>
        new(name, ParameterKind.Choice, ParameterValue.Of(@default), 0, 0, false, [.. choices], families, description);

    [GeneratedRegex("^width_([0-9]{1,2})$")]
    private static partial Regex LayerWidthPattern();
}
