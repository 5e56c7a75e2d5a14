using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using AeSweep.Storage.Model;
using Microsoft.Extensions.Logging;

namespace AeSweep.Cluster;

/// <summary>
/// Seed-robust finalists (<c>finalize: {top_k, seeds}</c>): when the search would end, the best completed search trials
/// are trained again under new trial numbers (hence new seeds), and the sweep ends only when those runs have. Finalist
/// runs are trials with <see cref="TrialSnapshot.FinalistOf"/> set; they are kept out of the study (the sampler never
/// learns from them, the pruner never judges them, they do not count towards budget.max_trials or the failure streak),
/// are added at most budget.max_parallel in flight, and are rebuilt from the store on activation, so a restarted
/// coordinator resumes the finalizing phase where it was.
/// </summary>
public sealed partial class SweepCoordinatorGrain
{
    /// <summary>Finalist run id → (the search trial it retrains, its state); loaded from the store, kept up to date.</summary>
    private Dictionary<string, (string OriginalId, TrialState State)> _finalistRuns = new(StringComparer.Ordinal);

    private FinalizeSpec? _finalize;

    /// <summary>Whether finalist runs exist: the search is over and no more trials are sampled.</summary>
    private bool Finalizing => _finalistRuns.Count > 0;

    /// <summary>The finalist runs stored in <paramref name="history"/>.</summary>
    private static Dictionary<string, (string OriginalId, TrialState State)> FinalistRunsOf(SweepHistory history) =>
        history.Trials.Where(t => t.FinalistOf is not null)
            .ToDictionary(t => t.Id, t => (t.FinalistOf!, t.State), StringComparer.Ordinal);

    /// <summary>Keeps a finalist run's state current (its end, or a failure on a lost worker).</summary>
    private void NoteFinalistState(string trialId, TrialState state)
    {
        if (_finalistRuns.TryGetValue(trialId, out var run))
        {
            _finalistRuns[trialId] = run with { State = state };
        }
    }

    /// <summary>
    /// Called when the policy would complete the sweep: adds the finalist runs still missing (within budget.max_parallel)
    /// and returns true while any is unfinished, so the sweep goes on. The time budget ends a sweep without (more)
    /// finalists: budget.max_minutes bounds the whole sweep.
    /// </summary>
    private async Task<bool> FinalizeBeforeEndAsync(SweepEnd end)
    {
        if (_finalize is not { } finalize || end.State != SweepEndState.Completed || end.Reason == SweepPolicy.MaxMinutesReason)
        {
            return false;
        }

        var missing = MissingFinalistRuns(finalize);
        var inFlight = _finalistRuns.Values.Count(r => !r.State.IsFinished());
        var room = Math.Max(0, _policy.Budget.MaxParallel - inFlight);
        if (missing.Count > 0 && room > 0)
        {
            var added = await queue.AddFinalistTrialsAsync(SweepId, [.. missing.Take(room)], CancellationToken.None);
            foreach (var trial in added)
            {
                _finalistRuns[trial.Id] = (trial.FinalistOf!, trial.State);
                _events.TrialChanged(SweepId, trial.Id, SweepEventKind.TrialAdded, trial.State);
            }

            logger.LogInformation("Sweep {SweepId}: finalizing, added {Count} finalist run(s); {Missing} more to add",
                SweepId, added.Count, missing.Count - added.Count);
            await GrainFactory.GetGrain<ITrialDispatcherGrain>(0).NotifyWorkAvailableAsync();
        }

        return missing.Count > 0 || _finalistRuns.Values.Any(r => !r.State.IsFinished());
    }

    /// <summary>
    /// The originals of the finalist runs still to add, one entry per run, round-robin over the finalists (best first)
    /// so that every finalist gets its first new seed before any gets its second. The finalists are those already
    /// retrained (kept, whatever the ranking says now) and then the best completed search trials, up to top_k.
    /// </summary>
    private List<string> MissingFinalistRuns(FinalizeSpec finalize)
    {
        var idByNumber = _numberByTrialId.ToDictionary(p => p.Value, p => p.Key);
        var originals = _finalistRuns.Values.Select(r => r.OriginalId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var number in FinalistSelection.Pick(_study.Trials, _study.Goal, finalize.TopK))
        {
            if (originals.Count < finalize.TopK && idByNumber.TryGetValue(number, out var id) && !originals.Contains(id, StringComparer.Ordinal))
            {
                originals.Add(id);
            }
        }

        var runs = originals.ToDictionary(o => o, o => _finalistRuns.Values.Count(r => r.OriginalId == o), StringComparer.Ordinal);
        var missing = new List<string>();
        for (var round = 0; round < finalize.Seeds; round++)
        {
            missing.AddRange(originals.Where(o => runs[o] <= round));
        }

        return missing;
    }
}
