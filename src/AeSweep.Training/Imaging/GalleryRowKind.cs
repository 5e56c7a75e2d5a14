namespace AeSweep.Training.Imaging;

/// <summary>How a gallery row's values are drawn.</summary>
public enum GalleryRowKind
{
    /// <summary>Images with values in [0, 1]: grey for one channel, RGB for three.</summary>
    Image,

    /// <summary>Per-pixel absolute errors |x − x̂| (mean over channels), coloured on <see cref="ErrorColourScale"/>.</summary>
    ErrorHeatmap,
}
