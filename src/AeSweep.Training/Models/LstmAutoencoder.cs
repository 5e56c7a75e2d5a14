using AeSweep.Training.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AeSweep.Training.Models;

/// <summary>
/// Sequence-to-sequence LSTM autoencoder (after Srivastava et al., 2015). Encoder: a stacked LSTM (<c>depth</c>
/// layers of <c>width</c> hidden units) reads the T steps; the last layer's final hidden state → linear → the code.
/// Decoder: code → linear → the same vector fed at every one of the T steps into a second stacked LSTM, whose output
/// at each step → linear → that step's C values (sigmoid for data in [0, 1]). Rows come in and go out flat and
/// time-major (<see cref="SampleShape.Sequence"/>). Images are read row by row: T = height, each step the C×W values
/// of one pixel row, so Fashion-MNIST is 28 steps of 28 values.
/// </summary>
public sealed class LstmAutoencoder : Autoencoder
{
    private readonly SampleShape shape;
    private readonly int steps;
    private readonly int stepFeatures;
    private readonly LSTM encoder;
    private readonly Linear toCode;
    private readonly Linear fromCode;
    private readonly LSTM decoder;
    private readonly nn.Module<Tensor, Tensor> output;

    public LstmAutoencoder(SampleShape shape, int depth, int hiddenSize, int codeSize, bool unitIntervalOutput)
        : base(nameof(LstmAutoencoder), codeSize)
    {
        ArgumentNullException.ThrowIfNull(shape);
        (steps, stepFeatures) = StepsOf(shape);
        this.shape = shape;
        encoder = nn.LSTM(stepFeatures, hiddenSize, depth, batchFirst: true);
        toCode = nn.Linear(hiddenSize, codeSize);
        fromCode = nn.Linear(codeSize, hiddenSize);
        decoder = nn.LSTM(hiddenSize, hiddenSize, depth, batchFirst: true);
        output = nn.Sequential(nn.Linear(hiddenSize, stepFeatures), Activations.Output(unitIntervalOutput));
        RegisterComponents();
    }

    /// <summary>Time steps and values per step the model reads a sample of <paramref name="shape"/> as; throws for a plain table.</summary>
    public static (int Steps, int StepFeatures) StepsOf(SampleShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.IsSequence)
        {
            return (shape.Steps, shape.Channels);
        }

        if (shape.IsImage)
        {
            return (shape.Height, shape.Channels * shape.Width);
        }

        throw new ArgumentException("model 'lstm' needs sequences (synthetic-sequences, csv-sequences) or images, not a table");
    }

    public override Tensor Encode(Tensor input)
    {
        var (_, hidden, _) = encoder.call(ToSteps(input), null);
        return toCode.call(hidden[-1]); // the last layer's state after the last step
    }

    public override Tensor Decode(Tensor code)
    {
        var repeated = fromCode.call(code).unsqueeze(1).expand(-1, steps, -1);
        var (outputs, _, _) = decoder.call(repeated, null);
        return FromSteps(output.call(outputs));
    }

    // Flat rows → (N, T, F). Sequence rows are time-major already; multichannel images are C×H×W and need their channels
    // moved inside each pixel row.
    private Tensor ToSteps(Tensor rows) =>
        shape.IsImage && shape.Channels > 1
            ? rows.reshape(-1, shape.Channels, shape.Height, shape.Width).permute(0, 2, 1, 3).reshape(-1, steps, stepFeatures)
            : rows.reshape(-1, steps, stepFeatures);

    private Tensor FromSteps(Tensor sequence) =>
        shape.IsImage && shape.Channels > 1
            ? sequence.reshape(-1, shape.Height, shape.Channels, shape.Width).permute(0, 2, 1, 3).reshape(-1, shape.Features)
            : sequence.reshape(-1, shape.Features);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            encoder.Dispose();
            toCode.Dispose();
            fromCode.Dispose();
            decoder.Dispose();
            output.Dispose();
        }

        base.Dispose(disposing);
    }
}
