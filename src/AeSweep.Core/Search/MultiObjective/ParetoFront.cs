namespace AeSweep.Core.Search.MultiObjective;

/// <summary>
/// Pareto dominance and non-dominated sorting over objective vectors in minimised form (smaller is better in every
/// objective; <see cref="Trials.MetricGoalExtensions.ToMinimized"/> maps a maximised one). Vectors with a NaN are
/// never on a front. n is a sweep's trial count (hundreds to a few thousand), so the plain O(m·n²) sort serves.
/// </summary>
public static class ParetoFront
{
    /// <summary>True when <paramref name="a"/> is no worse than <paramref name="b"/> everywhere and better somewhere.</summary>
    public static bool Dominates(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Objective vectors differ in length.", nameof(b));
        }

        var strictly = false;
        for (var k = 0; k < a.Count; k++)
        {
            if (a[k] > b[k])
            {
                return false;
            }

            strictly |= a[k] < b[k];
        }

        return strictly;
    }

    /// <summary>
    /// Each vector's non-domination rank: 0 for the Pareto front, 1 for the front of what remains, and so on
    /// (Deb et al.'s fast non-dominated sort); vectors with a NaN get <see cref="int.MaxValue"/>.
    /// </summary>
    public static int[] Ranks(IReadOnlyList<IReadOnlyList<double>> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var n = points.Count;
        var ranks = new int[n];
        var valid = new bool[n];
        var dominatedBy = new int[n];
        var dominates = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            valid[i] = points[i].All(v => !double.IsNaN(v));
            dominates[i] = [];
            ranks[i] = int.MaxValue;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (!valid[i] || !valid[j])
                {
                    continue;
                }

                if (Dominates(points[i], points[j]))
                {
                    dominates[i].Add(j);
                    dominatedBy[j]++;
                }
                else if (Dominates(points[j], points[i]))
                {
                    dominates[j].Add(i);
                    dominatedBy[i]++;
                }
            }
        }

        var current = Enumerable.Range(0, n).Where(i => valid[i] && dominatedBy[i] == 0).ToList();
        for (var rank = 0; current.Count > 0; rank++)
        {
            var next = new List<int>();
            foreach (var i in current)
            {
                ranks[i] = rank;
                foreach (var j in dominates[i])
                {
                    if (--dominatedBy[j] == 0)
                    {
                        next.Add(j);
                    }
                }
            }

            current = next;
        }

        return ranks;
    }

    /// <summary>The indices of the non-dominated vectors (rank 0), in input order.</summary>
    public static int[] Indices(IReadOnlyList<IReadOnlyList<double>> points)
    {
        var ranks = Ranks(points);
        return [.. Enumerable.Range(0, ranks.Length).Where(i => ranks[i] == 0)];
    }
}
