using AeSweep.Core.Search;
using System.Diagnostics;
using System.Text.Json;
using AeSweep.Cluster.Abstractions;
using AeSweep.Core.Trials;
using Microsoft.Extensions.Logging;

namespace AeSweep.Worker.Runners;

/// <summary>
/// Runs a sweep's <c>program:</c> once per trial: parameters as <c>--name=value</c> arguments and as JSON in
/// <c>AESWEEP_PARAMS</c>; JSON lines on stdout with a <c>step</c> are intermediate values (pruning reads them, and a
/// pruned program is stopped), a line without one is the final result. A non-zero exit, or no final metric, fails the
/// trial with the program's last stderr lines as the reason.
/// </summary>
public sealed class ProgramTrialRunner(ILogger<ProgramTrialRunner> logger) : ITrialRunner
{
    private const int StderrLinesKept = 8;

    public bool CanRun(TrialRunContext context) => context.Definition.Program is not null;

    public TrialRunResult Run(TrialRunContext context, CancellationToken cancellationToken)
    {
        var program = context.Definition.Program!;
        var start = new ProcessStartInfo(program.Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = program.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in program.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in context.Assignment.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            start.ArgumentList.Add($"--{name}={value}");
        }

        start.Environment["AESWEEP_PARAMS"] = ParameterJson.Write(context.Assignment.Parameters);
        start.Environment["AESWEEP_TRIAL_ID"] = context.Assignment.Lease.TrialId;
        start.Environment["AESWEEP_ARTIFACT_DIR"] = context.ArtifactDirectory;
        Directory.CreateDirectory(context.ArtifactDirectory);

        var stderr = new Queue<string>();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Enqueue(e.Data);
                while (stderr.Count > StderrLinesKept)
                {
                    stderr.Dequeue();
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Failed($"could not start '{program.Command[0]}': {ex.Message}", 0);
        }

        process.BeginErrorReadLine();
        using var kill = cancellationToken.Register(() => Kill(process));
        Dictionary<string, double>? final = null;
        var steps = 0;
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            if (!TryParseReport(line, out var step, out var metrics))
            {
                logger.LogDebug("Trial {TrialId}: program printed a non-report line: {Line}", context.Assignment.Lease.TrialId, line);
                continue;
            }

            if (step is null)
            {
                final = metrics;
                continue;
            }

            steps = Math.Max(steps, step.Value);
            var verdict = context.Reporter.ReportEpoch(step.Value, metrics);
            if (verdict == EpochVerdict.Continue)
            {
                continue;
            }

            Kill(process);
            process.WaitForExit();
            return verdict == EpochVerdict.Prune
                ? new TrialRunResult(TrialState.Pruned, metrics, new Dictionary<string, string>(), $"pruned at step {step}", steps)
                : TrialRunResult.Abandoned;
        }

        process.WaitForExit();
        if (cancellationToken.IsCancellationRequested)
        {
            return TrialRunResult.Abandoned;
        }

        if (process.ExitCode != 0)
        {
            return Failed($"the program exited with code {process.ExitCode}{StderrTail(stderr)}", steps);
        }

        var metric = context.Definition.Metric.Name;
        if (final is null || !final.ContainsKey(metric))
        {
            return Failed($"the program printed no final {metric} (a JSON line without \"step\"){StderrTail(stderr)}", steps);
        }

        return new TrialRunResult(TrialState.Completed, final, new Dictionary<string, string>(), null, steps);
    }

    internal static bool TryParseReport(string line, out int? step, out Dictionary<string, double> metrics)
    {
        step = null;
        metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number)
                {
                    continue;
                }

                if (property.Name == "step")
                {
                    step = property.Value.TryGetInt32(out var s) ? s : (int)Math.Round(property.Value.GetDouble(), MidpointRounding.AwayFromZero);
                }
                else
                {
                    metrics[property.Name] = property.Value.GetDouble();
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static TrialRunResult Failed(string reason, int steps) =>
        new(TrialState.Failed, new Dictionary<string, double>(), new Dictionary<string, string>(), reason, steps);

    private static string StderrTail(Queue<string> stderr)
    {
        lock (stderr)
        {
            return stderr.Count == 0 ? string.Empty : "; stderr: " + string.Join(" | ", stderr);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
