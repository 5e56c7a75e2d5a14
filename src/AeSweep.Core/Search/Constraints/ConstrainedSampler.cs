using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Search.Constraints;

/// <summary>
/// Guarantees that no sampler suggests a configuration that breaks the sweep's constraints. The inner sampler sees
/// the constraints (<see cref="SamplingContext.Constraints"/>) and is constraint-aware where it chooses by an
/// acquisition (TPE, MOTPE and GP drop infeasible candidates; grid enumerates feasible points only). Whatever it still
/// suggests infeasibly — random and quasi-random draws, a model's start phase, a model that found no feasible
/// candidate — is replaced: first by up to <see cref="MaxResamples"/> uniform draws of the space (deterministic per
/// seed, trial and try), then by the feasible point, among those <see cref="ConstraintProbe"/> finds, nearest to the
/// suggestion. With none at all the sampler answers null, which ends the sweep as exhausted instead of looping.
/// </summary>
public sealed class ConstrainedSampler : ISampler
{
    /// <summary>Uniform draws tried before the nearest known feasible point is taken.</summary>
    public const int MaxResamples = 256;

    // Feasible points kept for the last resort.
    private const int FallbackPoints = 256;

    private readonly SweepConstraints _constraints;
    private readonly SearchSpace _space;
    private readonly long _seed;
    private readonly Lazy<List<IReadOnlyDictionary<string, ParameterValue>>> _feasible;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ConstrainedSampler(ISampler inner, SearchSpace space, SweepConstraints constraints, long seed)
    {
        Inner = inner;
        _space = space;
        _constraints = constraints;
        _seed = seed;
        _feasible = new(() => ConstraintProbe.Feasible(space, constraints, FallbackPoints));
    }

    /// <summary>The sampler whose suggestions are checked.</summary>
    public ISampler Inner { get; }

    /// <summary><paramref name="inner"/> itself when there are no constraints, else it wrapped.</summary>
    public static ISampler Wrap(ISampler inner, SearchSpace space, SweepConstraints constraints, long seed) =>
        constraints.IsEmpty ? inner : new ConstrainedSampler(inner, space, constraints, seed);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ParameterValue>? Sample(SamplingContext context)
    {
        var suggestion = Inner.Sample(context with { Constraints = _constraints });
        if (suggestion is null || _constraints.IsSatisfiedBy(suggestion))
        {
            return suggestion;
        }

        for (var attempt = 1; attempt <= MaxResamples; attempt++)
        {
            var draw = context.Space.SampleRandom(SeedSequence.For(_seed, context.TrialNumber, ResamplePurpose + attempt));
            if (_constraints.IsSatisfiedBy(draw))
            {
                return draw;
            }
        }

        var feasible = _feasible.Value;
        return feasible.Count == 0 ? null : feasible.MinBy(point => Distance(_space, suggestion, point));
    }

    // Streams of the resampling draws, apart from those the samplers use (purpose 0 and small numbers).
    private const int ResamplePurpose = 1 << 20;

    // Distance in the unit cube: numeric values by their share of the range,
    // a different choice or a parameter present in one configuration only by 1.
    private static double Distance(SearchSpace space, IReadOnlyDictionary<string, ParameterValue> a, IReadOnlyDictionary<string, ParameterValue> b)
    {
        var sum = 0.0;
        foreach (var parameter in space.Parameters)
        {
            var inA = a.TryGetValue(parameter.Name, out var x);
            var inB = b.TryGetValue(parameter.Name, out var y);
            if (inA != inB)
            {
                sum += 1;
            }
            else if (inA && !x.Equals(y))
            {
                sum += parameter.Distribution.NumericRange is { } r && x.IsNumeric && y.IsNumeric && r.Max > r.Min
                    ? Math.Pow((x.AsDouble() - y.AsDouble()) / (r.Max - r.Min), 2)
                    : 1;
            }
        }

        return sum;
    }
}
