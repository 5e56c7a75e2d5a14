using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace AeSweep.Core.Definitions;

/// <summary>
/// The catalog of parameters built-in training understands. For <c>model:</c> sweeps an unknown name is
/// an error with a suggestion; <c>program:</c> sweeps take any names. <c>width_N</c> (N ≥ 1) sets the width
/// of hidden layer N and exists only when <c>depth ≥ N</c>.
/// </summary>
public static partial class KnownParameters
{
    private static readonly ImmutableArray<KnownParameter> Catalog =
    [
        Int("code_size", 1, 65_536, "size of the bottleneck code"),
        Int("depth", 1, 16, "hidden layers (dense) or down-sampling blocks (conv) in the encoder; the decoder mirrors it"),
        Int("width", 1, 65_536, "nodes per hidden layer"),
        Choice("loss", "reconstruction loss used for training", "mse", "l1", "bce"),
        Number("learning_rate", 0, 10, exclusive: true, "optimizer step size"),
        Int("batch_size", 1, 1_048_576, "samples per optimizer step"),
        Int("epochs", 1, 100_000, "passes over the training data"),
        Choice("optimizer", "optimizer", "adam", "adamw", "sgd"),
        Number("momentum", 0, 0.999999, exclusive: false, "SGD momentum"),
        Number("weight_decay", 0, 1, exclusive: false, "L2 penalty (decoupled for adamw)"),
        Choice("activation", "hidden-layer activation", "relu", "leaky_relu", "elu", "gelu", "silu", "tanh", "sigmoid"),
        Choice("schedule", "learning-rate schedule", "none", "cosine", "step"),
        Choice("noise", "input corruption for denoising training", "none", "gaussian", "masking"),
        Number("noise_level", 0, 1, exclusive: false, "Gaussian noise standard deviation, or the share of inputs masked"),
        Choice("sparsity", "sparsity penalty on the code", "l1", "kl"),
        Number("sparsity_weight", 0, 1000, exclusive: false, "weight of the sparsity penalty"),
        Number("sparsity_target", 0, 0.999999, exclusive: true, "target mean activation ρ of the KL sparsity penalty"),
        Number("beta", 0, 1000, exclusive: false, "weight of the VAE's KL term (β-VAE)"),
        Int("channels", 1, 4096, "convolution channels of the first block (doubling per block)"),
        Choice("upsampling", "conv decoder up-sampling", "transposed", "nearest"),
        Choice("downsampling", "conv encoder down-sampling", "strided", "maxpool"),
    ];

    private static readonly Dictionary<string, KnownParameter> ByName = Catalog.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every catalogued parameter.</summary>
    public static IReadOnlyList<KnownParameter> All => Catalog;

    /// <summary>Looks a name up, including the per-layer form <c>width_N</c>.</summary>
    public static KnownParameter? Find(string name)
    {
        if (ByName.TryGetValue(name, out var known))
        {
            return known;
        }

        return TryParseLayerWidth(name, out _) ? ByName["width"] with { Name = name } : null;
    }

    /// <summary>Recognises <c>width_N</c> and returns N (1-based layer number).</summary>
    public static bool TryParseLayerWidth(string name, out int layer)
    {
        var match = LayerWidthPattern().Match(name);
        layer = match.Success && int.TryParse(match.Groups[1].Value, out var n) ? n : 0;
        return layer is >= 1 and <= 16;
    }

    /// <summary>The name of hidden layer <paramref name="layer"/>'s width parameter (1-based).</summary>
    public static string LayerWidthName(int layer) => $"width_{layer}";

    private static KnownParameter Int(string name, double min, double max, string description) =>
        new(name, true, null, min, max, false, description);

    private static KnownParameter Number(string name, double min, double max, bool exclusive, string description) =>
        new(name, false, null, min, max, exclusive, description);

    private static KnownParameter Choice(string name, string description, params string[] choices) =>
        new(name, false, [.. choices], 0, 0, false, description);

    [GeneratedRegex("^width_([0-9]{1,2})$")]
    private static partial Regex LayerWidthPattern();
}
