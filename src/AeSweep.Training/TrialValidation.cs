using AeSweep.Core.Definitions;
using AeSweep.Core.Catalog;

namespace AeSweep.Training;

/// <summary>Checks that need no data, so that a bad trial fails in milliseconds with a clear reason.</summary>
internal static class TrialValidation
{
    public const string BceOutsideUnitInterval =
        "loss 'bce' needs every data value in [0, 1], but this dataset's values are not (use normalize: minmax, or loss mse/l1)";

    public static void ThrowIfInvalid(TrialSettings settings, DatasetSpec dataset)
    {
        if (settings.Loss == LossFunction.Bce && !dataset.ValuesInUnitInterval && dataset.Normalize != "none")
        {
            throw new ArgumentException(BceOutsideUnitInterval);
        }

        if (settings.CodeSize < 1 || settings.Depth < 1 || settings.BatchSize < 1 || settings.Epochs < 1 || settings.Widths.Any(w => w < 1))
        {
            throw new ArgumentException("code_size, depth, width, batch_size and epochs must all be ≥ 1");
        }

        if (settings.Family == ModelFamily.Conv && !dataset.IsImage)
        {
            throw new ArgumentException("model 'conv' needs image data (fashion-mnist, idx or synthetic), not a table");
        }
    }
}
