namespace AeSweep.Core.Search.MultiObjective;

/// <summary>
/// The hypervolume of a set of objective vectors (minimised form) with respect to a reference point: the measure of
/// the region they dominate and the reference point bounds. Exact for 2 objectives (a sweep over the sorted front) and
/// 3 (slices along the third objective, each a 2-objective hypervolume: O(n² log n), ample for a sweep's trials).
/// Points not strictly better than the reference point in every objective add nothing.
/// </summary>
public static class Hypervolume
{
    /// <summary>The hypervolume of <paramref name="points"/> bounded by <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">Not 2 or 3 objectives, or a point of another length.</exception>
    public static double Compute(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count is not (2 or 3))
        {
            throw new ArgumentException("The hypervolume is computed for 2 or 3 objectives.", nameof(reference));
        }

        var inside = new List<double[]>();
        foreach (var p in points)
        {
            if (p.Count != reference.Count)
            {
                throw new ArgumentException("A point's length differs from the reference point's.", nameof(points));
            }

            var below = true;
            for (var k = 0; k < p.Count; k++)
            {
                below &= p[k] < reference[k];
            }

            if (below)
            {
                inside.Add([.. p]);
            }
        }

        return reference.Count == 2 ? Area(inside, reference[0], reference[1]) : Volume(inside, reference);
    }

    /// <summary>
    /// Each point's exclusive contribution: the hypervolume lost when it alone is removed (0 for a dominated point or
    /// a duplicate).
    /// </summary>
    public static double[] Contributions(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double> reference)
    {
        ArgumentNullException.ThrowIfNull(points);
        var total = Compute(points, reference);
        var contributions = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var others = points.Where((_, j) => j != i).ToList();
            contributions[i] = Math.Max(0, total - Compute(others, reference));
        }

        return contributions;
    }

    /// <summary>
    /// Optuna's reference point for a set of minimised vectors: per objective, the worst value moved 10 % away from
    /// the points (max(1.1·w, 0.9·w)); a worst value of 0 becomes a small positive number so every point counts.
    /// </summary>
    public static double[] ReferencePoint(IReadOnlyList<IReadOnlyList<double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("No points.", nameof(points));
        }

        var reference = new double[points[0].Count];
        for (var k = 0; k < reference.Length; k++)
        {
            var worst = points.Max(p => p[k]);
            reference[k] = worst == 0 ? 1e-12 : Math.Max(1.1 * worst, 0.9 * worst);
        }

        return reference;
    }

    // Two objectives: sort by the first, then add the rectangle each point adds below the best second value so far.
    private static double Area(List<double[]> points, double r0, double r1)
    {
        points.Sort((a, b) => a[0] != b[0] ? a[0].CompareTo(b[0]) : a[1].CompareTo(b[1]));
        var area = 0.0;
        var ceiling = r1;
        foreach (var p in points)
        {
            if (p[1] < ceiling)
            {
                area += (r0 - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }

        return area;
    }

    // Three objectives: between consecutive distinct third values, the slab's cross-section is the 2-objective
    // hypervolume of the points at or below that third value.
    private static double Volume(List<double[]> points, IReadOnlyList<double> reference)
    {
        points.Sort((a, b) => a[2].CompareTo(b[2]));
        var volume = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var top = i + 1 < points.Count ? points[i + 1][2] : reference[2];
            if (top <= points[i][2])
            {
                continue;
            }

            var slice = points.Take(i + 1).ToList();
            volume += Area(slice, reference[0], reference[1]) * (top - points[i][2]);
        }

        return volume;
    }
}
