namespace AeSweep.Core.Catalog;

/// <summary>The input corruptions (<c>noise</c>), in the catalog's order.</summary>
public enum InputNoiseKind
{
    /// <summary><c>none</c>: clean inputs.</summary>
    None,

    /// <summary><c>gaussian</c>: additive Gaussian noise.</summary>
    Gaussian,

    /// <summary><c>masking</c>: zeroes each input value with probability noise_level.</summary>
    Masking,
}
