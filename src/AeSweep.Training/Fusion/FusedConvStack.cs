using AeSweep.Training.Data;
using AeSweep.Training.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Fusion;

/// <summary>
/// The training pass of N same-shaped conv autoencoders as one model (HFTA's horizontal fusion for convolutions):
/// the members' images are stacked along the channel axis, [B, N·C, H, W], and every convolution and transposed
/// convolution is one grouped call (<c>groups = N</c>) whose weights are the members' own kernels concatenated along
/// the group axis, so member k's output channels see only member k's input channels. Activations, max pooling and
/// nearest up-sampling act per channel and run once on the stacked tensor; the dense bottleneck (flatten → code →
/// unflatten) runs as batched matrix products like <see cref="FusedDenseStack"/>. The fused weights are built from the
/// members' modules each pass, so gradients flow back to each member's own parameters.
/// </summary>
internal sealed class FusedConvStack : IFusedModel
{
    private readonly List<Layers> _members;
    private readonly SampleShape _shape;

    public FusedConvStack(IEnumerable<Autoencoder> members)
    {
        var convs = members.Select(m => m as ConvAutoencoder ?? throw new ArgumentException($"{m.GetType().Name} is not a conv autoencoder", nameof(members))).ToList();
        _members = [.. convs.Select(c => new Layers(c.EncoderLayers, c.DecoderLayers))];
        _shape = convs[0].Shape;
        var first = _members[0];
        if (convs.Any(c => c.Shape != _shape) || _members.Any(m => m.Encoder.Count != first.Encoder.Count || m.Decoder.Count != first.Decoder.Count))
        {
            throw new ArgumentException("fused members need the same layers", nameof(members));
        }
    }

    public (Tensor Reconstruction, Tensor Code, Tensor? Kl) Run(Tensor input, IReadOnlyList<Generator> generators)
    {
        // [N, B, C·H·W] → [B, N·C, H, W]: member k's channels are the k-th block of C, as grouped convolutions expect.
        var batch = input.shape[1];
        var images = input.transpose(0, 1).reshape(batch, _members.Count * _shape.Channels, _shape.Height, _shape.Width);
        var code = Through([.. _members.Select(m => m.Encoder)], images);
        return (Through([.. _members.Select(m => m.Decoder)], code), code, null);
    }

    public void Remove(int index) => _members.RemoveAt(index);

    /// <summary>
    /// Runs one layer index of every member at a time. Between convolutions the tensor is [B, N·C, h, w]; between
    /// flatten and unflatten it is [N, B, features] (the batched matrix products' layout).
    /// </summary>
    private Tensor Through(List<IReadOnlyList<nn.Module<Tensor, Tensor>>> stacks, Tensor x)
    {
        var n = stacks.Count;
        for (var layer = 0; layer < stacks[0].Count; layer++)
        {
            var module = stacks[0][layer];
            x = module switch
            {
                ConvTranspose2d t => nn.functional.conv_transpose2d(
                    x, Concat(stacks, layer, c => c.weight), ConcatBias(stacks, layer), t.stride, t.padding!, t.output_padding, t.dilation, groups: n),
                Conv2d c => nn.functional.conv2d(x, Concat(stacks, layer, m => m.weight), ConcatBias(stacks, layer), c.stride, c.padding!, c.dilation, groups: n),
                Linear => FusedDenseStack.Linear([.. stacks.Select(s => (Linear)s[layer])], x),
                // [B, N·C, h, w] is [B·N, C, h, w] in memory: flatten per member, then members first.
                Flatten => x.reshape(x.shape[0], n, -1).transpose(0, 1),
                // [N, B, F] → [B·N, F] → the member's own unflatten → [B, N·C, h, w].
                Unflatten => UnflattenEach(module, x, n),
                // Activations, max pooling and nearest up-sampling act on each channel alone and are the same for
                // every member (the fusion key includes them).
                _ => module.call(x),
            };
        }

        return x;
    }

    private static Tensor UnflattenEach(nn.Module<Tensor, Tensor> unflatten, Tensor x, int n)
    {
        var batch = x.shape[1];
        var perMember = unflatten.call(x.transpose(0, 1).reshape(batch * n, -1));
        return perMember.reshape(batch, n * perMember.shape[1], perMember.shape[2], perMember.shape[3]);
    }

    private static Tensor Concat(List<IReadOnlyList<nn.Module<Tensor, Tensor>>> stacks, int layer, Func<Convolution, Tensor> part) =>
        cat([.. stacks.Select(s => part((Convolution)s[layer]))], 0);

    private static Tensor? ConcatBias(List<IReadOnlyList<nn.Module<Tensor, Tensor>>> stacks, int layer) =>
        ((Convolution)stacks[0][layer]).bias is null ? null : Concat(stacks, layer, c => c.bias!);

    private sealed record Layers(IReadOnlyList<nn.Module<Tensor, Tensor>> Encoder, IReadOnlyList<nn.Module<Tensor, Tensor>> Decoder);
}
