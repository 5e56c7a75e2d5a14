using AeSweep.Application.Contracts;
using AeSweep.Core.Definitions;

namespace AeSweep.Application;

/// <summary>
/// Everything a host may ask the engine to do. User errors (an invalid file, a refused program, an unknown id, a
/// finished sweep) come back as typed outcomes, never as exceptions. The control commands (pause, resume, budget,
/// enqueue, retry, drain) go through the sweep's coordinator or the dispatcher, with the same rules for every host.
/// </summary>
public interface ISweepCommands
{
    /// <summary>Parses and validates a sweep file's text (YAML or JSON), then submits it as <see cref="SubmitAsync(SweepDefinition, CancellationToken)"/> does.</summary>
    Task<SubmitResult> SubmitAsync(string sweepText, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a validated sweep with its seed fixed (so every worker and restart sees the same sweep) and starts its
    /// coordinator; a program sweep this process's <see cref="ProgramPolicy"/> refuses is not stored.
    /// </summary>
    Task<SubmitResult> SubmitAsync(SweepDefinition definition, CancellationToken cancellationToken);

    /// <summary>Cancels a sweep and its unfinished trials; refused for an unknown or finished sweep.</summary>
    Task<CancelResult> CancelAsync(string sweepId, string reason, CancellationToken cancellationToken);

    /// <summary>Asks an ask-and-tell sweep for its next trial.</summary>
    Task<AskTrialResult> AskAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Tells an asked trial's result; an invalid request names its first wrong field.</summary>
    Task<TellTrialResult> TellAsync(string trialId, TellRequest request, CancellationToken cancellationToken);

    /// <summary>Stops handing out new trials of a sweep; running trials finish.</summary>
    Task<ControlResult> PauseAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Hands out a paused sweep's trials again.</summary>
    Task<ControlResult> ResumeAsync(string sweepId, CancellationToken cancellationToken);

    /// <summary>Changes a running sweep's budget.</summary>
    Task<ControlResult> ChangeBudgetAsync(string sweepId, ChangeBudgetRequest request, CancellationToken cancellationToken);

    /// <summary>Queues a trial with given parameters ahead of the sampler.</summary>
    Task<ControlResult> EnqueueTrialAsync(string sweepId, EnqueueTrialRequest request, CancellationToken cancellationToken);

    /// <summary>Runs a failed or cancelled trial again.</summary>
    Task<ControlResult> RetryTrialAsync(string trialId, CancellationToken cancellationToken);

    /// <summary>Stops handing trials to a worker, letting its running trials finish.</summary>
    Task<ControlResult> DrainWorkerAsync(string workerId, DrainWorkerRequest request, CancellationToken cancellationToken);

    /// <summary>Lets a drained worker lease trials again.</summary>
    Task<ControlResult> UndrainWorkerAsync(string workerId, CancellationToken cancellationToken);
}
