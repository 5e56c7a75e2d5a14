namespace AeSweep.Core.Analysis;

/// <summary>
/// One parameter's share of the importance (shares of all parameters sum to 1 unless none mattered) and the bootstrap
/// standard deviation of that share: the error bar.
/// </summary>
public sealed record ParameterImportanceEstimate(string Parameter, double Share, double StandardDeviation);
