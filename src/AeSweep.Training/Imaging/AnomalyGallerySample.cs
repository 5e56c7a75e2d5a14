namespace AeSweep.Training.Imaging;

/// <summary>A validation sample in the anomaly gallery: its input and reconstruction (flattened C×H×W in [0, 1]), class and score.</summary>
public sealed record AnomalyGallerySample(float[] Input, float[] Reconstruction, string ClassName, bool Anomalous, double Score);
