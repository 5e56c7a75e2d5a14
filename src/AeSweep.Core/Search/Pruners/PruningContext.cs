using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Pruners;

/// <summary>What a pruner sees when a trial reports an intermediate value.</summary>
/// <param name="Goal">Whether smaller or larger metric values are better.</param>
/// <param name="Trials">Every trial of the study in number order, including <paramref name="Trial"/>'s current snapshot.</param>
/// <param name="Trial">The trial that just reported; its <see cref="FrozenTrial.LastStep"/> is the step reported.</param>
public sealed record PruningContext(MetricGoal Goal, IReadOnlyList<FrozenTrial> Trials, FrozenTrial Trial);
