using AeSweep.Core.Search;

namespace AeSweep.Core.Analysis;

/// <summary>One finished trial as importance sees it: its parameters and its objective, already oriented so that smaller is better.</summary>
public sealed record ImportanceTrial(IReadOnlyDictionary<string, ParameterValue> Parameters, double MinimizedObjective);
