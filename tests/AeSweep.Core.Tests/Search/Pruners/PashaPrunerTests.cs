using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;
using static AeSweep.Core.Tests.Search.Pruners.TrialHistory;

namespace AeSweep.Core.Tests.Search.Pruners;

public sealed class PashaPrunerTests
{
    // Rungs at epochs 1, 3 and 9, below the full 27.
    private readonly PashaPruner _pasha = new(minResource: 1, reductionFactor: 3, maxResource: 27);

    [Fact]
    public void Rungs_are_ashas_below_the_full_budget()
    {
        Assert.Equal(3, _pasha.RungCount);
        Assert.Equal([1L, 3, 9], Enumerable.Range(0, _pasha.RungCount).Select(_pasha.RungStep));
        Assert.Equal(1, _pasha.CurrentMaxRung([], MetricGoal.Minimize));
    }

    [Fact]
    public void While_the_ranking_is_stable_only_the_best_trial_at_the_maximum_rung_goes_on()
    {
        // Rung 1 (epoch 3) is the maximum. With six trials there ASHA would promote the top two, so the
        // second best (0.395) would go on; PASHA keeps the rung closed to all but a new best.
        var second = Trial(9, TrialState.Running, 0.505, 0.45, 0.395);
        Assert.False(new SuccessiveHalvingPruner(1, 3).ShouldPrune(Context(second, NoisyButStable())));

        Assert.Equal(1, _pasha.CurrentMaxRung([.. NoisyButStable(), second], MetricGoal.Minimize));
        Assert.True(_pasha.ShouldPrune(Context(second, NoisyButStable())));
        Assert.False(_pasha.ShouldPrune(Context(Trial(9, TrialState.Running, 0.505, 0.45, 0.38), NoisyButStable())));
    }

    [Fact]
    public void The_trial_that_led_the_maximum_rung_trains_to_the_end()
    {
        var leader = Trial(9, TrialState.Running, 0.505, 0.45, 0.38, 0.37, 0.36, 0.35, 0.34, 0.33, 0.9);

        Assert.False(_pasha.ShouldPrune(Context(leader, NoisyButStable())));
    }

    [Fact]
    public void A_ranking_that_changes_beyond_the_noise_raises_the_maximum_one_rung()
    {
        // Without the flip-flopping pair ε is 0, so the swap of the two best between epochs 1 and 3 is a real change.
        var trials = NoisyButStable().Select(t => t.Number == 3 ? Trial(3, TrialState.Running, 0.9, 0.8, 0.65) : t).ToList();
        var second = Trial(9, TrialState.Running, 0.505, 0.45, 0.395);

        Assert.Equal(2, _pasha.CurrentMaxRung([.. trials, second], MetricGoal.Minimize));
        Assert.False(_pasha.ShouldPrune(Context(second, trials)));
    }

    [Fact]
    public void Once_every_rung_is_unstable_pasha_is_asha()
    {
        // Three trials whose order reverses at every rung: rungs 1 and 2 are both unstable, so no maximum is left.
        FrozenTrial[] trials =
        [
            Trial(0, TrialState.Running, 0.1, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.1),
            Trial(1, TrialState.Running, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2),
            Trial(2, TrialState.Running, 0.3, 0.2, 0.1, 0.15, 0.15, 0.15, 0.15, 0.15, 0.3),
        ];

        Assert.Equal(_pasha.RungCount, _pasha.CurrentMaxRung(trials, MetricGoal.Minimize));
    }

    [Fact]
    public void A_diverged_trial_stops_at_its_next_rung()
    {
        Assert.True(_pasha.ShouldPrune(Context(Trial(9, TrialState.Running, double.NaN), [])));
        Assert.False(_pasha.ShouldPrune(Context(Trial(9, TrialState.Running, 0.5, double.NaN), [])));
    }

    [Fact]
    public void On_curves_that_rank_early_pasha_trains_less_than_asha_and_the_best_trial_still_completes()
    {
        var (pashaEpochs, pashaStudy) = RunSequentially(new PashaPruner(1, 3, 27));
        var (ashaEpochs, _) = RunSequentially(new SuccessiveHalvingPruner(1, 3));

        Assert.True(pashaEpochs < ashaEpochs, $"pasha {pashaEpochs} epochs, asha {ashaEpochs}");
        Assert.Equal(TrialState.Completed, pashaStudy.GetTrial(RankEarlyAsymptotes.IndexOf(RankEarlyAsymptotes.Min())).State);
        Assert.All(pashaStudy.Trials.Where(t => t.State == TrialState.Pruned), t => Assert.True(t.LastStep <= 3));
    }

    private static readonly List<double> RankEarlyAsymptotes = [.. Enumerable.Range(0, 243).Select(i => 0.001 * (1 + ((i * 101) % 243)))];

    // 243 trials one after another, each a + 0.5·exp(−t/3): every curve has the same shape, so they never cross.
    private static (int Epochs, Study Study) RunSequentially(IPruner pruner)
    {
        var study = new Study(SearchSpace.Empty, new RandomSampler(0), pruner, MetricGoal.Minimize);
        var epochs = 0;
        foreach (var (a, number) in RankEarlyAsymptotes.Select((a, i) => (a, i)))
        {
            study.Ask(number);
            for (var t = 1; t <= 27; t++)
            {
                epochs++;
                var value = a + (0.5 * Math.Exp(-t / 3.0));
                if (study.Report(number, t, value) == TrialDecision.Prune)
                {
                    study.Tell(number, TrialState.Pruned);
                    break;
                }

                if (t == 27)
                {
                    study.Tell(number, value);
                }
            }
        }

        return (epochs, study);
    }

    // Five trials at epoch 3. The two best swap places between epoch 1 and 3 by 0.01; trials 2 and 3 swap at
    // epoch 2 and back at epoch 3, 0.05 apart: the curves' noise, so ε = 0.05 and the small swap does not count.
    private static FrozenTrial[] NoisyButStable() =>
    [
        Trial(0, TrialState.Running, 0.50, 0.45, 0.40),
        Trial(1, TrialState.Running, 0.51, 0.44, 0.39),
        Trial(2, TrialState.Running, 0.80, 0.75, 0.60),
        Trial(3, TrialState.Running, 0.90, 0.70, 0.65),
        Trial(4, TrialState.Running, 0.95, 0.90, 0.85),
    ];
}
