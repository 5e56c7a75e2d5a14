using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Trials;
using static AeSweep.Core.Tests.Search.Pruners.TrialHistory;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class HyperbandPrunerTests
{
    [Fact]
    public void Bracket_sizes_follow_the_papers_formulas_for_R_81_and_eta_3()
    {
        // Li et al. (2018), Table 1: s_max = 4; n = ⌈(s_max+1)/(s+1)·η^s⌉ = 81, 34, 15, 8, 5; r = R·η^(−s) = 1, 3, 9, 27, 81.
        var hyperband = new HyperbandPruner(minResource: 1, maxResource: 81, reductionFactor: 3);

        Assert.Equal([4, 3, 2, 1, 0], hyperband.Brackets.Select(b => b.S));
        Assert.Equal([81, 34, 15, 8, 5], hyperband.Brackets.Select(b => b.TrialBudget));
        Assert.Equal([1L, 3, 9, 27, 81], hyperband.Brackets.Select(b => b.MinResource));
    }

    [Theory]
    [InlineData(1, 27, 3, 4)]
    [InlineData(2, 20, 3, 3)]
    [InlineData(1, 8, 2, 4)]
    [InlineData(5, 5, 3, 1)]
    public void Bracket_count_is_floor_log_eta_of_max_over_min_plus_one(int min, int max, int eta, int expected) =>
        Assert.Equal(expected, new HyperbandPruner(min, max, eta).Brackets.Length);

    [Fact]
    public void Trials_are_spread_over_brackets_in_proportion_to_their_budgets_and_deterministically()
    {
        var hyperband = new HyperbandPruner(1, 81, 3);

        var counts = Enumerable.Range(0, 14_300).GroupBy(hyperband.BracketOf).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(5, counts.Count);
        for (var i = 0; i < 5; i++)
        {
            var expected = 14_300.0 * hyperband.Brackets[i].TrialBudget / 143;
            Assert.InRange(counts[i], expected * 0.85, expected * 1.15);
        }

        Assert.Equal(hyperband.BracketOf(1234), new HyperbandPruner(1, 81, 3).BracketOf(1234));
    }

    [Fact]
    public void A_trial_competes_only_within_its_bracket()
    {
        var hyperband = new HyperbandPruner(1, 9, 3);
        var number = Enumerable.Range(0, 1000).First(n => hyperband.BracketOf(n) == 0);
        var otherBracket = Enumerable.Range(0, 1000).Where(n => hyperband.BracketOf(n) != 0).Take(5)
            .Select(n => Trial(n, TrialState.Running, 0.01)).ToList();

        // Better trials exist, but in other brackets: alone in bracket 0, the trial is a new best there.
        Assert.False(hyperband.ShouldPrune(Context(Trial(number, TrialState.Running, 0.5), otherBracket)));

        var sameBracket = Enumerable.Range(0, 1000).Where(n => n != number && hyperband.BracketOf(n) == 0).Take(5)
            .Select(n => Trial(n, TrialState.Running, 0.01));
        Assert.True(hyperband.ShouldPrune(Context(Trial(number, TrialState.Running, 0.5), sameBracket)));
    }
}
