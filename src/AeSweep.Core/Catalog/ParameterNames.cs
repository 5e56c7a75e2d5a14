namespace AeSweep.Core.Catalog;

/// <summary>The sweep-file names of the built-in parameters, for code that reads or writes them by name.</summary>
public static class ParameterNames
{
    /// <summary>The model family (set by the sweep file's top-level <c>model:</c>).</summary>
    public const string Model = "model";

    /// <summary>Size of the bottleneck code.</summary>
    public const string CodeSize = "code_size";

    /// <summary>Hidden layers (dense) or down-sampling blocks (conv).</summary>
    public const string Depth = "depth";

    /// <summary>Nodes per hidden layer; <c>width_N</c> sets layer N alone.</summary>
    public const string Width = "width";

    /// <summary>Reconstruction loss.</summary>
    public const string Loss = "loss";

    /// <summary>Optimizer step size.</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>Samples per optimizer step.</summary>
    public const string BatchSize = "batch_size";

    /// <summary>Passes over the training data.</summary>
    public const string Epochs = "epochs";

    /// <summary>Optimizer.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>SGD momentum.</summary>
    public const string Momentum = "momentum";

    /// <summary>L2 penalty.</summary>
    public const string WeightDecay = "weight_decay";

    /// <summary>Hidden-layer activation.</summary>
    public const string Activation = "activation";

    /// <summary>Learning-rate schedule.</summary>
    public const string Schedule = "schedule";

    /// <summary>Input corruption for denoising training.</summary>
    public const string Noise = "noise";

    /// <summary>Strength of the input corruption.</summary>
    public const string NoiseLevel = "noise_level";

    /// <summary>Sparsity penalty on the code.</summary>
    public const string Sparsity = "sparsity";

    /// <summary>Weight of the sparsity penalty.</summary>
    public const string SparsityWeight = "sparsity_weight";

    /// <summary>Target mean activation of the KL sparsity penalty.</summary>
    public const string SparsityTarget = "sparsity_target";

    /// <summary>Weight of the VAE's KL term.</summary>
    public const string Beta = "beta";

    /// <summary>Convolution channels of the first block.</summary>
    public const string Channels = "channels";

    /// <summary>Conv decoder up-sampling.</summary>
    public const string Upsampling = "upsampling";

    /// <summary>Conv encoder down-sampling.</summary>
    public const string Downsampling = "downsampling";
}
