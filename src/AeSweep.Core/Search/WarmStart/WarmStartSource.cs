using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.WarmStart;

/// <summary>One earlier sweep named by <c>warm_start.from_sweeps</c>, as the store holds it.</summary>
/// <param name="SweepId">The earlier sweep's id.</param>
/// <param name="Metric">Its ranking metric and goal.</param>
/// <param name="Trials">
/// Its finished trials (completed and pruned; finalist runs left out), with their values of <em>this</em> sweep's
/// metric: the final value, the intermediate values and, for a multi-objective sweep, the objective values.
/// </param>
public sealed record WarmStartSource(string SweepId, MetricSpec Metric, IReadOnlyList<FrozenTrial> Trials);
