using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cli;

/// <summary>What a finished sweep produced: counts per final state and the best trial with its artifacts' paths.</summary>
internal sealed record SweepResultSummary(SweepSnapshot Sweep, IReadOnlyDictionary<TrialState, int> Counts, TrialDetail? Best, string ArtifactRoot)
{
    public static async Task<SweepResultSummary> LoadAsync(ISweepReadModel store, string sweepId, string artifactRoot, CancellationToken cancellationToken)
    {
        var sweep = await store.GetSweepAsync(sweepId, cancellationToken) ?? throw new InvalidOperationException($"sweep {sweepId} not found");
        var counts = await store.CountTrialsByStateAsync(sweepId, cancellationToken);
        var best = await store.GetBestTrialAsync(sweepId, cancellationToken);
        var detail = best is null ? null : await store.GetTrialDetailAsync(best.Id, cancellationToken);
        return new SweepResultSummary(sweep, counts, detail, artifactRoot);
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
            json.WriteString("state", Sweep.State.ToString().ToLowerInvariant());
            json.WriteString("metric", Sweep.MetricName);
            json.WriteStartObject("counts");
            foreach (var state in new[] { TrialState.Completed, TrialState.Pruned, TrialState.Failed, TrialState.Cancelled })
            {
                json.WriteNumber(state.ToString().ToLowerInvariant(), Counts.TryGetValue(state, out var n) ? n : 0);
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
                    ParameterJson.WriteProperty(json, name, value);
                }

                json.WriteEndObject();
                json.WriteStartObject("metrics");
                foreach (var (name, value) in (trial.FinalMetrics ?? new Dictionary<string, double>()).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (double.IsFinite(value))
                    {
                        json.WriteNumber(name, value);
                    }
                }

                json.WriteEndObject();
                json.WriteStartObject("artifacts");
                foreach (var artifact in Best.Artifacts)
                {
                    json.WriteString(artifact.Name, Path.IsPathRooted(artifact.RelativePath) ? artifact.RelativePath : Path.Combine(ArtifactRoot, artifact.RelativePath));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string Describe()
    {
        var counts = string.Join(", ", new[] { TrialState.Completed, TrialState.Pruned, TrialState.Failed, TrialState.Cancelled }
            .Select(s => $"{(Counts.TryGetValue(s, out var n) ? n : 0)} {s.ToString().ToLowerInvariant()}"));
        // Store-provided text is escaped piece by piece; the line breaks between the pieces are ours.
        var text = new StringBuilder($"sweep {TerminalText.Escape(Sweep.Id)} ({TerminalText.Escape(Sweep.Name)}) {Sweep.State.ToString().ToLowerInvariant()}: {counts}");
        if (Best is { } best)
        {
            var value = best.Trial.ObjectiveValue?.ToString("G6", CultureInfo.InvariantCulture) ?? "?";
            text.Append(CultureInfo.InvariantCulture, $"\nbest: trial {TerminalText.Escape(best.Trial.Id)} {TerminalText.Escape(Sweep.MetricName)} = {value}\n  ");
            text.Append(TerminalText.Escape(string.Join(", ", best.Trial.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))));
            foreach (var artifact in best.Artifacts)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {TerminalText.Escape(artifact.Name)}: {TerminalText.Escape(Path.Combine(ArtifactRoot, artifact.RelativePath))}");
            }
        }

        return text.ToString();
    }
}
