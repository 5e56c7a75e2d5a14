using System.Globalization;
using AeSweep.Core.Trials;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker;

/// <summary>
/// <c>budget.max_trial_minutes</c>: a trial (each attempt of it) that runs longer is stopped through its
/// cancellation — a program's group is killed, the built-in trainer stops — and fails with a reason that names the
/// limit; the sweep goes on with its next trials.
/// </summary>
internal static class TrialTimeLimit
{
    /// <summary>Runs the trial with the runner, stopping it after <paramref name="maxMinutes"/> (null: no limit).</summary>
    public static TrialRunResult Run(ITrialRunner runner, TrialRunContext context, double? maxMinutes, CancellationToken cancellationToken)
    {
        if (maxMinutes is not { } minutes)
        {
            return runner.Run(context, cancellationToken);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(minutes));
        var result = runner.Run(context, limit.Token);
        // Stopped by the limit, not by a lost lease or shutdown (those report nothing): the trial failed.
        return ReferenceEquals(result, TrialRunResult.Abandoned) && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            ? new TrialRunResult(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), Reason(minutes), 0)
            : result;
    }

    /// <summary>The failure reason of a trial over the limit.</summary>
    public static string Reason(double minutes) =>
        $"exceeded budget.max_trial_minutes ({minutes.ToString(CultureInfo.InvariantCulture)})";
}
