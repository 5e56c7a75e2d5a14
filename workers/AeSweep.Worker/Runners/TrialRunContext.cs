using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Everything a runner needs for one trial: the assignment with its typed training spec, and the program to run as
/// this worker's policy pinned it (null for a built-in model).
/// </summary>
public sealed record TrialRunContext(
    TrialAssignment Assignment,
    ProgramSpec? Program,
    string ArtifactDirectory,
    string Device,
    int Threads,
    ITrialReporter Reporter)
{
    /// <summary>The sweep's training spec.</summary>
    public TrainingSpec Training => Assignment.Training;

    /// <summary>The dataset of a built-in model's sweep; null for a program sweep.</summary>
    public DatasetSpec? Dataset => Training.Dataset;

    /// <summary>The metric the trial reports at its end.</summary>
    public string MetricName => Training.MetricName;
}
