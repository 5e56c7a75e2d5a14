using AeSweep.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Fusion;

/// <summary>
/// The forward pass of N same-shaped dense autoencoders as one model (HFTA's horizontal fusion): every linear layer is
/// one batched matrix product over the members' weights stacked as [N, out, in], every activation one call on
/// [N, B, width]. The members' own modules stay the parameters' owners: the stacks are built from them each pass, so
/// gradients flow back to each member's own tensors and each member's own optimizer, checkpoint and final evaluation
/// work on them exactly as in a lone trial.
/// </summary>
internal sealed class FusedDenseStack
{
    private readonly List<IReadOnlyList<nn.Module<Tensor, Tensor>>> _encoders;
    private readonly List<IReadOnlyList<nn.Module<Tensor, Tensor>>> _decoders;

    public FusedDenseStack(IEnumerable<DenseAutoencoder> members)
    {
        var models = members.ToList();
        _encoders = [.. models.Select(m => m.EncoderLayers)];
        _decoders = [.. models.Select(m => m.DecoderLayers)];
        if (_encoders.Count == 0 || _encoders.Any(e => e.Count != _encoders[0].Count) || _decoders.Any(d => d.Count != _decoders[0].Count))
        {
            throw new ArgumentException("fused members need the same layers", nameof(members));
        }
    }

    /// <summary>Members in the pack.</summary>
    public int Count => _encoders.Count;

    /// <summary>Input [N, B, features] → (reconstruction [N, B, features], code [N, B, code size]).</summary>
    public (Tensor Reconstruction, Tensor Code) Run(Tensor input)
    {
        var code = Through(_encoders, input);
        return (Through(_decoders, code), code);
    }

    /// <summary>Leaves out the member at <paramref name="index"/> (pruned, stopped, finished or failed).</summary>
    public void Remove(int index)
    {
        _encoders.RemoveAt(index);
        _decoders.RemoveAt(index);
    }

    private static Tensor Through(List<IReadOnlyList<nn.Module<Tensor, Tensor>>> stacks, Tensor x)
    {
        for (var layer = 0; layer < stacks[0].Count; layer++)
        {
            if (stacks[0][layer] is Linear)
            {
                // y_i = b_i + x_i W_iᵀ for every member i at once. TorchSharp's Tensor.baddbmm(batch2, mat) is
                // mat + this @ batch2 (libtorch's baddbmm(mat, this, batch2)): [N,1,out] + [N,B,in] @ [N,in,out].
                var weights = stack(stacks.Select(s => ((Linear)s[layer]).weight!).ToArray());
                var biases = stack(stacks.Select(s => ((Linear)s[layer]).bias!).ToArray()).unsqueeze(1);
                x = x.baddbmm(weights.transpose(1, 2), biases);
            }
            else
            {
                // Activations are elementwise and the same for every member (the fusion key includes them).
                x = stacks[0][layer].call(x);
            }
        }

        return x;
    }
}
