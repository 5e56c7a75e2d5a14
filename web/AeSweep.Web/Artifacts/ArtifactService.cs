using AeSweep.Application;

namespace AeSweep.Web.Artifacts;

/// <summary>
/// The one way a response gets a trial's artifact, for the API's downloads and the dashboard's <c>/files</c> routes
/// alike: the name is looked up through the queries (it only selects a stored row, never a path), and the row's file
/// is opened by <see cref="ArtifactFiles"/> — one artifact root (the server's <c>--artifacts</c>, DATA/artifacts by
/// default, where its workers write), one path guard (<see cref="RealPath"/>: no link leads outside the root), one
/// zip writer for folders such as checkpoints. The routes differ only in how they answer.
/// </summary>
public sealed class ArtifactService(ISweepQueries queries, ArtifactFiles files)
{
    /// <summary>The folder every served artifact lies in.</summary>
    public string ArtifactRoot => files.ArtifactRoot;

    /// <summary>Looks the artifact up and opens it; the caller disposes <see cref="ArtifactDownload.Content"/> (a response does).</summary>
    public async Task<ArtifactDownload> OpenAsync(string trialId, string name, CancellationToken cancellationToken)
    {
        var lookup = await queries.FindArtifactAsync(trialId, name, cancellationToken);
        if (!lookup.TrialFound)
        {
            return new ArtifactDownload(ArtifactOutcome.TrialNotFound, null, null);
        }

        if (lookup.Artifact is not { } artifact)
        {
            return new ArtifactDownload(ArtifactOutcome.ArtifactNotFound, null, null);
        }

        return files.Open(artifact) is { } content
            ? new ArtifactDownload(ArtifactOutcome.Opened, artifact, content)
            : new ArtifactDownload(ArtifactOutcome.FileNotServed, artifact, null);
    }
}
