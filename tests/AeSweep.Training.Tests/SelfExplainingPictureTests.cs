using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using SkiaSharp;

namespace AeSweep.Training.Tests;

/// <summary>Galleries label their rows and show errors on a legended colour scale; latent maps have axes and a class legend.</summary>
public sealed class SelfExplainingPictureTests
{
    private static readonly SampleShape Shape = SampleShape.Image(1, 8, 8);

    [Fact]
    public void An_error_heatmap_row_colours_each_pixel_by_its_absolute_error_on_a_fixed_scale()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "gallery.png");
        float[] Filled(float value) => Enumerable.Repeat(value, Shape.Features).ToArray();

        ReconstructionGallery.Write(path, Shape, [
            new GalleryRow(GalleryCaptions.Original, [Filled(0.5f), Filled(0.5f)]),
            new GalleryRow(GalleryCaptions.Error, [Filled(0f), Filled(0.9f)], GalleryRowKind.ErrorHeatmap),
        ]);

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(ReconstructionGallery.PixelSize(Shape, 2, 2, withLegend: true), (bitmap.Width, bitmap.Height));
        var rowTop = ReconstructionGallery.Gap + (Shape.Height * ReconstructionGallery.Scale) + ReconstructionGallery.Gap + 4;
        int Column(int c) => ReconstructionGallery.CaptionWidth + ReconstructionGallery.Gap + (c * ((Shape.Width * ReconstructionGallery.Scale) + ReconstructionGallery.Gap)) + 4;
        Assert.Equal(ErrorColourScale.ColourOf(0), bitmap.GetPixel(Column(0), rowTop));
        Assert.Equal(ErrorColourScale.ColourOf(ErrorColourScale.Maximum), bitmap.GetPixel(Column(1), rowTop)); // saturates
        Assert.Equal(new SKColor(128, 128, 128), bitmap.GetPixel(Column(0), 4));
    }

    [Fact]
    public void The_error_scale_runs_from_dark_to_light()
    {
        var lightness = Enumerable.Range(0, 11).Select(i => ErrorColourScale.ColourOf(i / 10f * ErrorColourScale.Maximum))
            .Select(c => (0.2126 * c.Red) + (0.7152 * c.Green) + (0.0722 * c.Blue)).ToArray();

        Assert.Equal(lightness.Order(), lightness);
        Assert.Equal(ErrorColourScale.ColourOf(ErrorColourScale.Maximum), ErrorColourScale.ColourOf(2f));
    }

    [Fact]
    public void Gallery_rows_carry_their_captions_in_the_picture()
    {
        Assert.True(PngText.HasFont, "no DejaVu Sans font: install fonts-dejavu-core (scripts/test.sh does) or set AESWEEP_FONT");
        var path = Path.Combine(TrainingFixture.TempDirectory(), "gallery.png");

        ReconstructionGallery.Write(path, Shape, [new GalleryRow(GalleryCaptions.PriorSample, [new float[Shape.Features]])]);

        using var bitmap = SKBitmap.Decode(path);
        var lit = Enumerable.Range(0, ReconstructionGallery.CaptionWidth).SelectMany(x => Enumerable.Range(0, bitmap.Height).Select(y => bitmap.GetPixel(x, y)))
            .Count(p => p.Red > 120);
        Assert.True(lit > 20, $"{lit} text pixels in the caption column");
    }

    [Fact]
    public void The_latent_map_names_each_class_in_its_legend_colour()
    {
        var path = Path.Combine(TrainingFixture.TempDirectory(), "latent.png");
        var points = Enumerable.Range(0, 40).Select(i => ((float)(i % 7), (float)(i / 7))).ToArray();
        var labels = Enumerable.Range(0, 40).Select(i => (long)(i % 3)).ToArray();

        LatentMap.Write(path, points, labels, "PC 1", "PC 2", label => ClassNames.FashionMnist[(int)label]);

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((LatentMap.Width, LatentMap.Height), (bitmap.Width, bitmap.Height));
        // The legend, right of the plot, shows one swatch per class present, in the dots' colours.
        var legend = Enumerable.Range(LatentMap.Width - 140, 130).SelectMany(x => Enumerable.Range(0, LatentMap.Height).Select(y => bitmap.GetPixel(x, y))).ToHashSet();
        Assert.All(new long[] { 0, 1, 2 }, label => Assert.Contains(LatentMap.ColourOf(label), legend));
        Assert.DoesNotContain(LatentMap.ColourOf(3), legend);
    }

    [Theory]
    [InlineData(0, 10, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [InlineData(-0.37, 0.41, new[] { -0.2, 0, 0.2, 0.4 })]
    public void Axis_ticks_are_round_numbers_inside_the_range(double min, double max, double[] expected)
    {
        var ticks = LatentMap.Ticks(min, max);

        Assert.Equal(expected, ticks.Select(t => Math.Round(t, 9)));
    }
}
