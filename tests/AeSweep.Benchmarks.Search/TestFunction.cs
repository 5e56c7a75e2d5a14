using AeSweep.Core.Search;

namespace AeSweep.Benchmarks.Search;

/// <summary>A benchmark objective: its space, the function, and (where meaningful) a discrete grid over the same domain.</summary>
internal sealed record TestFunction(
    string Name,
    SearchSpace Space,
    Func<IReadOnlyDictionary<string, ParameterValue>, double> Evaluate,
    SearchSpace? GridSpace,
    double KnownMinimum);
