using AeSweep.Storage;

namespace AeSweep.Application.Queries;

/// <summary>
/// Artifact rows by trial and name. Store members used: <c>GetTrialAsync</c>, <c>GetArtifactAsync</c>
/// (<c>ITrialResultStore</c> once split).
/// </summary>
public sealed class ArtifactReader(ISweepReadModel store, ITrialResultStore results)
{
    public async Task<ArtifactLookup> FindAsync(string trialId, string name, CancellationToken cancellationToken)
    {
        if (await store.GetTrialAsync(trialId, cancellationToken) is null)
        {
            return new ArtifactLookup(TrialFound: false, Artifact: null);
        }

        return new ArtifactLookup(TrialFound: true, await results.GetArtifactAsync(trialId, name, cancellationToken));
    }
}
