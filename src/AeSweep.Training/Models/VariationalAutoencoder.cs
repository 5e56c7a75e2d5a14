using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Variational autoencoder on the dense stacks: the encoder gives a mean and a log-variance per code unit, training
/// samples the code by reparameterization (z = μ + σ·ε), and new images come from decoding z ~ N(0, I).
/// The KL term is the batch mean of KL(q(z|x) ‖ N(0, I)) divided by the number of input features, so that it has the
/// same per-element scale as the mean reconstruction loss it is added to (β = 1 is then the ELBO up to that scale).
/// </summary>
public sealed class VariationalAutoencoder : Autoencoder
{
    private readonly int features;
    private readonly nn.Module<Tensor, Tensor> body;
    private readonly nn.Module<Tensor, Tensor> mean;
    private readonly nn.Module<Tensor, Tensor> logVariance;
    private readonly nn.Module<Tensor, Tensor> decoder;

    public VariationalAutoencoder(int features, IReadOnlyList<int> widths, int codeSize, ActivationFunction activation, bool unitIntervalOutput)
        : base(nameof(VariationalAutoencoder), codeSize)
    {
        this.features = features;
        body = DenseStack.Body(features, widths, activation);
        var last = widths.Count > 0 ? widths[^1] : features;
        mean = nn.Linear(last, codeSize);
        logVariance = nn.Linear(last, codeSize);
        decoder = DenseStack.Decoder(features, widths, codeSize, activation, unitIntervalOutput);
        RegisterComponents();
    }

    /// <summary>Input features (the KL term's scale).</summary>
    internal int Features => features;

    /// <summary>The body's layers in order, then the two heads and the decoder's layers: what the fused trainer runs batched.</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> BodyLayers => [.. body.children().Cast<nn.Module<Tensor, Tensor>>()];

    internal nn.Module<Tensor, Tensor> MeanHead => mean;

    internal nn.Module<Tensor, Tensor> LogVarianceHead => logVariance;

    internal IReadOnlyList<nn.Module<Tensor, Tensor>> DecoderLayers => [.. decoder.children().Cast<nn.Module<Tensor, Tensor>>()];

    public override Tensor Encode(Tensor input) => mean.call(body.call(input));

    public override Tensor Decode(Tensor code) => decoder.call(code);

    public override AutoencoderPass Run(Tensor input, Generator generator)
    {
        var hidden = body.call(input);
        var mu = mean.call(hidden);
        var logVar = logVariance.call(hidden).clamp(-20, 20);
        var epsilon = randn(mu.shape, dtype: mu.dtype, device: mu.device, generator: generator);
        var z = mu + (epsilon * (logVar * 0.5).exp());
        var kl = (-0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum(1)).mean() / features;
        return new AutoencoderPass(Decode(z), mu, kl);
    }

    /// <summary>Decodes codes drawn from the prior N(0, I).</summary>
    public Tensor SamplePrior(int count, Generator generator, Device device) =>
        Decode(randn([count, CodeSize], device: device, generator: generator));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            mean.Dispose();
            logVariance.Dispose();
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
