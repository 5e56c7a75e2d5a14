namespace AeSweep.Application;

/// <summary>The outcome of a cancel request, with the sweep's state name when it had already finished.</summary>
public sealed record CancelResult(CancelOutcome Outcome, string SweepId, string? FinishedState)
{
    public string Detail => Outcome switch
    {
        CancelOutcome.AlreadyFinished => $"Sweep '{SweepId}' is {FinishedState}; there is nothing to cancel.",
        CancelOutcome.NotFound => $"There is no sweep '{SweepId}'.",
        _ => $"Sweep '{SweepId}' is being cancelled.",
    };
}
