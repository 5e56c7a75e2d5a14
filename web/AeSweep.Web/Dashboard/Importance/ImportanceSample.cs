using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard.Importance;

/// <summary>One finished trial as importance sees it: its parameters and its objective value.</summary>
public sealed record ImportanceSample(IReadOnlyDictionary<string, ParameterValue> Parameters, double Objective);
