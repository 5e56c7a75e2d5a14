using AeSweep.Core.Evaluation;

namespace AeSweep.Core.Tests.Evaluation;

/// <summary>AUROC (Mann–Whitney, ties as halves) and average precision against values worked out by hand and scikit-learn's.</summary>
public sealed class BinaryRankingTests
{
    private static bool[] Labels(params int[] labels) => [.. labels.Select(l => l == 1)];

    [Fact]
    public void Scikit_learns_documented_example_gives_its_documented_values()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75; average_precision_score(same) == 0.8333...
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        var positive = Labels(0, 0, 1, 1);

        Assert.Equal(0.75, BinaryRanking.Auroc(scores, positive), 12);
        Assert.Equal(5.0 / 6.0, BinaryRanking.AveragePrecision(scores, positive), 12);
    }

    [Fact]
    public void A_perfect_ranking_scores_one_and_a_reversed_one_zero()
    {
        double[] scores = [0.1, 0.2, 0.3, 0.9, 1.0];
        var positive = Labels(0, 0, 0, 1, 1);

        Assert.Equal(1.0, BinaryRanking.Auroc(scores, positive), 12);
        Assert.Equal(1.0, BinaryRanking.AveragePrecision(scores, positive), 12);
        Assert.Equal(0.0, BinaryRanking.Auroc(scores, Labels(1, 1, 0, 0, 0)), 12);
    }

    [Fact]
    public void Ties_count_one_half_in_auroc_and_enter_together_in_average_precision()
    {
        // All scores equal: every positive-negative pair is a tie (AUROC 0.5); the one threshold calls all positive,
        // precision 2/4 at recall 1 (AP 0.5).
        double[] flat = [0.5, 0.5, 0.5, 0.5];
        Assert.Equal(0.5, BinaryRanking.Auroc(flat, Labels(0, 1, 0, 1)), 12);
        Assert.Equal(0.5, BinaryRanking.AveragePrecision(flat, Labels(0, 1, 0, 1)), 12);

        // Positives at 0.9 and 0.3; negatives at 0.9, 0.3, 0.1. Pairs (positive above negative): 0.9 beats 0.3 and 0.1
        // and ties 0.9 (2.5); 0.3 ties 0.3 and beats 0.1 (1.5): U = 4, AUROC = 4 / 6.
        // Thresholds: ≥ 0.9 → 1 of 2 called, recall 1/2, precision 1/2; ≥ 0.3 → 2 of 4, recall 1, precision 1/2:
        // AP = 1/2·1/2 + 1/2·1/2 = 0.5 (scikit-learn: average_precision_score([1,0,1,0,0], [.9,.9,.3,.1,.3]) == 0.5).
        double[] scores = [0.9, 0.9, 0.3, 0.1, 0.3];
        var positive = Labels(1, 0, 1, 0, 0);
        Assert.Equal(4.0 / 6.0, BinaryRanking.Auroc(scores, positive), 12);
        Assert.Equal(0.5, BinaryRanking.AveragePrecision(scores, positive), 12);
    }

    [Fact]
    public void Auroc_equals_the_share_of_positive_negative_pairs_ranked_right_on_random_data()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 300).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray(); // rounding makes ties
        var positive = scores.Select(s => random.NextDouble() < 0.2 + (0.5 * s)).ToArray();
        double pairs = 0;
        double right = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (positive[i] && !positive[j])
                {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(right / pairs, BinaryRanking.Auroc(scores, positive), 12);
    }

    [Fact]
    public void Ranking_needs_both_classes_and_one_label_per_score()
    {
        Assert.Throws<ArgumentException>(() => BinaryRanking.Auroc([0.1, 0.2], Labels(1, 1)));
        Assert.Throws<ArgumentException>(() => BinaryRanking.AveragePrecision([0.1, 0.2], Labels(0, 0)));
        Assert.Throws<ArgumentException>(() => BinaryRanking.Auroc([0.1, 0.2, 0.3], Labels(0, 1)));
        Assert.Throws<ArgumentException>(() => BinaryRanking.Auroc([0.1, double.NaN], Labels(0, 1)));
    }
}
