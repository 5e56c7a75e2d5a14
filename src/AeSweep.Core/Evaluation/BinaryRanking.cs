namespace AeSweep.Core.Evaluation;

/// <summary>
/// How well a score ranks positives (anomalies) above negatives, threshold-free: the area under the ROC curve and
/// average precision. Higher scores mean "more likely positive".
/// </summary>
public static class BinaryRanking
{
    /// <summary>
    /// The area under the ROC curve, computed as the Mann–Whitney statistic: the probability that a random positive
    /// scores above a random negative, ties counting one half (mid-ranks). Equal to scikit-learn's
    /// <c>roc_auc_score</c>. Needs at least one positive and one negative.
    /// </summary>
    public static double Auroc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (positives, negatives) = Check(scores, positive);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Sum of the positives' ranks (1-based), each tie group sharing its mean rank.
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var meanRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (positive[order[k]])
                {
                    positiveRankSum += meanRank;
                }
            }

            start = end + 1;
        }

        var u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over the thresholds at each distinct score, highest first, where Pₖ and Rₖ
    /// are the precision and recall of calling every score ≥ the threshold positive (tied scores enter together).
    /// Equal to scikit-learn's <c>average_precision_score</c>; a random ranking scores about the share of positives.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (positives, _) = Check(scores, positive);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double truePositives = 0;
        double called = 0;
        double previousRecall = 0;
        double sum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                called++;
                if (positive[order[k]])
                {
                    truePositives++;
                }
            }

            var recall = truePositives / positives;
            sum += (recall - previousRecall) * (truePositives / called);
            previousRecall = recall;
            start = end + 1;
        }

        return sum;
    }

    private static (long Positives, long Negatives) Check(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores for {positive.Count} labels");
        }

        if (scores.Any(s => double.IsNaN(s)))
        {
            throw new ArgumentException("a score is NaN; ranking needs comparable scores");
        }

        long positives = positive.Count(p => p);
        long negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"ranking needs positives and negatives, got {positives} and {negatives}");
        }

        return (positives, negatives);
    }
}
