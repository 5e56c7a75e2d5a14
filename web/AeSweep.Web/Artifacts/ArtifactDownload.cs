using AeSweep.Storage.Model;

namespace AeSweep.Web.Artifacts;

/// <summary>A trial's artifact looked up and opened: the outcome, the stored row when there is one, and the content when opened.</summary>
public sealed record ArtifactDownload(ArtifactOutcome Outcome, ArtifactInfo? Artifact, ArtifactContent? Content);
