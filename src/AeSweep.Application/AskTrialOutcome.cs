namespace AeSweep.Application;

/// <summary>What an ask got.</summary>
public enum AskTrialOutcome
{
    /// <summary>A trial to train.</summary>
    Asked,

    /// <summary>No such sweep.</summary>
    NotFound,

    /// <summary>No trial now: the budget is spent, max_parallel trials are untold, or the sweep has finished.</summary>
    Refused,
}
