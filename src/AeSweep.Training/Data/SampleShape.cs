namespace AeSweep.Training.Data;

/// <summary>The shape of one sample: an image (channels × height × width) or a plain feature vector.</summary>
public sealed record SampleShape(int Channels, int Height, int Width, bool IsImage)
{
    public int Features => Channels * Height * Width;

    public static SampleShape Image(int channels, int height, int width) => new(channels, height, width, true);

    public static SampleShape Vector(int features) => new(1, 1, features, false);
}
