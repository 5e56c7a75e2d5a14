using AeSweep.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Fusion;

/// <summary>
/// The training pass of N same-shaped dense autoencoders (dense, denoising, sparse) or VAEs as one model (HFTA's
/// horizontal fusion): every linear layer is one batched matrix product over the members' weights stacked as
/// [N, out, in], every activation one call on [N, B, width]. The members' own modules stay the parameters' owners: the
/// stacks are built from them each pass, so gradients flow back to each member's own tensors and each member's own
/// optimizer, checkpoint and final evaluation work on them exactly as in a lone trial.
/// </summary>
internal sealed class FusedDenseStack : IFusedModel
{
    private readonly List<Layers> _members;

    public FusedDenseStack(IEnumerable<Autoencoder> members)
    {
        _members = [.. members.Select(LayersOf)];
        var first = _members[0];
        if (_members.Any(m => m.Encoder.Count != first.Encoder.Count || m.Decoder.Count != first.Decoder.Count || (m.Mean is null) != (first.Mean is null)))
        {
            throw new ArgumentException("fused members need the same layers", nameof(members));
        }
    }

    /// <summary>
    /// Input [N, B, features] → each member's pass, stacked: reconstruction [N, B, features], code [N, B, code size] and,
    /// for VAEs, the KL term [N]. <paramref name="generators"/> (the members', in order) draw a VAE's samples, as each
    /// lone trial's <see cref="Autoencoder.Run"/> does.
    /// </summary>
    public (Tensor Reconstruction, Tensor Code, Tensor? Kl) Run(Tensor input, IReadOnlyList<Generator> generators)
    {
        var hidden = Through(_members.Select(m => m.Encoder).ToList(), input);
        if (_members[0].Mean is null)
        {
            return (Through(_members.Select(m => m.Decoder).ToList(), hidden), hidden, null);
        }

        // VariationalAutoencoder.Run, member by member in one pass: z = μ + σ·ε with each member's own ε.
        var mu = Linear(_members.Select(m => m.Mean!).ToList(), hidden);
        var logVar = Linear(_members.Select(m => m.LogVariance!).ToList(), hidden).clamp(-20, 20);
        var epsilon = stack(generators.Select((g, k) => randn(mu[k].shape, dtype: mu.dtype, device: mu.device, generator: g)).ToArray());
        var z = mu + (epsilon * (logVar * 0.5).exp());
        var kl = (-0.5 * (1 + logVar - mu.pow(2) - logVar.exp()).sum(2)).mean([1]) / _members[0].Features;
        return (Through(_members.Select(m => m.Decoder).ToList(), z), mu, kl);
    }

    /// <summary>Leaves out the member at <paramref name="index"/> (pruned, stopped, finished or failed).</summary>
    public void Remove(int index) => _members.RemoveAt(index);

    private static Layers LayersOf(Autoencoder model) => model switch
    {
        DenseAutoencoder dense => new Layers(dense.EncoderLayers, dense.DecoderLayers, null, null, 0),
        VariationalAutoencoder vae => new Layers(vae.BodyLayers, vae.DecoderLayers, (Linear)vae.MeanHead, (Linear)vae.LogVarianceHead, vae.Features),
        _ => throw new ArgumentException($"{model.GetType().Name} is not fused", nameof(model)),
    };

    private static Tensor Through(List<IReadOnlyList<nn.Module<Tensor, Tensor>>> stacks, Tensor x)
    {
        for (var layer = 0; layer < stacks[0].Count; layer++)
        {
            x = stacks[0][layer] is Linear
                ? Linear([.. stacks.Select(s => (Linear)s[layer])], x)
                // Activations are elementwise and the same for every member (the fusion key includes them).
                : stacks[0][layer].call(x);
        }

        return x;
    }

    /// <summary>Each member's linear layer on its slice of [N, B, in] at once: [N, B, out] (also the conv fusion's dense layers).</summary>
    internal static Tensor Linear(List<Linear> layers, Tensor x)
    {
        // y_i = b_i + x_i W_iᵀ for every member i at once. TorchSharp's Tensor.baddbmm(batch2, mat) is
        // mat + this @ batch2 (libtorch's baddbmm(mat, this, batch2)): [N,1,out] + [N,B,in] @ [N,in,out].
        var weights = stack(layers.Select(l => l.weight!).ToArray());
        var biases = stack(layers.Select(l => l.bias!).ToArray()).unsqueeze(1);
        return x.baddbmm(weights.transpose(1, 2), biases);
    }

    private sealed record Layers(
        IReadOnlyList<nn.Module<Tensor, Tensor>> Encoder, IReadOnlyList<nn.Module<Tensor, Tensor>> Decoder, Linear? Mean, Linear? LogVariance, int Features);
}
