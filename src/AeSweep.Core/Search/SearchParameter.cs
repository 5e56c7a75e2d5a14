namespace AeSweep.Core.Search;

/// <summary>One named hyperparameter: where its values come from and, optionally, when it exists.</summary>
/// <param name="Name">The parameter's name, e.g. <c>code_size</c> or <c>width_2</c>.</param>
/// <param name="Distribution">Where its values come from.</param>
/// <param name="Condition">When it exists; null means always.</param>
public sealed record SearchParameter(string Name, ParameterDistribution Distribution, ParameterCondition? Condition = null);
