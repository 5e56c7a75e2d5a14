using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker.Tests;

public sealed class ProgramTrialRunnerTests
{
    private static readonly TimeSpan DeathPatience = TimeSpan.FromSeconds(5);

    [Fact]
    public void Program_runs_in_a_process_group_of_its_own()
    {
        using var trial = new ProgramTrial("""
            echo $$ > main.pid
            cut -d' ' -f5 /proc/$$/stat > group.pid
            echo '{"loss": 1}'
            """);

        var result = trial.Run();

        Assert.Equal(TrialState.Completed, result.State);
        Assert.Equal(trial.Pid("main"), trial.Pid("group"));
    }

    [Fact]
    public void Leftover_child_that_keeps_stdout_open_neither_holds_the_trial_nor_outlives_it()
    {
        using var trial = new ProgramTrial("""
            sleep 1000 &
            echo $! > child.pid
            echo '{"step": 1, "loss": 0.5}'
            echo '{"loss": 0.25}'
            """);

        var result = trial.Run();

        Assert.Equal(TrialState.Completed, result.State);
        Assert.Equal(0.25, result.Metrics["loss"]);
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the leftover child outlived the trial");
    }

    [Fact]
    public void Detached_children_are_killed_when_the_trial_ends()
    {
        using var trial = new ProgramTrial("""
            setsid sleep 1000 > /dev/null 2>&1 &
            echo $! > detached.pid
            nohup sleep 1000 > /dev/null 2>&1 &
            echo $! > nohup.pid
            echo '{"loss": 1}'
            """);

        var result = trial.Run();

        Assert.Equal(TrialState.Completed, result.State);
        Assert.True(Processes.BecomesDead(trial.Pid("detached"), DeathPatience), "a child in a session of its own (setsid) outlived the trial");
        Assert.True(Processes.BecomesDead(trial.Pid("nohup"), DeathPatience), "a nohup child outlived the trial");
    }

    [Fact]
    public void A_child_that_escapes_group_and_marker_cannot_hold_the_trial_open()
    {
        // A clean environment and a session of its own: nothing but a cgroup could find this one.
        using var trial = new ProgramTrial("""
            env -i AESWEEP_TRIAL_ID=trial-1 setsid sleep 1000 &
            echo $! > escaped.pid
            # Exit only once it has escaped (setsid ran before sleep): a kill before that would reach it.
            while [ "$(cat /proc/$!/comm)" != sleep ]; do :; done
            echo '{"loss": 1}'
            """);

        var result = trial.Run(patience: TimeSpan.FromSeconds(20));

        Assert.Equal(TrialState.Completed, result.State);
        Assert.Contains("output stayed open", Assert.Single(trial.Logger.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Hanging_program_over_max_trial_minutes_fails_and_its_group_dies()
    {
        using var trial = new ProgramTrial(
            """
            echo $$ > main.pid
            sleep 1000 &
            echo $! > child.pid
            echo '{"step": 1, "loss": 0.5}'
            wait
            """,
            maxTrialMinutes: 0.02);

        var result = trial.Run(withTimeLimit: true);

        Assert.Equal(TrialState.Failed, result.State);
        Assert.Equal("exceeded budget.max_trial_minutes (0.02)", result.Reason);
        Assert.True(Processes.BecomesDead(trial.Pid("main"), DeathPatience), "the program outlived its time limit");
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the program's child outlived its time limit");
    }

    [Fact]
    public void Steps_that_are_not_integers_from_0_to_a_million_are_ignored_with_one_warning()
    {
        var reporter = new RecordingReporter();
        using var trial = new ProgramTrial(
            """
            sleep 1000 > /dev/null 2>&1 &
            echo $! > child.pid
            echo '{"step": -1, "loss": 9}'
            echo '{"step": 2.5, "loss": 9}'
            echo '{"step": 1, "loss": 0.5}'
            echo '{"step": 1e9, "loss": 9}'
            echo '{"step": "2", "loss": 9}'
            echo '{"loss": 0.25}'
            """,
            reporter: reporter);

        var result = trial.Run();

        Assert.Equal(TrialState.Completed, result.State);
        Assert.Equal(0.25, result.Metrics["loss"]);
        Assert.Equal([1], reporter.Epochs);
        var warning = Assert.Single(trial.Logger.Warnings);
        Assert.Contains("\"step\" must be an integer from 0 to 1,000,000, not -1", warning, StringComparison.Ordinal);
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the program's child outlived the trial");
    }

    [Fact]
    public void Exception_while_reporting_kills_the_program_before_it_propagates()
    {
        using var trial = new ProgramTrial(
            """
            echo $$ > main.pid
            sleep 1000 > /dev/null 2>&1 &
            echo $! > child.pid
            echo '{"step": 1, "loss": 0.5}'
            wait
            """,
            reporter: new RecordingReporter(_ => throw new InvalidOperationException("the coordinator refused the report")));

        Assert.Throws<InvalidOperationException>(() => trial.Run());

        Assert.True(Processes.BecomesDead(trial.Pid("main"), DeathPatience), "the program kept running after its trial failed");
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the program's child kept running after its trial failed");
    }

    [Fact]
    public void Pruned_program_and_its_children_are_stopped()
    {
        using var trial = new ProgramTrial(
            """
            echo $$ > main.pid
            setsid sleep 1000 > /dev/null 2>&1 &
            echo $! > child.pid
            echo '{"step": 1, "loss": 0.5}'
            sleep 1000
            """,
            reporter: new RecordingReporter(_ => TrialDecision.Prune));

        var result = trial.Run();

        Assert.Equal(TrialState.Pruned, result.State);
        Assert.True(Processes.BecomesDead(trial.Pid("main"), DeathPatience), "the pruned program kept running");
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the pruned program's child kept running");
    }

    [Fact]
    public void Cancelled_trial_kills_the_program_and_its_children()
    {
        using var cancel = new CancellationTokenSource();
        using var trial = new ProgramTrial(
            """
            echo $$ > main.pid
            setsid sleep 1000 > /dev/null 2>&1 &
            echo $! > child.pid
            echo '{"step": 1, "loss": 0.5}'
            sleep 1000
            """,
            reporter: new RecordingReporter(_ =>
            {
                cancel.Cancel();
                return TrialDecision.Continue;
            }));

        var result = trial.Run(cancellationToken: cancel.Token);

        Assert.Same(TrialRunResult.Abandoned, result);
        Assert.True(Processes.BecomesDead(trial.Pid("main"), DeathPatience), "the cancelled program kept running");
        Assert.True(Processes.BecomesDead(trial.Pid("child"), DeathPatience), "the cancelled program's child kept running");
    }

    [Fact]
    public void Huge_stderr_line_gives_a_bounded_reason_without_holding_the_line()
    {
        // 20 MB on one line: the old reader held it whole (twice over, as UTF-16 and in the reason).
        using var trial = new ProgramTrial("""
            echo 'starting' >&2
            head -c 20000000 /dev/zero | tr '\0' x >&2
            echo >&2
            echo 'the end' >&2
            exit 3
            """);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = trial.Run();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(TrialState.Failed, result.State);
        var reason = result.Reason!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) <= ReasonLimit.MaxBytes, $"the reason has {reason.Length} characters");
        Assert.StartsWith("the program exited with code 3; stderr: starting | xxx", reason, StringComparison.Ordinal);
        Assert.Contains("bytes elided] …", reason, StringComparison.Ordinal);
        Assert.EndsWith("| the end", reason, StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"reading a 20 MB line allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Huge_stdout_line_is_skipped_with_one_warning()
    {
        using var trial = new ProgramTrial("""
            head -c 20000000 /dev/zero | tr '\0' 7
            echo
            head -c 3000000 /dev/zero | tr '\0' 7
            echo
            echo '{"loss": 0.5}'
            """);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = trial.Run();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(TrialState.Completed, result.State);
        Assert.Equal(0.5, result.Metrics["loss"]);
        Assert.Contains("over 1048576 bytes", Assert.Single(trial.Logger.Warnings), StringComparison.Ordinal);
        Assert.True(allocated < 16_000_000, $"reading a 20 MB line allocated {allocated:N0} bytes");
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    public void Non_finite_final_loss_fails_the_trial(string value)
    {
        using var trial = new ProgramTrial($$"""
            echo '{"loss": {{value}}}'
            """);

        var result = trial.Run();

        Assert.Equal(TrialState.Failed, result.State);
        Assert.Equal("the program reported a non-finite loss", result.Reason);
        Assert.Empty(result.Metrics);
    }

    [Fact]
    public void Missing_command_fails_the_trial_with_its_name()
    {
        using var trial = new ProgramTrial("true");
        var program = trial.Definition.Program! with { Command = ["no-such-trainer-3f1c"] };
        var runner = new ProgramTrialRunner(trial.Logger);

        var result = runner.Run(trial.Context with { Program = program }, CancellationToken.None);

        Assert.Equal(TrialState.Failed, result.State);
        Assert.Equal("could not start 'no-such-trainer-3f1c': no such file on PATH", result.Reason);
    }
}
