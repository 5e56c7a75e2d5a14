using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;

namespace AeSweep.Worker.Runners;

/// <summary>Everything a runner needs for one trial.</summary>
public sealed record TrialRunContext(
    TrialAssignment Assignment,
    SweepDefinition Definition,
    string ArtifactDirectory,
    string Device,
    int Threads,
    ITrialReporter Reporter);
