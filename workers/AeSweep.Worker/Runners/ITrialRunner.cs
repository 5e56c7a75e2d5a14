namespace AeSweep.Worker.Runners;

/// <summary>Runs one trial synchronously on the calling (dedicated) thread.</summary>
public interface ITrialRunner
{
    /// <summary>Whether this runner trains the given sweep's trials.</summary>
    bool CanRun(TrialRunContext context);

    /// <summary>Runs the trial to its end; cancellation means this worker lost the trial or is shutting down.</summary>
    TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken);
}
