namespace AeSweep.Training.Imaging;

/// <summary>One window of a <see cref="SequenceGallery"/>: its title, the input, the reconstruction and, for denoising training, the noisy input.</summary>
public sealed record SequencePanel(string Title, float[] Input, float[] Reconstruction, float[]? NoisyInput = null);
