using System.Globalization;
using System.Text;
using System.Text.Json;
using AeSweep.Application.Contracts;

namespace AeSweep.Cli;

/// <summary>
/// The Pareto front in <c>aesweep run --json</c> (<c>pareto</c>: the trials on the front, each with <c>trial_id</c>,
/// <c>parameters</c>, <c>metrics</c>, ordered by the first objective) and in the plain summary.
/// </summary>
internal static class ParetoJson
{
    public static void Write(Utf8JsonWriter json, ParetoFrontView? front)
    {
        if (front is null)
        {
            return;
        }

        json.WriteStartArray("pareto");
        foreach (var trial in front.Trials)
        {
            json.WriteStartObject();
            json.WriteString("trial_id", trial.TrialId);
            json.WriteNumber("number", trial.Number);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in trial.Parameters)
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }

            json.WriteEndObject();
            json.WriteStartObject("metrics");
            foreach (var (name, value) in trial.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("objectives");
        foreach (var objective in front.Objectives)
        {
            json.WriteStartObject();
            json.WriteString("name", objective.Name);
            json.WriteString("goal", objective.Goal);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void Describe(StringBuilder text, ParetoFrontView? front)
    {
        if (front is null)
        {
            return;
        }

        var names = string.Join(", ", front.Objectives.Select(o => TerminalText.Escape(o.Name)));
        text.Append(CultureInfo.InvariantCulture, $"\nPareto front ({names}): {front.Trials.Count} of {front.CompletedTrials} completed trial(s)");
        foreach (var trial in front.Trials)
        {
            var values = string.Join(", ", trial.Objectives.Select(v => v.ToString("G5", CultureInfo.InvariantCulture)));
            text.Append(CultureInfo.InvariantCulture, $"\n  trial {TerminalText.Escape(trial.TrialId)}: ({values})");
        }
    }
}
