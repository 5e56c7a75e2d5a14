using AeSweep.Core.Trials;

namespace AeSweep.Worker.Runners;

/// <summary>
/// For dispatch benchmarks only (<c>aesweep worker --runner noop</c>): trains nothing. Each trial reports one epoch
/// with a fixed value of the sweep's metric (so the epoch-report path runs as it does for a real trial) and completes
/// at once with that value, whatever the sweep's model or program. A worker gets it only when told to
/// (<see cref="WorkerServiceCollectionExtensions.UseNoOpTrialRunner"/>); it then has no other runner.
/// </summary>
public sealed class NoOpTrialRunner : ITrialRunner
{
    /// <summary>The value every trial reports for the sweep's metric.</summary>
    public const double MetricValue = 1.0;

    public bool CanRun(TrialRunContext context) => true;

    public TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { [context.MetricName] = MetricValue };
        return context.Reporter.ReportEpoch(1, metrics) switch
        {
            TrialDecision.Continue => new TrialRunResult(TrialState.Completed, metrics, new Dictionary<string, string>(), null, 1),
            TrialDecision.Prune => new TrialRunResult(TrialState.Pruned, metrics, new Dictionary<string, string>(), "pruned at epoch 1", 1),
            _ => TrialRunResult.Abandoned,
        };
    }
}
