using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker.Tests;

/// <summary>Stands in for the coordinator: records every epoch report and answers with <paramref name="verdict"/>.</summary>
internal sealed class RecordingReporter(Func<int, TrialDecision>? verdict = null) : ITrialReporter
{
    private readonly List<int> _epochs = [];

    public IReadOnlyList<int> Epochs
    {
        get
        {
            lock (_epochs)
            {
                return [.. _epochs];
            }
        }
    }

    public TrialDecision ReportEpoch(int epoch, IReadOnlyDictionary<string, double> metrics)
    {
        lock (_epochs)
        {
            _epochs.Add(epoch);
        }

        return verdict?.Invoke(epoch) ?? TrialDecision.Continue;
    }

    public void ReportCheckpoint(int epoch, string path)
    {
    }
}
