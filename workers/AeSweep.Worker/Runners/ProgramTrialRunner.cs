using System.ComponentModel;
using System.Diagnostics;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using Microsoft.Extensions.Logging;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Runs a sweep's <c>program:</c> once per trial: parameters as <c>--name=value</c> arguments and as JSON in
/// <c>AESWEEP_PARAMS</c>; JSON lines on stdout with a <c>step</c> are intermediate values (pruning reads them, and a
/// pruned program is stopped), a line without one is the final result. A non-zero exit, or no finite final metric,
/// fails the trial with the program's last stderr lines as the reason. The program runs in a process group of its
/// own; however the trial ends, the whole group (and whatever escaped it) is killed.
/// </summary>
public sealed class ProgramTrialRunner(ILogger<ProgramTrialRunner> logger) : ITrialRunner
{
    /// <summary>The longest line of a program's output that is read; the rest of a longer line is dropped.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private const int StderrLinesKept = 8;

    // After the program's main process ends, how long its output may take to close once the group is killed.
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(2);

    public bool CanRun(TrialRunContext context) => context.Program is not null;

    public TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var program = context.Program!;
        var start = new ProcessStartInfo(program.Command[0]) { WorkingDirectory = program.WorkingDirectory ?? Environment.CurrentDirectory };
        // A W&B command's fixed arguments are added with its macros, in their places (WandbTrialSetup).
        foreach (var argument in program.WandbArguments ? [] : program.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AESWEEP_PARAMS"] = ParameterJson.Write(context.Assignment.Parameters);
        start.Environment["AESWEEP_TRIAL_ID"] = context.Assignment.Lease.TrialId;
        // The trial's seed, derived as for built-in training (sweep seed + trial number): finalist runs differ by it.
        start.Environment["AESWEEP_SEED"] = Core.Trials.TrialSeed.Of(context.Training.Seed, context.Assignment.Number).ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AESWEEP_ARTIFACT_DIR"] = context.ArtifactDirectory;
        Directory.CreateDirectory(context.ArtifactDirectory);
        if (program.WandbArguments)
        {
            // W&B's command template decides where the parameters go (${args}, ${args_json}, ...).
            WandbTrialSetup.Apply(start, program, context);
        }
        else
        {
            foreach (var argument in WandbTrialSetup.FlagArguments(context.Assignment.Parameters))
            {
                start.ArgumentList.Add(argument);
            }
        }

        if (!Exists(program.Command[0], start.WorkingDirectory))
        {
            return Failed($"could not start '{program.Command[0]}': no such file{(program.Command[0].Contains('/', StringComparison.Ordinal) ? string.Empty : " on PATH")}", 0);
        }

        if (ProgramProcess.Setsid is null)
        {
            logger.LogWarning("Trial {TrialId}: setsid (util-linux) is missing; the program runs without a process group of its own", context.Assignment.Lease.TrialId);
        }

        ProgramProcess process;
        try
        {
            process = ProgramProcess.Start(start);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            return Failed($"could not start '{program.Command[0]}': {ex.Message}", 0);
        }

        using (process)
        {
            using var output = new ProgramOutput(process.Output, process.Errors, MaxLineBytes, StderrLinesKept);
            var reports = new ProgramReports(context, logger);
            try
            {
                return Follow(process, output, reports, cancellationToken) ?? Finish(process, output, reports, context);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return TrialRunResult.Abandoned;
            }
            finally
            {
                // Every way out — end, prune, cancel, timeout, an exception — takes the whole group down first.
                process.KillAll();
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
    }

    /// <summary>Reads the program's reports until its output ends; a result when a report ends the trial early.</summary>
    private TrialRunResult? Follow(ProgramProcess process, ProgramOutput output, ProgramReports reports, CancellationToken cancellationToken)
    {
        var interrupt = process.Exited;
        var mainExited = false;
        while (true)
        {
            switch (output.Read(interrupt, cancellationToken, out var line))
            {
                case ProgramOutput.Outcome.EndOfOutput:
                    // The main process may have closed its output and still run: wait for it (or the cancellation).
                    Task.WaitAny([process.Exited], cancellationToken);
                    return null;
                case ProgramOutput.Outcome.Interrupted when !mainExited:
                    // The main process ended; children that keep its output open must not keep the trial running.
                    mainExited = true;
                    process.KillAll();
                    interrupt = Task.Delay(DrainPatience, cancellationToken);
                    continue;
                case ProgramOutput.Outcome.Interrupted:
                    logger.LogWarning("Trial {TrialId}: the program's output stayed open after it ended; stopped reading it", reports.TrialId);
                    return null;
                default:
                    if (reports.Handle(line) is { } early)
                    {
                        return early;
                    }

                    continue;
            }
        }
    }

    private static TrialRunResult Finish(ProgramProcess process, ProgramOutput output, ProgramReports reports, TrialRunContext context)
    {
        process.WaitForExit(TimeSpan.FromSeconds(10));
        // The program has ended: what it left behind goes now, so that stderr closes and its last lines are read.
        process.KillAll();
        output.WaitForStderrEnd(DrainPatience);
        if (process.ExitCode != 0)
        {
            return Failed($"the program exited with code {process.ExitCode}{output.StderrTail()}", reports.Steps);
        }

        var metric = context.MetricName;
        if (reports.Final is not { } final || !final.TryGetValue(metric, out var value))
        {
            return Failed($"the program printed no final {metric} (a JSON line without \"step\"){output.StderrTail()}", reports.Steps);
        }

        if (!double.IsFinite(value))
        {
            return Failed($"the program reported a non-finite {metric}", reports.Steps);
        }

        return new TrialRunResult(TrialState.Completed, final, reports.Artifacts, null, reports.Steps);
    }

    /// <summary>Whether the command names a file: a path (relative to the working directory) or a name on PATH.</summary>
    private static bool Exists(string command, string workingDirectory)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(Path.Combine(workingDirectory, command));
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(directory => File.Exists(Path.Combine(directory, command)));
    }

    internal static TrialRunResult Failed(string reason, int steps) =>
        new(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), ReasonLimit.Apply(reason), steps);
}
