using AeSweep.Training.Data;
using AeSweep.Training.Imaging;
using SkiaSharp;

namespace AeSweep.Training.Tests;

public sealed class ArtifactTests
{
    [Theory]
    [InlineData("dense", "none", 3)]
    [InlineData("denoising", "gaussian", 4)]
    [InlineData("vae", "none", 4)]
    public void The_gallery_is_a_png_with_one_row_per_kind_of_image_and_an_error_heatmap_legend(string family, string noise, int rows)
    {
        var result = TrialTrainer.Train(
            TrainingFixture.Request(TrainingFixture.Parameters(("model", family), ("noise", noise), ("code_size", 4L), ("width", 32L), ("epochs", 1L)), TrainingFixture.Synthetic(300), TrainingFixture.TempDirectory()),
            new RecordingObserver(),
            CancellationToken.None);

        Assert.True(result.Outcome == TrainingOutcome.Completed, result.FailureReason);
        using var gallery = SKBitmap.Decode(result.Artifacts["gallery"]);
        Assert.NotNull(gallery);
        var (width, height) = ReconstructionGallery.PixelSize(SampleShape.Image(1, SyntheticImages.Side, SyntheticImages.Side), 10, rows, withLegend: true);
        Assert.Equal(width, gallery.Width);
        Assert.Equal(height, gallery.Height);

        using var latentMap = SKBitmap.Decode(result.Artifacts["latent_map"]);
        Assert.Equal(LatentMap.Width, latentMap.Width);
        Assert.Equal(LatentMap.Height, latentMap.Height);
        Assert.Equal(2, File.ReadAllLines(result.Artifacts["learning_curve"]).Length);
    }

    [Fact]
    public void Every_trial_of_a_sweep_shows_the_same_original_images()
    {
        byte[] TopRow(long seed, string family)
        {
            var result = TrialTrainer.Train(
                TrainingFixture.Request(TrainingFixture.Parameters(("model", family), ("code_size", 4L), ("width", 32L), ("epochs", 1L)), TrainingFixture.Synthetic(300), TrainingFixture.TempDirectory(), seed),
                new RecordingObserver(),
                CancellationToken.None);
            using var bitmap = SKBitmap.Decode(result.Artifacts["gallery"]);
            var rowHeight = ReconstructionGallery.Gap + (SyntheticImages.Side * ReconstructionGallery.Scale);
            return Enumerable.Range(0, rowHeight).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, y).Red)).ToArray();
        }

        Assert.Equal(TopRow(1, "dense"), TopRow(2, "vae"));
    }
}
