using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Worker.Runners;

namespace AeSweep.Worker.Tests;

/// <summary>A real bash script as a <c>program:</c> sweep's trainer, in a folder of its own, run by the real runner.</summary>
internal sealed class ProgramTrial : IDisposable
{
    public ProgramTrial(string script, double? maxTrialMinutes = null, ITrialReporter? reporter = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "aesweep-worker-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, "train.sh");
        File.WriteAllText(path, "set -e\ncd \"$(dirname \"$0\")\"\n" + script);
        var budget = maxTrialMinutes is { } m ? $"{{max_trials: 1, max_trial_minutes: {m.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}" : "{max_trials: 1}";
        var parsed = SweepDefinitionParser.Parse($$"""
            name: runner-test
            program: {command: [bash, "{{path}}"]}
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              x: {min: 0.0, max: 1.0}
            budget: {{budget}}
            """);
        Definition = parsed.Definition ?? throw new InvalidOperationException(string.Join("; ", parsed.Errors));
        Reporter = reporter ?? new RecordingReporter();
        var assignment = new TrialAssignment(new TrialLeaseToken("trial-1", "worker-1", 1), "sweep-1", 1, new() { ["x"] = ParameterValue.Of(0.5) }, TrainingSpec.From(Definition, 1), null, null);
        Context = new TrialRunContext(assignment, Definition.Program, Path.Combine(Directory, "artifacts"), "cpu", 1, Reporter);
    }

    public string Directory { get; }

    public SweepDefinition Definition { get; }

    public ITrialReporter Reporter { get; }

    public TrialRunContext Context { get; }

    public CollectingLogger<ProgramTrialRunner> Logger { get; } = new();

    /// <summary>
    /// Runs the trial on its own thread and waits for its result at most <paramref name="patience"/> (30 s), so a
    /// runner that hangs fails the test instead of hanging it.
    /// </summary>
    public TrialRunResult Run(bool withTimeLimit = false, TimeSpan? patience = null, CancellationToken cancellationToken = default)
    {
        var runner = new ProgramTrialRunner(Logger);
        var run = Task.Factory.StartNew(
            () => withTimeLimit
                ? TrialTimeLimit.Run(runner, Context, Definition.Budget.MaxTrialMinutes, cancellationToken)
                : runner.Run(Context, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            if (!run.Wait((int)(patience ?? TimeSpan.FromSeconds(30)).TotalMilliseconds, CancellationToken.None))
            {
                Assert.Fail("the trial did not end");
            }
        }
        catch (AggregateException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
        }

        return run.Result;
    }

    /// <summary>The pid the script wrote to <c>NAME.pid</c>.</summary>
    public int Pid(string name)
    {
        var file = Path.Combine(Directory, name + ".pid");
        return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        // Whatever a failing test left running goes, so one failure does not leave sleeps behind.
        Processes.Cleanup(System.IO.Directory.EnumerateFiles(Directory, "*.pid")
            .Select(f => int.TryParse(File.ReadAllText(f).Trim(), out var pid) ? pid : 0)
            .Where(pid => pid > 0));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover process may still write there.
        }
    }
}
