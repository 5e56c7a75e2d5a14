namespace AeSweep.Core.Catalog;

/// <summary>The conv decoder's up-sampling (<c>upsampling</c>), in the catalog's order.</summary>
public enum UpsamplingMethod
{
    /// <summary><c>transposed</c>: transposed convolutions.</summary>
    Transposed,

    /// <summary><c>nearest</c>: nearest-neighbour up-sampling then a convolution.</summary>
    Nearest,
}
