using AeSweep.Core.Trials;
using Microsoft.Extensions.Logging;

namespace AeSweep.Worker.Runners;

/// <summary>
/// What one program run has reported so far: intermediate values go to the coordinator as they come, the last line
/// without a step is kept as the final result. Lines a program should not print are ignored with one warning each
/// kind per trial.
/// </summary>
internal sealed class ProgramReports(TrialRunContext context, ILogger logger)
{
    private bool _warnedLongLine;
    private bool _warnedStep;

    public string TrialId => context.Assignment.Lease.TrialId;

    /// <summary>The highest step reported.</summary>
    public int Steps { get; private set; }

    /// <summary>The most artifacts one trial may announce.</summary>
    public const int MaxArtifacts = 64;

    private readonly Dictionary<string, string> _artifacts = new(StringComparer.Ordinal);
    private bool _warnedArtifact;

    /// <summary>The artifacts the program announced and that passed <see cref="ProgramArtifact.Resolve"/>: name → full path.</summary>
    public IReadOnlyDictionary<string, string> Artifacts => _artifacts;

    /// <summary>The last line without a step, or null.</summary>
    public Dictionary<string, double>? Final { get; private set; }

    /// <summary>Takes one line; a result when it ends the trial (pruned, or this worker lost the trial).</summary>
    public TrialRunResult? Handle(ProgramLine line)
    {
        if (line.Cut)
        {
            Warn(ref _warnedLongLine, "Trial {TrialId}: the program printed a line over {Limit} bytes; skipped", ProgramTrialRunner.MaxLineBytes);
            return null;
        }

        if (ProgramReport.Parse(line.Text) is not { } report)
        {
            logger.LogDebug("Trial {TrialId}: program printed a non-report line: {Line}", TrialId, line.Text.Length > 200 ? line.Text[..200] + "…" : line.Text);
            return null;
        }

        if (report.Artifact is { } artifact)
        {
            string? full = null;
            var problemWithArtifact = _artifacts.Count >= MaxArtifacts && !_artifacts.ContainsKey(artifact.Name)
                ? $"more than {MaxArtifacts} artifacts"
                : ProgramArtifact.Resolve(context.ArtifactDirectory, artifact.Name, artifact.Path, out full);
            if (problemWithArtifact is null)
            {
                _artifacts[artifact.Name] = full!;
            }
            else
            {
                Warn(ref _warnedArtifact, "Trial {TrialId}: ignoring an artifact the program announced: {Problem}", problemWithArtifact);
            }

            return null;
        }

        if (report.StepProblem is { } problem)
        {
            Warn(ref _warnedStep, "Trial {TrialId}: ignoring the program's report: {Problem}", problem);
            return null;
        }

        if (report.Step is not { } step)
        {
            Final = report.Metrics;
            return null;
        }

        Steps = Math.Max(Steps, step);
        return context.Reporter.ReportEpoch(step, report.Metrics) switch
        {
            TrialDecision.Continue => null,
            TrialDecision.Prune => new TrialRunResult(TrialState.Pruned, report.Metrics, new Dictionary<string, string>(_artifacts, StringComparer.Ordinal), $"pruned at step {step}", Steps),
            _ => TrialRunResult.Abandoned,
        };
    }

    private void Warn<T>(ref bool warned, string message, T detail)
    {
        if (warned)
        {
            return;
        }

        warned = true;
#pragma warning disable CA2254 // The two templates are constants of this class.
        logger.LogWarning(message, TrialId, detail);
#pragma warning restore CA2254
    }
}
