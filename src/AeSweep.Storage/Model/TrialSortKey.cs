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

    /// <summary>By run time (finish − start; unfinished last), then number.</summary>
    Duration,

    /// <summary>By the final metric named in <see cref="TrialQuery.SortName"/>, smallest first (no value last), then number.</summary>
    Metric,

    /// <summary>
    /// By the parameter named in <see cref="TrialQuery.SortName"/>: numbers by value, then text values (categories)
    /// alphabetically, then trials without it; then number.
    /// </summary>
    Parameter,
}
