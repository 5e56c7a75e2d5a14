using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;

namespace AeSweep.Training;

/// <summary>
/// What one trial holds on its device, estimated from its settings before it starts, so a GPU worker can pack
/// several trials into a share of the device's free memory. Counts the parameters of exactly the model
/// <see cref="Models.AutoencoderFactory"/> builds, then: weights + gradients + optimiser state (Adam/AdamW: two
/// moments; SGD: one momentum buffer, none without momentum), the activations one batch keeps for its backward pass,
/// the dataset when it lives on the device, and a per-trial workspace (cuBLAS/cuDNN scratch, allocator rounding).
/// </summary>
/// <remarks>
/// Deliberately an over-estimate: a trial that does not fit costs an out-of-memory error and a requeue, one that was
/// over-counted only costs a neighbour. The CUDA context is per process, not per trial: see <see cref="CudaContextBytes"/>.
/// </remarks>
public sealed record TrialMemoryEstimate(long ParameterCount, long ParameterBytes, long OptimizerBytes, long ActivationBytes, long DataBytes, long WorkspaceBytes)
{
    /// <summary>float32 everywhere.</summary>
    public const int BytesPerValue = sizeof(float);

    /// <summary>
    /// Activations are counted once for the forward values kept for backward; the backward pass holds gradients of
    /// the same size, and the loss/metric temporaries add more: 3× the forward values covers both with margin.
    /// </summary>
    public const int ForwardBackwardFactor = 3;

    /// <summary>Scratch per trial (cuBLAS workspace, cuDNN algorithms, the caching allocator's rounding): 64 MiB.</summary>
    public const long PerTrialWorkspaceBytes = 64L << 20;

    /// <summary>The CUDA context and libtorch's kernels, once per worker process on a device: about 600 MiB.</summary>
    public const long CudaContextBytes = 600L << 20;

    /// <summary>The total for one trial (the process's CUDA context not included).</summary>
    public long TotalBytes => ParameterBytes * 2 + OptimizerBytes + ActivationBytes + DataBytes + WorkspaceBytes;

    /// <summary>Estimates a trial of <paramref name="settings"/> on samples of <paramref name="shape"/>.</summary>
    /// <param name="settings">The trial's settings (family, depth, widths, code size, channels, batch size, optimiser).</param>
    /// <param name="shape">One sample's shape.</param>
    /// <param name="samplesOnDevice">Samples the trainer copies to the device (training and validation; 0 when unknown).</param>
    public static TrialMemoryEstimate For(TrialSettings settings, SampleShape shape, long samplesOnDevice = 0)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shape);
        var (parameters, activations) = settings.Family switch
        {
            ModelFamily.Conv => Conv(settings, shape),
            ModelFamily.Lstm => Lstm(settings, shape),
            _ => Dense(settings, shape.Features),
        };
        var optimizerStates = settings.Optimizer switch
        {
            OptimizerKind.Sgd => settings.Momentum > 0 ? 1 : 0,
            _ => 2,
        };
        var parameterBytes = parameters * BytesPerValue;
        return new TrialMemoryEstimate(
            parameters,
            parameterBytes,
            parameterBytes * optimizerStates,
            (long)settings.BatchSize * activations * BytesPerValue * ForwardBackwardFactor,
            samplesOnDevice * shape.Features * BytesPerValue,
            PerTrialWorkspaceBytes);
    }

    /// <summary>The dense, sparse, denoising and variational families: parameters, and values per sample of one forward pass.</summary>
    private static (long Parameters, long Activations) Dense(TrialSettings settings, int features)
    {
        long parameters = 0;
        long activations = features; // the (possibly corrupted) input
        var previous = features;
        foreach (var width in settings.Widths)
        {
            parameters += Linear(previous, width);
            activations += 2L * width; // pre- and post-activation
            previous = width;
        }

        var heads = settings.Family == ModelFamily.Vae ? 2 : 1; // the VAE's mean and log-variance
        parameters += heads * Linear(previous, settings.CodeSize);
        activations += (heads + (settings.Family == ModelFamily.Vae ? 2 : 1)) * (long)settings.CodeSize;

        previous = settings.CodeSize;
        for (var i = settings.Widths.Count - 1; i >= 0; i--)
        {
            parameters += Linear(previous, settings.Widths[i]);
            activations += 2L * settings.Widths[i];
            previous = settings.Widths[i];
        }

        parameters += Linear(previous, features);
        activations += 2L * features;
        return (parameters, activations);
    }

    /// <summary>The conv family (both down- and up-sampling methods have the same parameters).</summary>
    private static (long Parameters, long Activations) Conv(TrialSettings settings, SampleShape shape)
    {
        long parameters = 0;
        long convolutions = 0;
        var (height, width) = (shape.Height, shape.Width);
        for (var b = 0; b < settings.Depth; b++)
        {
            var input = b == 0 ? shape.Channels : settings.Channels << (b - 1);
            var output = settings.Channels << b;
            parameters += (input * 9L * output) + output;
            // Max pooling keeps the full-size convolution output too; stride 2 does not.
            var full = (long)output * height * width;
            (height, width) = ((height + 1) / 2, (width + 1) / 2);
            var half = (long)output * height * width;
            convolutions += settings.Downsampling == DownsamplingMethod.Maxpool ? (2 * full) + half : 2 * half;
        }

        var flat = (long)(settings.Channels << (settings.Depth - 1)) * height * width;
        parameters += Linear(flat, settings.CodeSize) + Linear(settings.CodeSize, flat);
        var activations = shape.Features + convolutions + settings.CodeSize + (2 * flat);

        // The decoder mirrors the encoder: its transposed (or up-sample + 3×3) convolutions have the encoder's weights
        // with input and output swapped, and its outputs are the encoder's inputs.
        for (var b = settings.Depth - 1; b >= 0; b--)
        {
            var input = settings.Channels << b;
            var output = b == 0 ? shape.Channels : settings.Channels << (b - 1);
            parameters += (input * 9L * output) + output;
        }

        // Up-sampling output, convolution output and activation per block: about twice the encoder's, plus the image.
        activations += (2 * convolutions) + (2L * shape.Features);
        return (parameters, activations);
    }

    /// <summary>
    /// The lstm family: two stacked LSTMs (weights 4h·(input + h) and two biases of 4h per layer) and the three linear
    /// layers; per step and layer the four gates, the cell and the hidden state are kept for backward.
    /// </summary>
    private static (long Parameters, long Activations) Lstm(TrialSettings settings, SampleShape shape)
    {
        var (steps, stepFeatures) = Models.LstmAutoencoder.StepsOf(shape);
        long hidden = settings.Widths[0];
        long parameters = 0;
        for (var layer = 0; layer < settings.Depth; layer++)
        {
            var encoderInput = layer == 0 ? stepFeatures : hidden;
            parameters += (4 * hidden * (encoderInput + hidden)) + (8 * hidden); // encoder layer
            parameters += (4 * hidden * (hidden + hidden)) + (8 * hidden); // decoder layer (its input is the repeated code vector)
        }

        parameters += Linear(hidden, settings.CodeSize) + Linear(settings.CodeSize, hidden) + Linear(hidden, stepFeatures);
        var activations = (2L * steps * settings.Depth * 6 * hidden) + (3L * shape.Features) + (2L * settings.CodeSize) + (steps * hidden);
        return (parameters, activations);
    }

    private static long Linear(long inputs, long outputs) => (inputs * outputs) + outputs;
}
