namespace AeSweep.Training.Imaging;

/// <summary>One row of a gallery: a caption and the images' values in [0, 1], one flattened C×H×W image per entry.</summary>
public sealed record GalleryRow(string Caption, IReadOnlyList<float[]> Images);
