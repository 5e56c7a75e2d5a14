using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Training.Data;

namespace AeSweep.Training.Models;

/// <summary>Builds the model a trial's settings describe for data of a given shape.</summary>
public static class AutoencoderFactory
{
    public static Autoencoder Create(TrialSettings settings, SampleShape shape, bool unitIntervalData)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shape);
        return settings.Family switch
        {
            ModelFamily.Conv => new ConvAutoencoder(
                shape, settings.Depth, settings.Channels, settings.CodeSize, settings.Activation, settings.Downsampling, settings.Upsampling, unitIntervalData),
            ModelFamily.Vae => new VariationalAutoencoder(shape.Features, settings.Widths, settings.CodeSize, settings.Activation, unitIntervalData),
            // One hidden size for every layer: the first layer's width (width, or width_1 where given).
            ModelFamily.Lstm => new LstmAutoencoder(shape, settings.Depth, settings.Widths[0], settings.CodeSize, unitIntervalData),
            _ => new DenseAutoencoder(
                shape.Features,
                settings.Widths,
                settings.CodeSize,
                settings.Activation,
                unitIntervalData,
                sigmoidCode: settings.IsSparse && settings.Sparsity == SparsityPenaltyKind.Kl),
        };
    }
}
