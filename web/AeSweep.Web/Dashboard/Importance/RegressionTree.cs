namespace AeSweep.Web.Dashboard.Importance;

/// <summary>
/// A CART regression tree (variance-reduction splits on numeric features, leaves predict the mean), the building block
/// of <see cref="RegressionForest"/>. Small on purpose: a sweep has tens to hundreds of trials and a handful of parameters.
/// </summary>
internal sealed class RegressionTree
{
    private readonly List<Node> _nodes = [];

    private RegressionTree()
    {
    }

    /// <summary>
    /// Fits a tree on the given rows of <c>x</c> (rows may repeat: a bootstrap sample); each split considers
    /// <c>maxFeatures</c> randomly chosen features (all when that is at least the feature count).
    /// </summary>
    public static RegressionTree Fit(double[][] x, double[] y, IReadOnlyList<int> rows, Random random, int maxFeatures, int minLeaf = 2, int maxDepth = 8)
    {
        var tree = new RegressionTree();
        tree.Grow(x, y, [.. rows], random, maxFeatures, minLeaf, maxDepth, depth: 0);
        return tree;
    }

    public int NodeCount => _nodes.Count;

    public double Predict(double[] row)
    {
        var index = 0;
        while (true)
        {
            var node = _nodes[index];
            if (node.Feature < 0)
            {
                return node.Value;
            }

            index = row[node.Feature] <= node.Threshold ? node.Left : node.Right;
        }
    }

    private int Grow(double[][] x, double[] y, int[] rows, Random random, int maxFeatures, int minLeaf, int maxDepth, int depth)
    {
        var index = _nodes.Count;
        var mean = rows.Average(r => y[r]);
        _nodes.Add(new Node(-1, 0, -1, -1, mean));
        if (depth >= maxDepth || rows.Length < 2 * minLeaf)
        {
            return index;
        }

        var featureCount = x[rows[0]].Length;
        var candidates = Enumerable.Range(0, featureCount).OrderBy(_ => random.Next()).Take(Math.Clamp(maxFeatures, 1, featureCount));
        var best = (Gain: 1e-12, Feature: -1, Threshold: 0.0);
        var totalSum = rows.Sum(r => y[r]);
        var totalSquares = rows.Sum(r => y[r] * y[r]);
        var parentError = totalSquares - (totalSum * totalSum / rows.Length);
        foreach (var feature in candidates)
        {
            var sorted = rows.OrderBy(r => x[r][feature]).ToArray();
            double leftSum = 0, leftSquares = 0;
            for (var i = 0; i < sorted.Length - 1; i++)
            {
                var v = y[sorted[i]];
                leftSum += v;
                leftSquares += v * v;
                var leftCount = i + 1;
                var rightCount = sorted.Length - leftCount;
                var here = x[sorted[i]][feature];
                var next = x[sorted[i + 1]][feature];
                if (leftCount < minLeaf || rightCount < minLeaf || here == next)
                {
                    continue;
                }

                var rightSum = totalSum - leftSum;
                var rightSquares = totalSquares - leftSquares;
                var error = (leftSquares - (leftSum * leftSum / leftCount)) + (rightSquares - (rightSum * rightSum / rightCount));
                var gain = parentError - error;
                if (gain > best.Gain)
                {
                    best = (gain, feature, (here + next) / 2);
                }
            }
        }

        if (best.Feature < 0)
        {
            return index;
        }

        var left = rows.Where(r => x[r][best.Feature] <= best.Threshold).ToArray();
        var right = rows.Where(r => x[r][best.Feature] > best.Threshold).ToArray();
        var leftIndex = Grow(x, y, left, random, maxFeatures, minLeaf, maxDepth, depth + 1);
        var rightIndex = Grow(x, y, right, random, maxFeatures, minLeaf, maxDepth, depth + 1);
        _nodes[index] = new Node(best.Feature, best.Threshold, leftIndex, rightIndex, mean);
        return index;
    }

    private readonly record struct Node(int Feature, double Threshold, int Left, int Right, double Value);
}
