namespace AeSweep.Core.Catalog;

/// <summary>The conv encoder's down-sampling (<c>downsampling</c>), in the catalog's order.</summary>
public enum DownsamplingMethod
{
    /// <summary><c>strided</c>: strided convolutions.</summary>
    Strided,

    /// <summary><c>maxpool</c>: convolutions then max pooling.</summary>
    Maxpool,
}
