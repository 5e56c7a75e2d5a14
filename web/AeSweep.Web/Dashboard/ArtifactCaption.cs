using AeSweep.Core.Catalog;
using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// The heading over a trial's picture: what its rows or axes show, in the order the picture draws them (the gallery
/// also labels each row inside the PNG; see AeSweep.Training's TrialArtifacts.WriteGallery).
/// </summary>
public static class ArtifactCaption
{
    private const string ErrorRow = "error |x − x̂| per pixel (colour scale under the picture)";

    /// <summary>The heading for artifact <paramref name="name"/> of a trial with <paramref name="parameters"/>.</summary>
    public static string For(string name, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return name switch
        {
            "gallery" => GalleryRows(parameters),
            "latent_map" => "Latent map: validation codes on their first two principal components (PC 1, PC 2), coloured by class",
            _ => name,
        };
    }

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
