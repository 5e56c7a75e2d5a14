namespace AeSweep.Web.Dashboard.Importance;

/// <summary>Bagged <see cref="RegressionTree"/>s (a random forest), remembering each tree's out-of-bag rows.</summary>
internal sealed class RegressionForest
{
    private RegressionForest(IReadOnlyList<(RegressionTree Tree, int[] OutOfBag)> members) => Members = members;

    public IReadOnlyList<(RegressionTree Tree, int[] OutOfBag)> Members { get; }

    public static RegressionForest Fit(double[][] x, double[] y, int trees, Random random)
    {
        var n = y.Length;
        var features = x.Length == 0 ? 0 : x[0].Length;
        // Half the features per split (at least one): decorrelates trees without starving the few parameters a sweep has.
        var maxFeatures = Math.Max(1, (int)Math.Ceiling(features / 2.0));
        var members = new List<(RegressionTree, int[])>(trees);
        for (var t = 0; t < trees; t++)
        {
            var sample = new int[n];
            var inBag = new bool[n];
            for (var i = 0; i < n; i++)
            {
                sample[i] = random.Next(n);
                inBag[sample[i]] = true;
            }

            var outOfBag = Enumerable.Range(0, n).Where(i => !inBag[i]).ToArray();
            members.Add((RegressionTree.Fit(x, y, sample, random, maxFeatures), outOfBag));
        }

        return new RegressionForest(members);
    }

    public double Predict(double[] row) => Members.Average(m => m.Tree.Predict(row));
}
