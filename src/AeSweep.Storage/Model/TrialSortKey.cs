namespace AeSweep.Storage.Model;

/// <summary>How a page of trials is ordered.</summary>
public enum TrialSortKey
{
    /// <summary>By trial number.</summary>
    Number,

    /// <summary>By state name, then number.</summary>
    State,

    /// <summary>By start time (never started last), then number.</summary>
    StartedAt,

    /// <summary>By finish time (unfinished last), then number.</summary>
    FinishedAt,

    /// <summary>By the sweep's ranking metric, best first for its goal (no value last); descending puts the worst first.</summary>
    Objective,
}
