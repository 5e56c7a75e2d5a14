using AeSweep.Core.Catalog;
using AeSweep.Training.Data;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Convolutional autoencoder. Encoder: <c>depth</c> blocks, each halving height and width (a stride-2 3×3
/// convolution, or a 3×3 convolution then 2×2 max pooling) with channels c, 2c, 4c…, then a linear code. Decoder:
/// linear → activation → unflatten, then per block a stride-2 transposed convolution (or nearest up-sampling then a
/// 3×3 convolution) back to exactly the encoder's sizes, activation between blocks, the output activation last.
/// With depth 2, channels 16, code 32 on 28×28 it is exactly the reference conv autoencoder.
/// </summary>
public sealed class ConvAutoencoder : Autoencoder
{
    private readonly SampleShape shape;
    private readonly nn.Module<Tensor, Tensor> encoder;
    private readonly nn.Module<Tensor, Tensor> decoder;

    public ConvAutoencoder(SampleShape shape, int depth, int channels, int codeSize, ActivationFunction activation, DownsamplingMethod downsampling, UpsamplingMethod upsampling, bool unitIntervalOutput)
        : base(nameof(ConvAutoencoder), codeSize)
    {
        if (!shape.IsImage)
        {
            throw new ArgumentException("model 'conv' needs image data (fashion-mnist, idx or synthetic), not a table");
        }

        this.shape = shape;
        var heights = new int[depth + 1];
        var widths = new int[depth + 1];
        heights[0] = shape.Height;
        widths[0] = shape.Width;
        var down = new List<nn.Module<Tensor, Tensor>>();
        for (var b = 0; b < depth; b++)
        {
            var input = b == 0 ? shape.Channels : channels << (b - 1);
            var output = channels << b;
            if (downsampling == DownsamplingMethod.Maxpool)
            {
                down.Add(nn.Conv2d(input, output, 3, stride: 1, padding: 1));
                down.Add(Activations.Create(activation));
                down.Add(nn.MaxPool2d(2, ceil_mode: true));
            }
            else
            {
                down.Add(nn.Conv2d(input, output, 3, stride: 2, padding: 1));
                down.Add(Activations.Create(activation));
            }

            // Both ways give ceil(size / 2).
            heights[b + 1] = (heights[b] + 1) / 2;
            widths[b + 1] = (widths[b] + 1) / 2;
        }

        var deepest = channels << (depth - 1);
        var flat = deepest * heights[depth] * widths[depth];
        down.Add(nn.Flatten());
        down.Add(nn.Linear(flat, codeSize));
        encoder = nn.Sequential(down);

        var up = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Linear(codeSize, flat),
            Activations.Create(activation),
            nn.Unflatten(1, [deepest, heights[depth], widths[depth]]),
        };
        for (var b = depth - 1; b >= 0; b--)
        {
            var input = channels << b;
            var output = b == 0 ? shape.Channels : channels << (b - 1);
            if (upsampling == UpsamplingMethod.Nearest)
            {
                up.Add(nn.Upsample(size: [heights[b], widths[b]], mode: UpsampleMode.Nearest));
                up.Add(nn.Conv2d(input, output, 3, stride: 1, padding: 1));
            }
            else
            {
                // output_padding picks the exact size the encoder saw: (in − 1)·2 − 2 + 3 + op.
                var padH = heights[b] - (2 * heights[b + 1]) + 1;
                var padW = widths[b] - (2 * widths[b + 1]) + 1;
                up.Add(nn.ConvTranspose2d(input, output, (3, 3), stride: (2, 2), padding: (1, 1), output_padding: (padH, padW)));
            }

            up.Add(b == 0 ? Activations.Output(unitIntervalOutput) : Activations.Create(activation));
        }

        up.Add(nn.Flatten());
        decoder = nn.Sequential(up);
        RegisterComponents();
    }

    /// <summary>The shape of the samples the model reconstructs (the fused trainer stacks members' channels).</summary>
    internal SampleShape Shape => shape;

    /// <summary>The encoder's layers in order (convolutions, activations, pooling, flatten, linear): what the fused trainer runs grouped.</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> EncoderLayers => Layers(encoder);

    /// <summary>The decoder's layers in order.</summary>
    internal IReadOnlyList<nn.Module<Tensor, Tensor>> DecoderLayers => Layers(decoder);

    public override Tensor Encode(Tensor input) =>
        encoder.call(input.reshape(-1, shape.Channels, shape.Height, shape.Width));

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
