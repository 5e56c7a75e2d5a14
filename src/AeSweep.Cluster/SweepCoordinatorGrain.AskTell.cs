using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

/// <summary>Ask-and-tell: trials handed to, and results told by, a trainer outside AeSweep.</summary>
public sealed partial class SweepCoordinatorGrain
{
    public async Task<AskResult> AskAsync()
    {
        if (_policy.AskRefusal(Progress) is { } refusal)
        {
            if (refusal == SweepPolicy.ExhaustedReason)
            {
                await FillAsync();
            }

            return AskResult.Refused(refusal);
        }

        // Stored running on the synthetic worker at once: a pending trial could be claimed by a real worker.
        var trial = await AddTrialAsync(parameters => queue.AddRunningTrialAsync(SweepId, parameters, AskedTrial.WorkerId, scheduling.Value.AskedTrialLeaseDuration, CancellationToken.None));
        if (trial is null)
        {
            await FillAsync();
            return AskResult.Refused(SweepPolicy.ExhaustedReason);
        }

        logger.LogInformation("Sweep {SweepId}: trial {TrialId} asked by an outside trainer", SweepId, trial.Id);
        return new AskResult(new AskedTrial(trial.Id, trial.Number, trial.Parameters.ToDictionary(StringComparer.Ordinal)), null);
    }

    public async Task<TellResult> TellAsync(TrialTell tell)
    {
        var trial = await queue.GetTrialAsync(tell.TrialId, CancellationToken.None);
        if (trial is null || trial.SweepId != SweepId)
        {
            return new TellResult(TellOutcome.NotFound, null, $"sweep {SweepId} has no trial {tell.TrialId}");
        }

        if (trial.State.IsFinished())
        {
            return new TellResult(TellOutcome.AlreadyFinished, trial.State, $"trial {trial.Id} is already {trial.State.ToString().ToLowerInvariant()}");
        }

        if (trial.Lease is not { WorkerId: AskedTrial.WorkerId } lease)
        {
            return new TellResult(TellOutcome.NotAsked, trial.State, $"trial {trial.Id} was not asked: a worker runs it and reports its result");
        }

        var token = new TrialLeaseToken(lease.TrialId, lease.WorkerId, lease.Attempt);
        var epochsRun = 0;
        foreach (var (epoch, value) in tell.IntermediateValues.Where(v => double.IsFinite(v.Value)).OrderBy(v => v.Key))
        {
            await ReportEpochAsync(token, epoch, new() { [_policy.MetricName] = value });
            epochsRun = Math.Max(epochsRun, epoch);
        }

        var told = _policy.JudgeTell(tell.State, tell.Value, tell.Reason);
        var change = await FinishTrialAsync(new TrialCompletion(token, told.State, told.Metrics.ToDictionary(StringComparer.Ordinal), [], told.Reason, epochsRun));
        return change.Applied
            ? new TellResult(TellOutcome.Recorded, change.Trial?.State, change.Trial?.Reason)
            : new TellResult(TellOutcome.AlreadyFinished, change.Trial?.State, $"trial {trial.Id}: result not recorded ({change.Outcome})");
    }
}
