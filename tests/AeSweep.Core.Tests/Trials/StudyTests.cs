using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Tests.Search.Samplers;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Tests.Trials;

public sealed class StudyTests
{
    private static Study NewStudy(IPruner? pruner = null, MetricGoal goal = MetricGoal.Minimize) =>
        new(Spaces.Square, new RandomSampler(1), pruner ?? NopPruner.Instance, goal);

    [Fact]
    public void Ask_creates_numbered_running_trials_inside_the_space()
    {
        var study = NewStudy();

        var a = study.Ask();
        var b = study.Ask();

        Assert.Equal((0, 1), (a.Number, b.Number));
        Assert.Equal(TrialState.Running, study.GetTrial(1).State);
        Assert.Empty(Spaces.Square.Check(a.Parameters));
    }

    [Fact]
    public void A_finished_trial_cannot_change_again()
    {
        var study = NewStudy();
        var s = study.Ask();
        study.Tell(s.Number, 0.5);

        Assert.Throws<TrialStateException>(() => study.Tell(s.Number, 0.4));
        Assert.Throws<TrialStateException>(() => study.Tell(s.Number, TrialState.Failed, reason: "late"));
        Assert.Throws<TrialStateException>(() => study.Report(s.Number, 3, 0.1));
        Assert.Equal(0.5, study.GetTrial(s.Number).Value);
    }

    [Fact]
    public void A_lost_workers_trial_goes_back_to_pending_and_runs_again()
    {
        var study = NewStudy();
        var s = study.Ask();

        study.Tell(s.Number, TrialState.Pending, reason: "worker lost");
        Assert.Throws<TrialStateException>(() => study.Report(s.Number, 1, 0.3));
        study.Tell(s.Number, TrialState.Running);
        study.Report(s.Number, 1, 0.3);

        Assert.Equal(TrialState.Completed, study.Tell(s.Number, 0.2).State);
    }

    [Fact]
    public void Nan_value_fails_the_trial_and_a_pruned_trial_keeps_its_last_intermediate_value()
    {
        var study = NewStudy();
        var nan = study.Ask();
        var pruned = study.Ask();
        study.Report(pruned.Number, 1, 0.9);
        study.Report(pruned.Number, 2, 0.7);

        Assert.Equal(TrialState.Failed, study.Tell(nan.Number, double.NaN).State);
        Assert.Equal(0.7, study.Tell(pruned.Number, TrialState.Pruned).Value);
    }

    [Fact]
    public void Report_asks_the_pruner_and_records_the_value()
    {
        var study = NewStudy(new SuccessiveHalvingPruner(1, 3));
        var first = study.Ask();
        Assert.Equal(TrialDecision.Continue, study.Report(first.Number, 1, 0.1));
        var second = study.Ask();

        Assert.Equal(TrialDecision.Prune, study.Report(second.Number, 1, 0.5));
        Assert.Equal(0.5, study.GetTrial(second.Number).IntermediateValues[1]);
    }

    [Fact]
    public void Best_trial_follows_the_goal()
    {
        var study = NewStudy(goal: MetricGoal.Maximize);
        foreach (var v in new[] { 0.2, 0.9, 0.5 })
        {
            study.Tell(study.Ask().Number, v);
        }

        Assert.Equal(0.9, study.BestTrial!.Value);
    }

    [Fact]
    public void Restoring_keeps_the_stored_numbers_and_rejects_duplicate_numbers()
    {
        var original = NewStudy();
        RunThree(original);
        var restored = new Study(Spaces.Square, new RandomSampler(1), NopPruner.Instance, MetricGoal.Minimize, original.Trials.Reverse());

        Assert.Equal([0, 1, 2], restored.Trials.Select(t => t.Number));
        Assert.Throws<ArgumentException>(() => new Study(Spaces.Square, new RandomSampler(1), NopPruner.Instance, MetricGoal.Minimize, [.. original.Trials, original.Trials[0]]));

        static void RunThree(Study s)
        {
            for (var i = 0; i < 3; i++)
            {
                s.Tell(s.Ask().Number, i);
            }
        }
    }

    [Fact]
    public void A_trial_takes_the_number_the_store_assigns_and_a_taken_number_is_refused()
    {
        var study = NewStudy();

        var stored = study.Ask(41);

        Assert.Equal(41, stored.Number);
        Assert.Equal(TrialState.Running, study.GetTrial(41).State);
        Assert.Throws<ArgumentException>(() => study.Ask(41));
        Assert.Throws<ArgumentException>(() => study.Ask(-1));
    }

    [Fact]
    public void The_samplers_stream_derives_from_the_given_number()
    {
        // The random sampler draws from (seed, number) only: the store's number decides the configuration.
        var a = NewStudy().Ask(7);
        var b = NewStudy().Ask(7);
        var c = NewStudy().Ask(8);

        Assert.Equal(a.Parameters, b.Parameters);
        Assert.NotEqual(a.Parameters, c.Parameters);
    }

    [Fact]
    public void Completed_without_a_value_is_rejected()
    {
        var study = NewStudy();

        Assert.Throws<ArgumentException>(() => study.Tell(study.Ask().Number, TrialState.Completed));
    }

    [Fact]
    public void Unknown_trial_numbers_are_reported() =>
        Assert.Throws<KeyNotFoundException>(() => NewStudy().Tell(42, 0.1));
}
