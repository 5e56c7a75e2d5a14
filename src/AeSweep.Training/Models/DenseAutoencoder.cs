using AeSweep.Core.Catalog;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Fully connected autoencoder: features → widths[0] → … → widths[^1] → code, and the mirror image back, with the
/// activation between hidden layers, a linear code (sigmoid for the KL-sparse family, whose penalty needs
/// activations in (0, 1)) and a sigmoid output for data in [0, 1]. With widths [256, 64] and code 32 it is
/// exactly the reference 784-256-64-32 autoencoder.
/// </summary>
public sealed class DenseAutoencoder : Autoencoder
{
    private readonly nn.Module<Tensor, Tensor> encoder;
    private readonly nn.Module<Tensor, Tensor> decoder;

    public DenseAutoencoder(int features, IReadOnlyList<int> widths, int codeSize, ActivationFunction activation, bool unitIntervalOutput, bool sigmoidCode = false)
        : base(nameof(DenseAutoencoder), codeSize)
    {
        encoder = DenseStack.Encoder(features, widths, codeSize, activation, sigmoidCode);
        decoder = DenseStack.Decoder(features, widths, codeSize, activation, unitIntervalOutput);
        RegisterComponents();
    }

    /// <summary>The encoder's layers in order (linear layers and activations): what the fused trainer runs batched.</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> EncoderLayers => Layers(encoder);

    /// <summary>The decoder's layers in order.</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> DecoderLayers => Layers(decoder);

    public override Tensor Encode(Tensor input) => encoder.call(input);

    public override Tensor Decode(Tensor code) => decoder.call(code);

    private static List<nn.Module<Tensor, Tensor>> Layers(nn.Module<Tensor, Tensor> stack) =>
        [.. stack.children().Cast<nn.Module<Tensor, Tensor>>()];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            decoder.Dispose();
        }

        base.Dispose(disposing);
    }
}
