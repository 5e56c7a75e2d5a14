using AeSweep.Core.Definitions;
using AeSweep.Core.Sweeps;
using AeSweep.Core.Trials;
using Microsoft.Extensions.Time.Testing;

namespace AeSweep.Core.Tests.Sweeps;

/// <summary>Every rule and reason of <see cref="SweepPolicy"/>, with a fake clock for the time budget.</summary>
public sealed class SweepPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private SweepPolicy Policy(int? maxTrials = 10, int maxParallel = 2, double? maxMinutes = null, int maxFailed = 3, bool askTell = false, EarlyTerminateType pruning = EarlyTerminateType.Asha) =>
        new(new BudgetSpec(maxTrials, maxParallel, maxMinutes) { MaxFailedTrials = maxFailed }, "loss", pruning, askTell, _time);

    private static SweepProgress Progress(int trials, int inFlight, bool exhausted = false, bool finished = false) =>
        new(trials, inFlight, exhausted, Start, finished);

    [Theory]
    [InlineData(0, 0, 2)]
    [InlineData(1, 1, 1)]
    [InlineData(5, 2, 0)]
    [InlineData(9, 0, 1)]
    [InlineData(10, 0, 0)]
    public void Suggests_up_to_the_free_parallel_places_within_the_trial_budget(int trials, int inFlight, int expected) =>
        Assert.Equal(expected, Policy().TrialsToSuggest(Progress(trials, inFlight)));

    [Fact]
    public void Without_max_trials_only_parallelism_limits_suggestions() =>
        Assert.Equal(3, Policy(maxTrials: null, maxParallel: 4).TrialsToSuggest(Progress(1000, 1)));

    [Fact]
    public void Suggests_nothing_for_an_ask_and_tell_exhausted_finished_or_overdue_sweep()
    {
        Assert.Equal(0, Policy(askTell: true).TrialsToSuggest(Progress(0, 0)));
        Assert.Equal(0, Policy().TrialsToSuggest(Progress(0, 0, exhausted: true)));
        Assert.Equal(0, Policy().TrialsToSuggest(Progress(0, 0, finished: true)));

        var timed = Policy(maxMinutes: 1);
        Assert.Equal(2, timed.TrialsToSuggest(Progress(0, 0)));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, timed.TrialsToSuggest(Progress(0, 0)));
    }

    [Fact]
    public void The_deadline_counts_from_the_start_and_never_passes_before_it()
    {
        var policy = Policy(maxMinutes: 2);
        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.False(policy.DeadlinePassed(Start));
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.True(policy.DeadlinePassed(Start));
        Assert.False(policy.DeadlinePassed(null));
        Assert.False(Policy().DeadlinePassed(Start - TimeSpan.FromDays(365)));
        Assert.True(policy.HasDeadline);
        Assert.False(Policy().HasDeadline);
    }

    [Fact]
    public void Ask_is_refused_on_a_worker_sweep_and_a_finished_one()
    {
        Assert.Equal(SweepPolicy.NotAskTellRefusal, Policy().AskRefusal(Progress(0, 0)));
        Assert.Equal("the sweep has finished", Policy(askTell: true).AskRefusal(Progress(0, 0, finished: true)));
    }

    [Fact]
    public void Ask_is_refused_when_the_budget_is_spent_naming_which_budget()
    {
        Assert.Equal("budget.max_trials reached", Policy(askTell: true).AskRefusal(Progress(10, 0)));

        var timed = Policy(maxMinutes: 5, askTell: true);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("budget.max_minutes reached", timed.AskRefusal(Progress(10, 0)));
    }

    [Fact]
    public void Ask_is_refused_at_max_parallel_and_when_the_space_is_exhausted()
    {
        Assert.Equal("budget.max_parallel reached: 2 asked trial(s) not told yet", Policy(askTell: true).AskRefusal(Progress(3, 2)));
        Assert.Equal("the search space is exhausted", Policy(askTell: true).AskRefusal(Progress(3, 0, exhausted: true)));
        Assert.Null(Policy(askTell: true).AskRefusal(Progress(3, 1)));
    }

    [Fact]
    public void The_sweep_completes_when_nothing_is_in_flight_and_nothing_more_may_come()
    {
        var none = new FailureStreak();
        Assert.Null(Policy().EndNow(Progress(10, 1), none));
        Assert.Null(Policy().EndNow(Progress(3, 0), none));
        Assert.Equal(new SweepEnd(SweepEndState.Completed, "budget.max_trials reached"), Policy().EndNow(Progress(10, 0), none));
        Assert.Equal(new SweepEnd(SweepEndState.Completed, "the search space is exhausted"), Policy().EndNow(Progress(4, 0, exhausted: true), none));
        Assert.Null(Policy().EndNow(Progress(10, 0, finished: true), none));

        var timed = Policy(maxTrials: null, maxMinutes: 1);
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new SweepEnd(SweepEndState.Completed, "budget.max_minutes reached"), timed.EndNow(Progress(4, 0), none));
    }

    [Fact]
    public void An_ask_and_tell_sweep_completes_the_same_way() =>
        Assert.Equal(new SweepEnd(SweepEndState.Completed, "budget.max_trials reached"), Policy(askTell: true).EndNow(Progress(10, 0), new FailureStreak()));

    [Fact]
    public void Failures_in_a_row_fail_the_sweep_even_with_trials_in_flight()
    {
        var failures = FailureStreak.FromOutcomes([(TrialState.Failed, "a"), (TrialState.Failed, "b")]);
        Assert.Null(Policy().EndNow(Progress(2, 1), failures));
        failures.Record(TrialState.Failed, "exit code 127");

        Assert.Equal(
            new SweepEnd(SweepEndState.Failed, "3 trials failed in a row (budget.max_failed_trials: 3); the last failure: exit code 127"),
            Policy().EndNow(Progress(3, 1), failures));
    }

    [Fact]
    public void A_completed_or_pruned_trial_ends_the_failure_streak_and_a_cancelled_one_does_not()
    {
        var failures = FailureStreak.FromOutcomes([(TrialState.Failed, "a"), (TrialState.Completed, null), (TrialState.Failed, "b"), (TrialState.Cancelled, "c")]);
        Assert.Equal((1, "b"), (failures.Count, failures.LastReason));

        failures.Record(TrialState.Pruned, null);
        Assert.Equal((0, (string?)null), (failures.Count, failures.LastReason));
    }

    [Fact]
    public void The_failure_reason_quotes_the_head_of_a_long_last_failure_and_says_when_there_was_none()
    {
        var one = FailureStreak.FromOutcomes([(TrialState.Failed, null)]);
        Assert.Equal("1 trial failed in a row (budget.max_failed_trials: 1); the last failure: no reason given", one.Describe(1));

        var long_ = FailureStreak.FromOutcomes([(TrialState.Failed, new string('x', 5000))]);
        Assert.EndsWith(new string('x', 3000) + " …", long_.Describe(1));
    }

    [Fact]
    public void The_deadline_ends_the_sweep_at_once_with_trials_in_flight()
    {
        var policy = Policy(maxMinutes: 1);
        Assert.Null(policy.EndAtDeadline(Progress(2, 2)));
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(new SweepEnd(SweepEndState.Completed, "budget.max_minutes reached"), policy.EndAtDeadline(Progress(2, 2)));
        Assert.Null(policy.EndAtDeadline(Progress(2, 2, finished: true)));
        Assert.Null(policy.EndAtDeadline(new SweepProgress(0, 0, false, null)));
    }

    [Theory]
    [InlineData(EarlyTerminateType.Asha, "pruned by the asha rule after epoch 4")]
    [InlineData(EarlyTerminateType.Median, "pruned by the median rule after epoch 4")]
    [InlineData(EarlyTerminateType.Hyperband, "pruned by the hyperband rule after epoch 4")]
    [InlineData(EarlyTerminateType.Pasha, "pruned by the pasha rule after epoch 4")]
    public void A_trial_pruned_without_a_reason_names_the_rule_and_the_epoch(EarlyTerminateType rule, string reason) =>
        Assert.Equal(reason, Policy(pruning: rule).Judge(TrialState.Pruned, new Dictionary<string, double>(), null, 4).Reason);

    [Fact]
    public void Failed_and_cancelled_trials_without_a_reason_get_one_and_given_reasons_stay()
    {
        Assert.Equal("the trainer reported a failure without a reason", Policy().Judge(TrialState.Failed, new Dictionary<string, double>(), null, 0).Reason);
        Assert.Equal("cancelled on its worker", Policy().Judge(TrialState.Cancelled, new Dictionary<string, double>(), null, 0).Reason);
        Assert.Equal("out of memory", Policy().Judge(TrialState.Failed, new Dictionary<string, double>(), "out of memory", 0).Reason);
        Assert.Null(Policy().DefaultReason(TrialState.Completed, 3));
    }

    [Fact]
    public void A_completed_trial_keeps_its_metrics_and_objective()
    {
        var metrics = new Dictionary<string, double> { ["loss"] = 0.25, ["ssim"] = 0.9 };

        var outcome = Policy().Judge(TrialState.Completed, metrics, null, 5);

        Assert.Equal((TrialState.Completed, (string?)null, (double?)0.25), (outcome.State, outcome.Reason, outcome.Objective));
        Assert.Equal(metrics, outcome.Metrics);
    }

    [Fact]
    public void A_completed_trial_without_the_metric_fails()
    {
        var outcome = Policy().Judge(TrialState.Completed, new Dictionary<string, double> { ["ssim"] = 0.9 }, null, 5);

        Assert.Equal((TrialState.Failed, "the trial finished without reporting loss", (double?)null), (outcome.State, outcome.Reason, outcome.Objective));
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void A_non_finite_objective_fails_the_trial_and_is_not_kept(double value, string shown)
    {
        var outcome = Policy().Judge(TrialState.Completed, new Dictionary<string, double> { ["loss"] = value, ["ssim"] = 0.9 }, null, 5);

        Assert.Equal(TrialState.Failed, outcome.State);
        Assert.Equal($"the trainer reported a non-finite loss ({shown})", outcome.Reason);
        Assert.Equal(["ssim"], outcome.Metrics.Keys);
        Assert.Null(outcome.Objective);
    }

    [Fact]
    public void A_completed_tell_without_a_finite_value_fails_and_a_finite_one_is_the_metric()
    {
        var missing = Policy().JudgeTell(TrialState.Completed, null, null);
        var nan = Policy().JudgeTell(TrialState.Completed, double.NaN, "ignored");
        var told = Policy().JudgeTell(TrialState.Completed, 0.5, null);
        var pruned = Policy().JudgeTell(TrialState.Pruned, double.NaN, "rung 2");

        Assert.Equal((TrialState.Failed, "the trainer told no finite value"), (missing.State, missing.Reason));
        Assert.Equal((TrialState.Failed, "the trainer told no finite value"), (nan.State, nan.Reason));
        Assert.Empty(nan.Metrics);
        Assert.Equal(0.5, told.Metrics["loss"]);
        Assert.Equal(0.5, told.Objective);
        Assert.Equal((TrialState.Pruned, "rung 2"), (pruned.State, pruned.Reason));
        Assert.Empty(pruned.Metrics);
    }

    [Fact]
    public void The_policy_of_a_definition_reads_its_budget_rule_and_ask_tell_flag()
    {
        var definition = SweepDefinitionParser.Parse("""
            name: p
            program: {ask_tell: true}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            early_terminate: {type: median}
            budget: {max_trials: 7, max_parallel: 3}
            """);
        Assert.Empty(definition.Errors);

        var policy = SweepPolicy.For(definition.Definition!, "loss", _time);

        Assert.Equal((7, 3, true, EarlyTerminateType.Median), (policy.Budget.MaxTrials, policy.Budget.MaxParallel, policy.AskTell, policy.Pruning));
    }
}
