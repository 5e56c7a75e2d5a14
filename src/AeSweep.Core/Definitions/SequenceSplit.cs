namespace AeSweep.Core.Definitions;

/// <summary>
/// How a CSV time series becomes training and validation windows: the rows are split in time (the last
/// <c>validation_split</c> of the rows validate, so no validation value was seen in training), then each part is cut
/// into windows of <see cref="SequenceSpec.Length"/> rows starting every <see cref="SequenceSpec.Stride"/> rows.
/// The validator and the loader both use it, so a file the validator accepts always loads.
/// </summary>
public static class SequenceSplit
{
    /// <summary>Rows of the training part and of the validation part (each at least 1 when there are 2 rows or more).</summary>
    public static (int Train, int Validation) Rows(int rows, double validationSplit)
    {
        if (rows < 2)
        {
            return (rows, 0);
        }

        var validation = Math.Clamp((int)Math.Round(rows * validationSplit), 1, rows - 1);
        return (rows - validation, validation);
    }

    /// <summary>Windows of <paramref name="window"/> rows, one every <paramref name="stride"/> rows, that fit in <paramref name="rows"/>.</summary>
    public static int Windows(int rows, int window, int stride) =>
        rows < window ? 0 : ((rows - window) / Math.Max(1, stride)) + 1;
}
