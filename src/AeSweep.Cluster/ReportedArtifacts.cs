using AeSweep.Cluster.Abstractions;
using AeSweep.Storage;
using AeSweep.Storage.Model;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

/// <summary>
/// Bounds what a worker reports about a trial's artifacts before it is stored: a name, path or content type the
/// columns cannot hold, a negative size, or a second artifact of the same name is left out (and logged), so one bad
/// description never costs the trial its result.
/// </summary>
internal static class ReportedArtifacts
{
    public static List<ArtifactInfo> Bound(IEnumerable<ReportedArtifact> reported, string trialId, ILogger logger)
    {
        var kept = new List<ArtifactInfo>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in reported)
        {
            var problem = Problem(artifact) ?? (names.Add(artifact.Name) ? null : "a second artifact of that name");
            if (problem is not null)
            {
                logger.LogWarning("Trial {TrialId}: artifact {ArtifactName} left out: {Problem}", trialId, Shorten(artifact.Name), problem);
                continue;
            }

            kept.Add(new ArtifactInfo(artifact.Name, artifact.RelativePath, artifact.ContentType, artifact.Bytes));
        }

        return kept;
    }

    private static string? Problem(ReportedArtifact artifact) =>
        string.IsNullOrWhiteSpace(artifact.Name) || artifact.Name.Length > StorageLimits.NameLength ? $"a name needs 1 to {StorageLimits.NameLength} characters"
        : string.IsNullOrWhiteSpace(artifact.RelativePath) || artifact.RelativePath.Length > StorageLimits.PathLength ? $"a path needs 1 to {StorageLimits.PathLength} characters"
        : string.IsNullOrWhiteSpace(artifact.ContentType) || artifact.ContentType.Length > StorageLimits.NameLength ? $"a content type needs 1 to {StorageLimits.NameLength} characters"
        : artifact.Bytes < 0 ? "a negative size"
        : null;

    private static string Shorten(string? name) => name is { Length: > 80 } ? name[..80] + "…" : name ?? string.Empty;
}
