using AeSweep.Core.Search.MultiObjective;

namespace AeSweep.Core.Tests.Search.MultiObjective;

/// <summary>Dominance, non-dominated sorting and the hypervolume (2 and 3 objectives), against hand-computed answers.</summary>
public sealed class ParetoFrontTests
{
    private static IReadOnlyList<IReadOnlyList<double>> Points(params double[][] points) => points;

    [Fact]
    public void A_point_dominates_only_when_no_worse_everywhere_and_better_somewhere()
    {
        Assert.True(ParetoFront.Dominates([1, 2], [1, 3]));
        Assert.False(ParetoFront.Dominates([1, 2], [1, 2]));
        Assert.False(ParetoFront.Dominates([1, 4], [2, 3]));
    }

    [Fact]
    public void Non_dominated_sorting_peels_the_fronts_in_order()
    {
        var points = Points([1, 5], [2, 3], [4, 1], [2, 4], [5, 5], [3, 3], [double.NaN, 0]);

        var ranks = ParetoFront.Ranks(points);

        Assert.Equal([0, 0, 0, 1, 2, 1, int.MaxValue], ranks);
        Assert.Equal([0, 1, 2], ParetoFront.Indices(points));
    }

    [Fact]
    public void The_front_of_random_points_is_non_dominated_and_dominates_the_rest()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble(), random.NextDouble()]).ToList();

        var front = ParetoFront.Indices(points);

        Assert.All(front, i => Assert.DoesNotContain(points, p => ParetoFront.Dominates(p, points[i])));
        Assert.All(Enumerable.Range(0, points.Count).Except(front), i => Assert.Contains(front, f => ParetoFront.Dominates(points[f], points[i])));
    }

    [Fact]
    public void Two_objective_hypervolume_is_the_area_of_the_staircase()
    {
        // Rectangles from (1,3), (2,2), (3,1) to (4,4): 3·1 + 2·1 + 1·1 = 6; (3,3) is dominated, (5,0) lies outside.
        var volume = Hypervolume.Compute(Points([1, 3], [2, 2], [3, 1], [3, 3], [5, 0]), [4, 4]);

        Assert.Equal(6, volume, 12);
    }

    [Fact]
    public void Three_objective_hypervolume_matches_inclusion_exclusion()
    {
        // Boxes to (1,1,1): a = 0.5·1·1, b = 1·0.5·1, their intersection 0.5·0.5·1 → 0.75; c = 1·1·0.5 adds 0.5·0.25 → 0.875.
        var volume = Hypervolume.Compute(Points([0.5, 0, 0], [0, 0.5, 0], [0, 0, 0.5]), [1, 1, 1]);

        Assert.Equal(0.875, volume, 12);
    }

    [Fact]
    public void Three_objective_hypervolume_agrees_with_a_monte_carlo_estimate()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 15).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble(), random.NextDouble()]).ToList();
        var hits = 0;
        const int samples = 200_000;
        for (var s = 0; s < samples; s++)
        {
            double[] q = [random.NextDouble(), random.NextDouble(), random.NextDouble()];
            hits += points.Any(p => p[0] <= q[0] && p[1] <= q[1] && p[2] <= q[2]) ? 1 : 0;
        }

        Assert.Equal((double)hits / samples, Hypervolume.Compute(points, [1, 1, 1]), 2);
    }

    [Fact]
    public void Contributions_are_zero_for_dominated_points_and_the_exclusive_area_for_front_points()
    {
        var contributions = Hypervolume.Contributions(Points([1, 3], [2, 2], [3, 1], [3, 3]), [4, 4]);

        Assert.Equal([1, 1, 1, 0], contributions.Select(c => Math.Round(c, 12)));
    }
}
