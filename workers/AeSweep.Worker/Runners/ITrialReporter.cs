using AeSweep.Core.Trials;

namespace AeSweep.Worker.Runners;

/// <summary>How a running trial talks to its coordinator. Called from the trial's own thread; calls block.</summary>
public interface ITrialReporter
{
    /// <summary>Reports one epoch (or step) and returns whether to go on.</summary>
    TrialDecision ReportEpoch(int epoch, IReadOnlyDictionary<string, double> metrics);

    /// <summary>Reports the latest checkpoint.</summary>
    void ReportCheckpoint(int epoch, string path);
}
