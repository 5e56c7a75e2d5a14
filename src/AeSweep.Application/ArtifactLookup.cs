using AeSweep.Storage.Model;

namespace AeSweep.Application;

/// <summary>
/// The stored row of a trial's artifact (where its file is), or which part was missing: the trial, or the artifact.
/// The name only selects a stored row; it never becomes part of a path.
/// </summary>
public sealed record ArtifactLookup(bool TrialFound, ArtifactInfo? Artifact);
