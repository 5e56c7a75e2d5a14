using System.Text.Json;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Definitions;

/// <summary>
/// Writes a multi-objective sweep's <c>metrics</c> list the one way both JSON forms of a definition share (the stored
/// document and the canonical JSON); a single-objective sweep writes nothing here.
/// </summary>
internal static class ObjectivesJson
{
    public static void Write(Utf8JsonWriter json, SweepDefinition definition)
    {
        if (!definition.IsMultiObjective)
        {
            return;
        }

        json.WriteStartArray("metrics");
        foreach (var objective in definition.Objectives)
        {
            json.WriteStartObject();
            json.WriteString("name", objective.Name);
            json.WriteString("goal", objective.Goal == MetricGoal.Minimize ? "minimize" : "maximize");
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
