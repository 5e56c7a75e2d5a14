using AeSweep.Training.Data;

namespace AeSweep.Training.Imaging;

/// <summary>
/// The reconstruction gallery PNG: one row per <see cref="GalleryRow"/> (originals on top, then noisy inputs for
/// denoising, then reconstructions, then prior samples for a VAE), each image scaled up by <see cref="Scale"/>,
/// separated by a <see cref="Gap"/>-pixel dark border. Grey for one channel, RGB for three.
/// </summary>
public static class ReconstructionGallery
{
    public const int Scale = 2;
    public const int Gap = 2;

    /// <summary>The PNG's pixel size for a gallery of the given rows and columns.</summary>
    public static (int Width, int Height) PixelSize(SampleShape shape, int columns, int rows) =>
        ((columns * shape.Width * Scale) + ((columns + 1) * Gap), (rows * shape.Height * Scale) + ((rows + 1) * Gap));

    public static void Write(string path, SampleShape shape, IReadOnlyList<GalleryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Max(r => r.Images.Count);
        var (width, height) = PixelSize(shape, columns, rows.Count);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            rgba[i] = rgba[i + 1] = rgba[i + 2] = 32;
            rgba[i + 3] = 255;
        }

        var plane = shape.Height * shape.Width;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Images.Count; c++)
            {
                var image = rows[r].Images[c];
                var left = Gap + (c * ((shape.Width * Scale) + Gap));
                var top = Gap + (r * ((shape.Height * Scale) + Gap));
                for (var y = 0; y < shape.Height * Scale; y++)
                {
                    for (var x = 0; x < shape.Width * Scale; x++)
                    {
                        var source = ((y / Scale) * shape.Width) + (x / Scale);
                        var target = (((top + y) * width) + left + x) * 4;
                        for (var channel = 0; channel < 3; channel++)
                        {
                            var value = image[(Math.Min(channel, shape.Channels - 1) * plane) + source];
                            rgba[target + channel] = (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255);
                        }
                    }
                }
            }
        }

        PngFile.WriteRgba(path, rgba, width, height);
    }
}
