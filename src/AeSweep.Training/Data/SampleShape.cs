namespace AeSweep.Training.Data;

/// <summary>
/// The shape of one sample: an image (channels × height × width), a plain feature vector, or a sequence of
/// <see cref="Steps"/> time steps with <see cref="Channels"/> values each ([T, C]). Samples are stored as flat rows
/// either way: images in C×H×W order, sequences time-major (value of step t, channel c at t·C + c), so batching,
/// the PCA baseline and the per-value metrics treat every kind alike and a sequence row reshapes to [T, C] directly.
/// </summary>
public sealed record SampleShape(int Channels, int Height, int Width, bool IsImage)
{
    public int Features => Channels * Height * Width;

    /// <summary>A sequence [T, C]: <see cref="Width"/> holds the time steps, <see cref="Height"/> is 1.</summary>
    public bool IsSequence { get; init; }

    /// <summary>Time steps of a sequence (its length).</summary>
    public int Steps => IsSequence ? Width : throw new InvalidOperationException("not a sequence");

    public static SampleShape Image(int channels, int height, int width) => new(channels, height, width, true);

    public static SampleShape Vector(int features) => new(1, 1, features, false);

    public static SampleShape Sequence(int steps, int channels) => new(channels, 1, steps, false) { IsSequence = true };
}
