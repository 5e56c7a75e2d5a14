namespace AeSweep.Core.Catalog;

/// <summary>The reconstruction losses (<c>loss</c>), in the catalog's order.</summary>
public enum LossFunction
{
    /// <summary><c>mse</c>: mean squared error.</summary>
    Mse,

    /// <summary><c>l1</c>: mean absolute error.</summary>
    L1,

    /// <summary><c>bce</c>: binary cross-entropy (data in [0, 1]).</summary>
    Bce,
}
