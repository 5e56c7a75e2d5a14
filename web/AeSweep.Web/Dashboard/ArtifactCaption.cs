using AeSweep.Core.Catalog;
using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// The heading and explanation over a trial's picture: what its rows or axes show, in the order the picture draws them
/// (the gallery also labels each row inside the PNG; see AeSweep.Training's TrialArtifacts.WriteGallery).
/// </summary>
public static class ArtifactCaption
{
    private const string ErrorRow = "error |x − x̂| per pixel (colour scale under the picture)";

    /// <summary>The heading for artifact <paramref name="name"/> of a trial with <paramref name="parameters"/>.</summary>
    public static string For(string name, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return name == "gallery" ? GalleryRows(parameters) : Title(name);
    }

    /// <summary>The heading of an image artifact whose rows do not depend on the trial; its name when the dashboard has none.</summary>
    public static string Title(string artifactName) => artifactName switch
    {
        "gallery" => "Reconstructions: rows original · reconstruction · " + ErrorRow,
        "latent_map" => "Latent map: validation codes on their first two principal components (PC 1, PC 2), coloured by class",
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

    /// <summary>The gallery's rows, top to bottom, for a trial with <paramref name="parameters"/>.</summary>
    public static string GalleryRows(IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var family = Text(parameters, ParameterNames.Model) ?? ParameterCatalog.Model.DefaultChoice;
        var noise = Text(parameters, ParameterNames.Noise) ?? (family == "denoising" ? ParameterCatalog.DenoisingNoise : "none");
        var level = parameters.TryGetValue(ParameterNames.NoiseLevel, out var l) && l.IsNumeric ? l.AsDouble() : ParameterCatalog.NoiseLevel.DefaultNumber;
        var rows = noise != "none" && level > 0
            ? "Denoising: rows noisy input · reconstruction · clean target · " + ErrorRow
            : "Reconstructions: rows original · reconstruction · " + ErrorRow;
        return family == "vae"
            ? rows + " · prior samples (new images decoded from z ~ N(0, I), not reconstructions of the columns above)"
            : rows;
    }

    private static string? Text(IReadOnlyDictionary<string, ParameterValue> parameters, string name) =>
        parameters.TryGetValue(name, out var value) ? value.AsString() : null;
}
