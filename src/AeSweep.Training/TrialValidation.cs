using System.Globalization;
using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;

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

        // Only the catalog's lower bounds: no model has zero layers, but a stored sweep is read without the sweep file's
        // upper bounds, so a bound tightened later does not fail its trials.
        (CatalogParameter Parameter, int Value)[] sizes =
        [
            (ParameterCatalog.CodeSize, settings.CodeSize), (ParameterCatalog.Depth, settings.Depth),
            (ParameterCatalog.BatchSize, settings.BatchSize), (ParameterCatalog.Epochs, settings.Epochs),
            .. settings.Widths.Select(w => (ParameterCatalog.Width, w)),
        ];
        foreach (var (parameter, value) in sizes.Where(s => s.Value < s.Parameter.Min))
        {
            throw new ArgumentException($"{parameter.Name} is {value}; it must be ≥ {parameter.Min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (settings.Family == ModelFamily.Conv && !dataset.IsImage)
        {
            throw new ArgumentException("model 'conv' needs image data (fashion-mnist, idx or synthetic), not a table");
        }

        if (settings.Family == ModelFamily.Lstm && !dataset.IsImage && !dataset.IsSequence)
        {
            throw new ArgumentException("model 'lstm' needs sequences (synthetic-sequences, csv-sequences) or images, not a table");
        }
    }
}
