using AeSweep.Core.Search.Constraints;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.Samplers;

/// <summary>What a sampler sees when asked for a configuration.</summary>
/// <param name="Space">The search space.</param>
/// <param name="Goal">Whether smaller or larger metric values are better.</param>
/// <param name="Trials">Every trial so far, in number order (the new trial is not among them).</param>
/// <param name="TrialNumber">The number the new trial will have.</param>
/// <param name="Constraints">
/// The sweep's <c>constraints:</c> (null: none). Samplers that choose among candidates by an acquisition (TPE, MOTPE, GP)
/// drop the infeasible candidates before choosing; <see cref="ConstrainedSampler"/> sets it and guarantees the rest.
/// </param>
public sealed record SamplingContext(SearchSpace Space, MetricGoal Goal, IReadOnlyList<FrozenTrial> Trials, int TrialNumber, SweepConstraints? Constraints = null);
