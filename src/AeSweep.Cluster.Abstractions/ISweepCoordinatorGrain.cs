using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using Orleans.Concurrency;

namespace AeSweep.Cluster.Abstractions;

/// <summary>
/// One per sweep (keyed by sweep id): owns its sampler and pruner, budget and parallelism. Rebuilds its state
/// from the store on activation, so a restarted coordinator resumes where the database says the sweep is.
/// </summary>
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts (or resumes) the sweep: suggests trials up to its parallelism. Idempotent.</summary>
    Task StartAsync();

    /// <summary>Records one epoch's metrics and answers whether the trial goes on, ends as pruned, or stops (the worker no longer holds it).</summary>
    Task<TrialDecision> ReportEpochAsync(TrialLeaseToken lease, int epoch, Dictionary<string, double> metrics);

    /// <summary>Records the trial's latest checkpoint, from which it resumes if its worker is lost.</summary>
    Task RecordCheckpointAsync(TrialLeaseToken lease, int epoch, string path);

    /// <summary>Records a trial's end and suggests the next trials.</summary>
    Task CompleteTrialAsync(TrialCompletion completion);

    /// <summary>
    /// A trial the store failed because its worker was lost on its last attempt (budget.max_attempts): the sampler
    /// learns it, it counts towards budget.max_failed_trials, and the next trials are suggested. One-way: the
    /// dispatcher calls it from its lease check, and the coordinator calls the dispatcher back.
    /// </summary>
    [OneWay]
    Task TrialFailedOnLostWorkerAsync(string trialId);

    /// <summary>Cancels the sweep and its unfinished trials.</summary>
    Task CancelAsync(string reason);

    /// <summary>
    /// Ask-and-tell (a <c>program: {ask_tell: true}</c> sweep): suggests a trial for a trainer outside AeSweep and
    /// stores it running on <see cref="AskedTrial.WorkerId"/>, within the sweep's budget and parallelism.
    /// </summary>
    Task<AskResult> AskAsync();

    /// <summary>Records an asked trial's result (and intermediate values) so sampler and pruner learn from it.</summary>
    Task<TellResult> TellAsync(TrialTell tell);

    /// <summary>Running → paused: nothing new is suggested or leased; running trials finish. Kept in the store.</summary>
    Task<ControlReply> PauseAsync();

    /// <summary>Paused → running: trials are suggested and leased again at once.</summary>
    Task<ControlReply> ResumeAsync();

    /// <summary>Changes budget limits (null keeps one), checked as the sweep file's; applied at once (a raised max_parallel starts more trials).</summary>
    Task<ControlReply> ChangeBudgetAsync(int? maxTrials, int? maxParallel, double? maxMinutes);

    /// <summary>
    /// Queues configurations (checked against the space; errors name <c>parameters.NAME</c>) to run before any sampled
    /// trial, as new trials the sampler sees like any other; within budget.max_trials and budget.max_parallel.
    /// </summary>
    Task<ControlReply> EnqueueAsync(List<Dictionary<string, ParameterValue>> configurations);

    /// <summary>Runs a failed or cancelled trial of this sweep again as a new trial (new number) with the same configuration, linked to it.</summary>
    Task<ControlReply> RetryAsync(string trialId);
}
