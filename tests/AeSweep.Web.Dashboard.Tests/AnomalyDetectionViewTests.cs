using AeSweep.Application.Views;
using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;

namespace AeSweep.Web.Dashboard.Tests;

/// <summary>The dashboard's share of anomaly detection: the leaderboard's AUROC values and the trial page's captions.</summary>
public sealed class AnomalyDetectionViewTests
{
    private static LeaderboardRow Row(IReadOnlyDictionary<string, double> metrics) => new(
        new TrialRecord("t1", "s", 1, TrialState.Completed, new Dictionary<string, ParameterValue>(), 1, null, DateTimeOffset.UnixEpoch, null, null, metrics, null, null),
        metrics,
        5,
        5,
        null);

    [Fact]
    public void A_row_shows_the_auroc_and_auprc_its_trial_reported()
    {
        var row = Row(new Dictionary<string, double> { [MetricNames.ValidationAuroc] = 0.8561, [MetricNames.ValidationAuprc] = 0.49 });

        Assert.Equal(0.8561, row.ValAuroc);
        Assert.Equal(0.49, row.ValAuprc);
        Assert.Equal("0.8561", MetricText.Format(MetricNames.ValidationAuroc, row.ValAuroc!.Value));
        Assert.True(MetricText.HigherIsBetter(MetricNames.ValidationAuroc));
        Assert.Null(Row(new Dictionary<string, double>()).ValAuroc);
    }

    [Theory]
    [InlineData("anomaly_scores", "Anomaly scores: normal against held-out classes", "latent-map-image")]
    [InlineData("anomaly_gallery", "Most and least anomalous validation samples", "aesweep-gallery-image")]
    [InlineData("gallery", "Reconstructions: rows original · reconstruction · error |x − x̂| per pixel (colour scale under the picture)", "aesweep-gallery-image")]
    public void Anomaly_pictures_get_a_heading_an_explanation_and_their_image_style(string artifact, string title, string imageClass)
    {
        Assert.Equal(title, ArtifactCaption.Title(artifact));
        Assert.Equal(imageClass, ArtifactCaption.ImageClass(artifact));
        Assert.Equal(artifact.StartsWith("anomaly_", StringComparison.Ordinal), ArtifactCaption.Explanation(artifact) is not null);
    }
}
