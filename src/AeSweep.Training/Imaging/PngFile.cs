using SkiaSharp;

namespace AeSweep.Training.Imaging;

/// <summary>Writes RGBA pixels or a Skia surface to a PNG file.</summary>
internal static class PngFile
{
    public static void WriteRgba(string path, byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var data = SKData.CreateCopy(rgba);
        using var image = SKImage.FromPixels(info, data, width * 4);
        Write(path, image);
    }

    public static void Write(string path, SKImage image)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
