namespace AeSweep.Training.Imaging;

/// <summary>
/// One row of a gallery: a caption (drawn left of the row; a newline starts a smaller second line) and one flattened
/// C×H×W array per column — image values in [0, 1], or absolute errors for an <see cref="GalleryRowKind.ErrorHeatmap"/>.
/// </summary>
public sealed record GalleryRow(string Caption, IReadOnlyList<float[]> Images, GalleryRowKind Kind = GalleryRowKind.Image);
