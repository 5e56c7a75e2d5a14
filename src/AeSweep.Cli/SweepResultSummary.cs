using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Application;
using AeSweep.Application.Contracts;
using AeSweep.Core.Trials;

namespace AeSweep.Cli;

/// <summary>What a finished sweep produced: counts per final state and the best trial with its artifacts' paths.</summary>
internal sealed record SweepResultSummary(SweepView Sweep, IReadOnlyDictionary<string, int> Counts, TrialDetailView? Best, IReadOnlyDictionary<string, string> ArtifactPaths, FinalistListView? Finalists = null)
{
    private static readonly TrialState[] FinalStates = [TrialState.Completed, TrialState.Pruned, TrialState.Failed, TrialState.Cancelled];

    /// <summary>A multi-objective sweep's Pareto front (<c>pareto</c> in <c>--json</c>); null for single-objective sweeps.</summary>
    public ParetoFrontView? Pareto { get; init; }

    public static async Task<SweepResultSummary> LoadAsync(ISweepQueries queries, string sweepId, string artifactRoot, CancellationToken cancellationToken, IParetoQueries? pareto = null)
    {
        var progress = await queries.GetSweepProgressAsync(sweepId, cancellationToken) ?? throw new InvalidOperationException($"sweep {sweepId} not found");
        var best = await queries.GetBestTrialAsync(sweepId, cancellationToken);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var artifact in best?.Artifacts ?? [])
        {
            if ((await queries.FindArtifactAsync(best!.Trial.Id, artifact.Name, cancellationToken)).Artifact is { } stored)
            {
                paths[artifact.Name] = Path.IsPathRooted(stored.RelativePath) ? stored.RelativePath : Path.Combine(artifactRoot, stored.RelativePath);
            }
        }

        var finalists = await queries.GetFinalistsAsync(sweepId, cancellationToken);
        return new SweepResultSummary(progress.Sweep, progress.Counts, best, paths, finalists)
        {
            Pareto = pareto is null ? null : (await pareto.GetParetoFrontAsync(sweepId, cancellationToken)).Front,
        };
    }

    /// <summary>The <c>--json</c> contract: snake_case sweep_id, counts per final state, best {trial_id, parameters, metrics, artifacts}.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("sweep_id", Sweep.Id);
            json.WriteString("name", Sweep.Name);
            json.WriteString("state", Sweep.State);
            json.WriteString("metric", Sweep.Metric);
            json.WriteStartObject("counts");
            foreach (var state in FinalStates.Select(ContractMapping.Name))
            {
                json.WriteNumber(state, Counts.TryGetValue(state, out var n) ? n : 0);
            }

            json.WriteEndObject();
            if (Best is null)
            {
                json.WriteNull("best");
            }
            else
            {
                var trial = Best.Trial;
                json.WriteStartObject("best");
                json.WriteString("trial_id", trial.Id);
                json.WriteNumber("number", trial.Number);
                json.WriteStartObject("parameters");
                foreach (var (name, value) in trial.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WritePropertyName(name);
                    value.WriteTo(json);
                }

                json.WriteEndObject();
                json.WriteStartObject("metrics");
                foreach (var (name, value) in trial.Metrics.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteNumber(name, value);
                }

                json.WriteEndObject();
                json.WriteStartObject("artifacts");
                foreach (var (name, path) in ArtifactPaths)
                {
                    json.WriteString(name, path);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            // Sweeps with finalize: (or finalist runs) get the finalists, ranked by the mean of the sweep's metric.
            if (Finalists is { } finalists && (finalists.TopK is not null || finalists.Finalists.Count > 0))
            {
                json.WritePropertyName("finalists");
                JsonSerializer.Serialize(json, finalists.Finalists);
            }

            ParetoJson.Write(json, Pareto);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string Describe()
    {
        var counts = string.Join(", ", FinalStates.Select(ContractMapping.Name).Select(s => $"{(Counts.TryGetValue(s, out var n) ? n : 0)} {s}"));
        // Store-provided text is escaped piece by piece; the line breaks between the pieces are ours.
        var text = new StringBuilder($"sweep {TerminalText.Escape(Sweep.Id)} ({TerminalText.Escape(Sweep.Name)}) {TerminalText.Escape(Sweep.State)}: {counts}");
        if (Best is { } best)
        {
            var value = best.Trial.Objective?.ToString("G6", CultureInfo.InvariantCulture) ?? "?";
            text.Append(CultureInfo.InvariantCulture, $"\nbest: trial {TerminalText.Escape(best.Trial.Id)} {TerminalText.Escape(Sweep.Metric)} = {value}\n  ");
            text.Append(Remote.ContractText.Parameters(best.Trial.Parameters));
            foreach (var (name, path) in ArtifactPaths)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {TerminalText.Escape(name)}: {TerminalText.Escape(path)}");
            }
        }

        foreach (var finalist in Finalists?.Finalists ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"\nfinalist {finalist.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"}: trial {TerminalText.Escape(finalist.TrialId)} {TerminalText.Escape(Sweep.Metric)} = ");
            text.Append(finalist.Mean.TryGetValue(Sweep.Metric, out var mean) ? mean.ToString("G6", CultureInfo.InvariantCulture) : "?");
            text.Append(finalist.Std.TryGetValue(Sweep.Metric, out var std) ? " ± " + std.ToString("G3", CultureInfo.InvariantCulture) : string.Empty);
            text.Append(CultureInfo.InvariantCulture, $" over {finalist.CompletedRuns} new seed(s)");
        }

        ParetoJson.Describe(text, Pareto);
        return text.ToString();
    }
}
