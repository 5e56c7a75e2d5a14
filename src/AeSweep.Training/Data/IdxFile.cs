namespace AeSweep.Training.Data;

/// <summary>The contents of an IDX (MNIST-format) file of unsigned bytes: its dimensions and its values.</summary>
/// <param name="Dimensions">e.g. [60000, 28, 28] for images, [60000] for labels.</param>
/// <param name="Values">Row-major values.</param>
public sealed record IdxFile(IReadOnlyList<int> Dimensions, byte[] Values)
{
    /// <summary>Number of items (the first dimension).</summary>
    public int Count => Dimensions[0];

    /// <summary>Values per item (the product of the other dimensions).</summary>
    public int ItemSize => Dimensions.Skip(1).Aggregate(1, (a, b) => a * b);
}
