using AeSweep.Core.Search.Samplers;

namespace AeSweep.Core.Search.Constraints;

/// <summary>
/// Looks for configurations that satisfy a sweep's constraints without training anything: every grid point of a
/// discrete space, otherwise the corners of the space and a run of quasi-random points. The validator uses it to
/// refuse rules no configuration can satisfy, and <see cref="ConstrainedSampler"/> keeps the feasible points it finds
/// as its last resort.
/// </summary>
internal static class ConstraintProbe
{
    /// <summary>Quasi-random points tried beyond the corners.</summary>
    public const int QuasiRandomPoints = 1024;

    // Up to this many parameters every corner is tried (2^10); beyond, the two extreme corners and their neighbours.
    private const int FullCornerDimensions = 10;

    /// <summary>The points probed, in a fixed order (the same on every machine).</summary>
    public static IEnumerable<IReadOnlyDictionary<string, ParameterValue>> Points(SearchSpace space)
    {
        var d = space.Parameters.Length;
        var top = Math.BitDecrement(1.0);
        foreach (var corner in Corners(d))
        {
            yield return At(space, corner.Select(high => high ? top : 0.0).ToArray());
        }

        var halton = new QuasiRandomSampler(seed: 0);
        for (var n = 0; n < QuasiRandomPoints; n++)
        {
            yield return At(space, halton.Point(n, d));
        }
    }

    /// <summary>
    /// Feasible configurations found by <see cref="Points"/> (or by enumerating a discrete space up to its grid limit),
    /// at most <paramref name="limit"/>.
    /// </summary>
    public static List<IReadOnlyDictionary<string, ParameterValue>> Feasible(SearchSpace space, SweepConstraints constraints, int limit)
    {
        IEnumerable<IReadOnlyDictionary<string, ParameterValue>> points = Points(space);
        if (EnumeratesGrid(space))
        {
            try
            {
                points = new GridSampler(space, constraints: constraints).Points.Take(limit);
            }
            catch (ArgumentException)
            {
                // Larger than the grid limit: the corners and quasi-random points stand in for it.
            }
        }

        return [.. points.Where(constraints.IsSatisfiedBy).Take(limit)];
    }

    /// <summary>Whether <see cref="Feasible"/> tries every grid point of <paramref name="space"/> (a small discrete space).</summary>
    public static bool EnumeratesGrid(SearchSpace space) => space.IsDiscrete && GridBound(space) <= MaxEnumeratedGrid;

    // Larger discrete spaces are probed like continuous ones: enumerating and evaluating millions of points would stall
    // the validator and the coordinator.
    private const double MaxEnumeratedGrid = 50_000;

    // An upper bound of the grid's size (conditions ignored), without enumerating wide integer ranges.
    private static double GridBound(SearchSpace space) => space.Parameters.Aggregate(1.0, (size, p) => size * (p.Distribution switch
    {
        ConstantDistribution => 1,
        CategoricalDistribution c => c.Choices.Length,
        IntDistribution i => (((double)i.High - i.Low) / Math.Max(1, i.Step)) + 1,
        FloatDistribution { Step: > 0 } f => Math.Floor((f.High - f.Low) / f.Step!.Value) + 1,
        _ => double.PositiveInfinity,
    }));

    private static IEnumerable<bool[]> Corners(int d)
    {
        if (d <= FullCornerDimensions)
        {
            for (var mask = 0; mask < 1 << d; mask++)
            {
                yield return [.. Enumerable.Range(0, d).Select(j => ((mask >> j) & 1) == 1)];
            }

            yield break;
        }

        foreach (var high in new[] { false, true })
        {
            yield return [.. Enumerable.Repeat(high, d)];
            for (var j = 0; j < d; j++)
            {
                var corner = Enumerable.Repeat(high, d).ToArray();
                corner[j] = !high;
                yield return corner;
            }
        }
    }

    // The configuration at unit coordinates u (one per parameter, conditions applied), as the quasi-random sampler maps them.
    private static Dictionary<string, ParameterValue> At(SearchSpace space, double[] u)
    {
        var assignment = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        for (var j = 0; j < u.Length; j++)
        {
            var parameter = space.Parameters[j];
            if (space.IsActive(parameter, assignment))
            {
                assignment[parameter.Name] = UnitCube.ToValue(parameter.Distribution, u[j]);
            }
        }

        return assignment;
    }
}
