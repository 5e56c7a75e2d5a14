namespace AeSweep.Web.Dashboard;

/// <summary>The heading and the explanation the trial page shows above each picture a trial wrote.</summary>
public static class ArtifactCaption
{
    /// <summary>The heading of an image artifact; its name when the dashboard has none for it.</summary>
    public static string Title(string artifactName) => artifactName switch
    {
        "gallery" => "Reconstructions (originals above)",
        "latent_map" => "Latent map (first two principal components of the codes)",
        "anomaly_scores" => "Anomaly scores: normal against held-out classes",
        "anomaly_gallery" => "Most and least anomalous validation samples",
        _ => artifactName,
    };

    /// <summary>A sentence under the heading, or null.</summary>
    public static string? Explanation(string artifactName) => artifactName switch
    {
        "anomaly_scores" =>
            "Each validation sample's anomaly score is its reconstruction error (mean squared error per value; for a VAE, " +
            "of the decoded posterior mean). Bars are shares of each group, so the held-out classes show however few they are; " +
            "the less the two overlap, the higher the AUROC.",
        "anomaly_gallery" =>
            "Top: the validation samples the model reconstructs worst; bottom: best. Each input is above its reconstruction; " +
            "captions give the class (red: held out, never seen in training) and the score.",
        _ => null,
    };

    /// <summary>The CSS class of the image: galleries keep their pixels crisp.</summary>
    public static string ImageClass(string artifactName) =>
        artifactName is "gallery" or "anomaly_gallery" ? "aesweep-gallery-image" : "latent-map-image";
}
