namespace AeSweep.Web.Dashboard.Charts;

/// <summary>
/// One parameter's values per sweep, counted in the same bins for every sweep: <see cref="Bins"/> are the bins' labels
/// (categories, the distinct values of a parameter with few, or numeric ranges), <see cref="Counts"/> one row per sweep
/// in the comparison's order. <see cref="Absent"/> counts each sweep's trials without the parameter (a conditional one).
/// </summary>
public sealed record ParameterDistribution(string Parameter, IReadOnlyList<string> Bins, IReadOnlyList<IReadOnlyList<int>> Counts, IReadOnlyList<int> Absent);
