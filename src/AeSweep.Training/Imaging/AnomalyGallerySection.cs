namespace AeSweep.Training.Imaging;

/// <summary>One section of the anomaly gallery: a title and its samples, left to right.</summary>
public sealed record AnomalyGallerySection(string Title, IReadOnlyList<AnomalyGallerySample> Samples);
