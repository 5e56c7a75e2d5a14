using AeSweep.Core.Search;
using AeSweep.Web.Dashboard;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>How the dashboard words representation accuracies against PCA and the rows of a trial's pictures.</summary>
public sealed class EvaluationDisplayTests
{
    [Fact]
    public void An_accuracy_is_shown_in_points_against_pcas_at_the_same_code_size()
    {
        Assert.Equal("+0.9 pt vs PCA 81.9 %", PcaComparison.DescribeAccuracy(0.8277, 0.8185));
        Assert.Equal("−0.6 pt vs PCA 81.4 %", PcaComparison.DescribeAccuracy(0.808, 0.814));
        Assert.Equal("±0.0 pt vs PCA 80.0 %", PcaComparison.DescribeAccuracy(0.8, 0.8));
        Assert.Null(PcaComparison.DescribeAccuracy(0.8, null));
        Assert.Null(PcaComparison.DescribeAccuracy(double.NaN, 0.8));
    }

    [Fact]
    public void The_gallery_caption_names_the_rows_each_family_draws()
    {
        static IReadOnlyDictionary<string, ParameterValue> Trial(params (string Name, object Value)[] values) =>
            values.ToDictionary(v => v.Name, v => ParameterValue.FromObject(v.Value), StringComparer.Ordinal);

        var dense = ArtifactCaption.For("gallery", Trial(("model", "dense")));
        var denoising = ArtifactCaption.For("gallery", Trial(("model", "denoising")));
        var vae = ArtifactCaption.For("gallery", Trial(("model", "vae")));

        Assert.StartsWith("Reconstructions: rows original · reconstruction · error", dense, StringComparison.Ordinal);
        Assert.StartsWith("Denoising: rows noisy input · reconstruction · clean target · error", denoising, StringComparison.Ordinal);
        Assert.Contains("prior samples (new images decoded from z ~ N(0, I)", vae, StringComparison.Ordinal);
        Assert.DoesNotContain("prior", dense, StringComparison.Ordinal);
        Assert.StartsWith("Denoising", ArtifactCaption.For("gallery", Trial(("model", "dense"), ("noise", "masking"))), StringComparison.Ordinal);
        Assert.StartsWith("Reconstructions", ArtifactCaption.For("gallery", Trial(("model", "denoising"), ("noise_level", 0.0))), StringComparison.Ordinal);
        Assert.Contains("principal components", ArtifactCaption.For("latent_map", Trial()), StringComparison.Ordinal);
    }
}
