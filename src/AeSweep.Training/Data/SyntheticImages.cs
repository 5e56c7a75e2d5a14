namespace AeSweep.Training.Data;

/// <summary>
/// Small generated images for tests and demos: 16×16 grey images of four kinds (bars, stripes, blobs, frames) with
/// random position, size and brightness, labelled by kind. Structured enough that an autoencoder can learn them.
/// </summary>
public static class SyntheticImages
{
    public const int Side = 16;
    public const int Kinds = 4;

    public static (byte[] Pixels, byte[] Labels) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * Side * Side];
        var labels = new byte[count];
        for (var n = 0; n < count; n++)
        {
            var kind = random.Next(Kinds);
            labels[n] = (byte)kind;
            var brightness = 0.5 + (0.5 * random.NextDouble());
            var cx = 4 + random.Next(8);
            var cy = 4 + random.Next(8);
            var size = 2 + random.Next(4);
            var offset = n * Side * Side;
            for (var y = 0; y < Side; y++)
            {
                for (var x = 0; x < Side; x++)
                {
                    var on = kind switch
                    {
                        0 => Math.Abs(x - cx) <= 1 && Math.Abs(y - cy) <= size + 2,
                        1 => (y + cy) % (size + 2) < 2,
                        2 => ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= size * size,
                        _ => Math.Max(Math.Abs(x - cx), Math.Abs(y - cy)) == size,
                    };
                    pixels[offset + (y * Side) + x] = on ? (byte)(255 * brightness) : (byte)0;
                }
            }
        }

        return (pixels, labels);
    }
}
