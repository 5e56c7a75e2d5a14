using AeSweep.Core.Search.Constraints;
using AeSweep.Core.Definitions;

namespace AeSweep.Core.Search.Samplers;

/// <summary>Builds the sampler a sweep file's <c>method</c> names, and says in words which one it is.</summary>
public static class SamplerFactory
{
    /// <summary>The sampler for <paramref name="definition"/>: its method, space, TPE setting and trial budget.</summary>
    /// <param name="definition">The sweep.</param>
    /// <param name="seed">The sweep's seed (the definition's, or the one chosen at submission).</param>
    /// <exception cref="ArgumentException">Grid search over a space with continuous parameters.</exception>
    public static ISampler Create(SweepDefinition definition, long seed) =>
        ConstrainedSampler.Wrap(
            definition.IsMultiObjective
                ? CreateMultiObjective(definition, seed)
                : Create(definition.Method, definition.SearchSpace, seed, definition.Budget.MaxTrials, TpeOptionsFor(definition), definition.Constraints),
            definition.SearchSpace,
            definition.Constraints,
            seed);

    /// <summary>Creates the sampler for <paramref name="method"/>.</summary>
    /// <param name="method">Grid, random, TPE, GP or auto.</param>
    /// <param name="space">The search space (grid search enumerates it now, so a continuous parameter fails here).</param>
    /// <param name="seed">The sweep's seed.</param>
    /// <param name="maxTrials">The budget's trial limit (auto chooses by it); null: none.</param>
    /// <param name="tpeOptions">TPE settings; null: <see cref="TpeOptions.Default"/>.</param>
    /// <param name="constraints">The sweep's constraints, which grid search enumerates by (other methods: see <see cref="ConstrainedSampler"/>).</param>
    /// <exception cref="ArgumentException">Grid search over a space with continuous parameters.</exception>
    public static ISampler Create(SearchMethod method, SearchSpace space, long seed, int? maxTrials = null, TpeOptions? tpeOptions = null, SweepConstraints? constraints = null) => method switch
    {
        SearchMethod.Grid => new GridSampler(space, constraints: constraints),
        SearchMethod.Random => new RandomSampler(seed),
        SearchMethod.Tpe => new TpeSampler(seed, tpeOptions),
        SearchMethod.Gp => new GpSampler(seed),
        SearchMethod.Auto => CreateAuto(space, seed, maxTrials),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown search method."),
    };

    /// <summary>
    /// The sampler in words, for the sweep's summary (CLI, API, dashboard): e.g. "tpe (univariate)" or
    /// "auto: quasi-random start (12 trials), then gp (6 numeric parameters, max_trials 60)".
    /// </summary>
    public static string Describe(SweepDefinition definition) => definition.IsMultiObjective ? DescribeMultiObjective(definition) : definition.Method switch
    {
        SearchMethod.Grid => "grid",
        SearchMethod.Random => "random",
        SearchMethod.Tpe => definition.TpeMultivariate ? "tpe (multivariate, grouped)" : "tpe (univariate)",
        SearchMethod.Auto => AutoSamplerPolicy.Plan(definition.SearchSpace, definition.Budget.MaxTrials).Describe(),
        _ => definition.Method.ToString().ToLowerInvariant(),
    };

    // Multi-objective sweeps (metrics:): auto and tpe use multi-objective TPE (auto after its quasi-random start);
    // random and grid are objective-blind; the validator refuses gp.
    private static ISampler CreateMultiObjective(SweepDefinition definition, long seed)
    {
        var goals = definition.Objectives.Select(o => o.Goal).ToArray();
        switch (definition.Method)
        {
            case SearchMethod.Tpe:
                return new MotpeSampler(seed, goals);
            case SearchMethod.Auto:
                var plan = MultiObjectivePlan(definition);
                var motpe = new MotpeSampler(seed, goals, TpeOptions.Default with { StartupTrials = plan.StartTrials });
                return new AutoSampler(seed, plan, motpe, motpe);
            case SearchMethod.Gp:
                throw new ArgumentException("gp optimises one objective; a multi-objective sweep uses auto, tpe, random or grid.", nameof(definition));
            default:
                return Create(definition.Method, definition.SearchSpace, seed, definition.Budget.MaxTrials, constraints: definition.Constraints);
        }
    }

    private static AutoSamplerPlan MultiObjectivePlan(SweepDefinition definition) =>
        AutoSamplerPolicy.Plan(definition.SearchSpace, definition.Budget.MaxTrials) with
        {
            Model = AutoModel.Tpe,
            GpUntilTrial = null,
            Reason = $"multi-objective TPE over {definition.Objectives.Count} objectives",
        };

    private static string DescribeMultiObjective(SweepDefinition definition) => definition.Method switch
    {
        SearchMethod.Auto => MultiObjectivePlan(definition).Describe(),
        SearchMethod.Tpe => $"tpe (multi-objective, {definition.Objectives.Count} objectives)",
        _ => definition.Method.ToString().ToLowerInvariant(),
    };

    private static TpeOptions TpeOptionsFor(SweepDefinition definition) =>
        definition.TpeMultivariate ? TpeOptions.Default with { Multivariate = true, Group = true } : TpeOptions.Default;

    private static AutoSampler CreateAuto(SearchSpace space, long seed, int? maxTrials)
    {
        var plan = AutoSamplerPolicy.Plan(space, maxTrials);
        // The start phase is the auto sampler's: the model samplers take over as soon as it ends. Univariate
        // TPE, which measured better than multivariate on every benchmark function with conditions
        // (docs/benchmarks/search.md).
        var tpe = new TpeSampler(seed, TpeOptions.Default with { StartupTrials = plan.StartTrials });
        var gp = new GpSampler(seed, GpOptions.Default with { StartupTrials = plan.StartTrials });
        return new AutoSampler(seed, plan, gp, tpe);
    }
}
