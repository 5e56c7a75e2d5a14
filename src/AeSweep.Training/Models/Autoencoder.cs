using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// An autoencoder: input rows (N, features) → code (N, code size) → reconstruction rows (N, features).
/// <c>forward</c> is the deterministic encode-decode used for evaluation; <see cref="Run"/> is the training pass
/// (stochastic for the VAE) and also returns what the objective's penalties need.
/// </summary>
public abstract class Autoencoder : nn.Module<Tensor, Tensor>
{
    protected Autoencoder(string name, int codeSize)
        : base(name)
    {
        CodeSize = codeSize;
    }

    public int CodeSize { get; }

    /// <summary>The code of a batch (the mean for a VAE).</summary>
    public abstract Tensor Encode(Tensor input);

    /// <summary>Reconstructs rows from codes.</summary>
    public abstract Tensor Decode(Tensor code);

    /// <summary>The training pass; <paramref name="generator"/> drives any sampling so that runs are reproducible.</summary>
    public virtual AutoencoderPass Run(Tensor input, Generator generator)
    {
        var code = Encode(input);
        return new AutoencoderPass(Decode(code), code, null);
    }

    public override Tensor forward(Tensor input) => Decode(Encode(input));
}
