using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Training;

/// <summary>
/// A trial's hyperparameters with every default filled in. This is the ONE place where the defaults of
/// built-in training live; a parameter absent from the trial takes the value below.
/// </summary>
/// <remarks>
/// Defaults: model dense; code_size 32; depth 2; width 256 (per layer: width_N, else width for layer 1 and
/// halving per layer, never below code_size); loss mse; learning_rate 1e-3; batch_size 256; epochs 10;
/// optimizer adam; momentum 0.9 (sgd only); weight_decay 0; activation relu; schedule none (step: ×0.1 every
/// third of the epochs; cosine: to 0 at the last epoch); noise none (gaussian for model=denoising) with
/// noise_level 0.2; sparsity l1 with sparsity_weight 1e-3 and sparsity_target 0.05 (model=sparse only); beta 1
/// (vae only); channels 16 (doubling per block); upsampling transposed; downsampling strided.
/// </remarks>
public sealed record TrialSettings
{
    public ModelFamily Family { get; init; } = ModelFamily.Dense;
    public int CodeSize { get; init; } = 32;
    public int Depth { get; init; } = 2;
    public IReadOnlyList<int> Widths { get; init; } = [256, 128];
    public string Loss { get; init; } = "mse";
    public double LearningRate { get; init; } = 1e-3;
    public int BatchSize { get; init; } = 256;
    public int Epochs { get; init; } = 10;
    public string Optimizer { get; init; } = "adam";
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; }
    public string Activation { get; init; } = "relu";
    public string Schedule { get; init; } = "none";
    public string Noise { get; init; } = "none";
    public double NoiseLevel { get; init; } = 0.2;
    public string Sparsity { get; init; } = "l1";
    public double SparsityWeight { get; init; } = 1e-3;
    public double SparsityTarget { get; init; } = 0.05;
    public double Beta { get; init; } = 1.0;
    public int Channels { get; init; } = 16;
    public string Upsampling { get; init; } = "transposed";
    public string Downsampling { get; init; } = "strided";

    /// <summary>True when inputs are corrupted during training (any family; the denoising family defaults to it).</summary>
    public bool IsDenoising => Noise != "none" && NoiseLevel > 0;

    /// <summary>True when the code carries an activity sparsity penalty.</summary>
    public bool IsSparse => Family == ModelFamily.Sparse;

    /// <summary>Reads a trial's parameters; absent ones take the defaults above.</summary>
    public static TrialSettings FromParameters(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var defaults = new TrialSettings();
        var family = parameters.TryGetValue(SweepDefinition.ModelParameter, out var model)
            ? ModelFamilyNames.Parse(model.AsString())
            : defaults.Family;
        var codeSize = Int(parameters, "code_size", defaults.CodeSize);
        var depth = Int(parameters, "depth", defaults.Depth);
        var width = parameters.ContainsKey("width") ? Int(parameters, "width", 256) : (int?)null;
        var widths = new int[depth];
        for (var layer = 1; layer <= depth; layer++)
        {
            // Without per-layer widths the encoder narrows towards the code: width, width/2, ... (≥ code_size).
            var fallback = Math.Max(codeSize, (width ?? 256) >> (width is null ? layer - 1 : 0));
            widths[layer - 1] = Int(parameters, KnownParameters.LayerWidthName(layer), fallback);
        }

        var noise = Text(parameters, "noise", family == ModelFamily.Denoising ? "gaussian" : "none");
        if (family == ModelFamily.Denoising && noise == "none")
        {
            throw new ArgumentException("model 'denoising' needs noise gaussian or masking, not none");
        }

        return new TrialSettings
        {
            Family = family,
            CodeSize = codeSize,
            Depth = depth,
            Widths = widths,
            Loss = Text(parameters, "loss", defaults.Loss),
            LearningRate = Number(parameters, "learning_rate", defaults.LearningRate),
            BatchSize = Int(parameters, "batch_size", defaults.BatchSize),
            Epochs = Int(parameters, "epochs", defaults.Epochs),
            Optimizer = Text(parameters, "optimizer", defaults.Optimizer),
            Momentum = Number(parameters, "momentum", defaults.Momentum),
            WeightDecay = Number(parameters, "weight_decay", defaults.WeightDecay),
            Activation = Text(parameters, "activation", defaults.Activation),
            Schedule = Text(parameters, "schedule", defaults.Schedule),
            Noise = noise,
            NoiseLevel = Number(parameters, "noise_level", defaults.NoiseLevel),
            Sparsity = Text(parameters, "sparsity", defaults.Sparsity),
            SparsityWeight = Number(parameters, "sparsity_weight", defaults.SparsityWeight),
            SparsityTarget = Number(parameters, "sparsity_target", defaults.SparsityTarget),
            Beta = Number(parameters, "beta", defaults.Beta),
            Channels = Int(parameters, "channels", defaults.Channels),
            Upsampling = Text(parameters, "upsampling", defaults.Upsampling),
            Downsampling = Text(parameters, "downsampling", defaults.Downsampling),
        };
    }

    /// <summary>The learning rate for a 1-based epoch under the schedule (computed, not stateful, so resume is exact).</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        "cosine" => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - 1) / Math.Max(1, Epochs))),
        "step" => LearningRate * Math.Pow(0.1, (epoch - 1) / Math.Max(1, Epochs / 3)),
        _ => LearningRate,
    };

    private static int Int(IReadOnlyDictionary<string, ParameterValue> p, string name, int fallback) =>
        p.TryGetValue(name, out var v) ? checked((int)v.AsLong()) : fallback;

    private static double Number(IReadOnlyDictionary<string, ParameterValue> p, string name, double fallback) =>
        p.TryGetValue(name, out var v) ? v.AsDouble() : fallback;

    private static string Text(IReadOnlyDictionary<string, ParameterValue> p, string name, string fallback) =>
        p.TryGetValue(name, out var v) ? v.AsString().ToLower(CultureInfo.InvariantCulture) : fallback;
}
