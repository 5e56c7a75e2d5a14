using AeSweep.Core.Search;

namespace AeSweep.Web.Dashboard.Importance;

/// <summary>
/// Hyperparameter importance as Breiman's permutation importance on a random forest: fit a forest of regression trees
/// predicting each trial's objective rank from its parameters, then, per tree, shuffle one parameter's values among the
/// trials that tree did not see (its out-of-bag trials) and measure how much worse the tree predicts. A parameter's
/// importance is its average error increase, reported as a share of the total (negative increases count as zero).
/// </summary>
/// <remarks>
/// Ranks rather than raw values make one diverged trial (val_mse 10× the rest) unable to dominate the fit. Categorical
/// parameters are encoded by the rank of their category's mean objective, the ordering that lets a tree separate good
/// from bad categories with single thresholds. A conditional parameter absent from a trial gets a value below all
/// others, so "not present" is its own region. Everything is seeded: the same trials give the same bars.
/// </remarks>
public static class ParameterImportance
{
    /// <summary>What the dashboard says about the method, next to the bars.</summary>
    public const string MethodDescription =
        "Permutation importance (Breiman) on a random forest of 64 regression trees fitted to the trials' objective ranks: " +
        "how much worse the forest predicts trials it was not fitted on when one parameter's values are shuffled, as a share of the total.";

    /// <summary>Fewer finished trials than this give no importance: a forest on a handful of points says nothing.</summary>
    public const int MinimumTrials = 6;

    public static ParameterImportanceResult Compute(IReadOnlyList<ImportanceSample> samples, IReadOnlyList<string> parameterNames, int trees = 64, int seed = 17)
    {
        var usable = samples.Where(s => double.IsFinite(s.Objective)).ToList();
        if (usable.Count < MinimumTrials)
        {
            return new([], usable.Count, $"needs at least {MinimumTrials} finished trials with an objective value ({usable.Count} so far)");
        }

        var y = Ranks(usable.Select(s => s.Objective).ToArray());
        var columns = new List<(string Name, double[] Values)>();
        foreach (var name in parameterNames)
        {
            var column = Encode(usable, name, y);
            if (column.Where(double.IsFinite).Distinct().Count() > 1)
            {
                columns.Add((name, column));
            }
        }

        if (columns.Count == 0)
        {
            return new([], usable.Count, "no parameter takes more than one value in these trials");
        }

        if (y.Distinct().Count() < 2)
        {
            return new([.. columns.Select(c => (c.Name, 0.0))], usable.Count, "every trial has the same objective value");
        }

        var x = Enumerable.Range(0, usable.Count).Select(i => columns.Select(c => c.Values[i]).ToArray()).ToArray();
        var random = new Random(seed);
        var forest = RegressionForest.Fit(x, y, trees, random);
        var increase = PermutationIncrease(forest, x, y, columns.Count, random);
        var clipped = increase.Select(v => Math.Max(0, v)).ToArray();
        var total = clipped.Sum();
        var entries = columns
            .Select((c, j) => (c.Name, Share: total > 0 ? clipped[j] / total : 0))
            .OrderByDescending(e => e.Share)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        return new(entries, usable.Count, total > 0 ? null : "no parameter explains the differences between trials yet");
    }

    private static double[] PermutationIncrease(RegressionForest forest, double[][] x, double[] y, int features, Random random)
    {
        const int Repeats = 3;
        var increase = new double[features];
        var counted = 0;
        foreach (var (tree, outOfBag) in forest.Members)
        {
            if (outOfBag.Length < 2)
            {
                continue;
            }

            counted++;
            var baseline = outOfBag.Average(i => Square(tree.Predict(x[i]) - y[i]));
            for (var j = 0; j < features; j++)
            {
                var sum = 0.0;
                for (var repeat = 0; repeat < Repeats; repeat++)
                {
                    var shuffled = outOfBag.Select(i => x[i][j]).OrderBy(_ => random.Next()).ToArray();
                    var error = 0.0;
                    for (var k = 0; k < outOfBag.Length; k++)
                    {
                        var row = (double[])x[outOfBag[k]].Clone();
                        row[j] = shuffled[k];
                        error += Square(tree.Predict(row) - y[outOfBag[k]]);
                    }

                    sum += (error / outOfBag.Length) - baseline;
                }

                increase[j] += sum / Repeats;
            }
        }

        return counted == 0 ? increase : [.. increase.Select(v => v / counted)];
    }

    /// <summary>One parameter as a numeric column: numbers as they are, categories by their mean objective rank, absent below all.</summary>
    internal static double[] Encode(IReadOnlyList<ImportanceSample> samples, string name, double[] targetRanks)
    {
        var values = samples.Select(s => s.Parameters.TryGetValue(name, out var v) ? v : (ParameterValue?)null).ToArray();
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        double[] column;
        if (present.All(v => v.IsNumeric || v.Kind == ParameterValueKind.Boolean))
        {
            column = [.. values.Select(v => v is { } p ? p.AsDouble() : double.NaN)];
        }
        else
        {
            var order = values
                .Select((v, i) => (Key: v?.AsString(), Rank: targetRanks[i]))
                .Where(e => e.Key is not null)
                .GroupBy(e => e.Key!, StringComparer.Ordinal)
                .OrderBy(g => g.Average(e => e.Rank))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select((g, position) => (g.Key, position))
                .ToDictionary(e => e.Key, e => (double)e.position, StringComparer.Ordinal);
            column = [.. values.Select(v => v is { } p ? order[p.AsString()] : double.NaN)];
        }

        var finite = column.Where(double.IsFinite).ToList();
        var absent = finite.Count == 0 ? -1 : finite.Min() - 1 - (finite.Max() - finite.Min());
        return [.. column.Select(v => double.IsFinite(v) ? v : absent)];
    }

    /// <summary>Average ranks (1-based; ties share their mean rank).</summary>
    internal static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Square(double v) => v * v;
}
