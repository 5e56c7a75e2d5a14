using AeSweep.Training.Metrics;
using static TorchSharp.torch;

namespace AeSweep.Training.Tests;

public sealed class StructuralSimilarityTests
{
    [Fact]
    public void Ssim_is_one_for_identical_images_and_lower_for_distorted_ones()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(3);
        var images = rand([4, 1, 28, 28], generator: generator);
        var noisy = (images + (randn([4, 1, 28, 28], generator: generator) * 0.2)).clamp(0, 1);

        var same = StructuralSimilarity.PerImage(images, images);
        var distorted = StructuralSimilarity.PerImage(images, noisy);

        Assert.All(same.data<float>().ToArray(), v => Assert.Equal(1f, v, 4));
        Assert.All(distorted.data<float>().ToArray(), v => Assert.InRange(v, -1f, 0.95f));
    }
}
