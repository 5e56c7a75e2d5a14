using System.Text.Json;

namespace AeSweep.Worker.Runners;

/// <summary>
/// One JSON line a program printed: with a valid <c>step</c> an intermediate value, without one the final result.
/// <see cref="StepProblem"/> says why a line's <c>step</c> is unusable (the line is then ignored).
/// </summary>
internal sealed record ProgramReport(int? Step, Dictionary<string, double> Metrics, string? StepProblem = null)
{
    /// <summary>The JSON key of an artifact line: <c>{"aesweep_artifact": NAME, "path": FILE}</c> (FILE relative to AESWEEP_ARTIFACT_DIR).</summary>
    public const string ArtifactKey = "aesweep_artifact";

    /// <summary>An artifact the program announced (name, path as written), or null for a metrics line.</summary>
    public (string Name, string Path)? Artifact { get; init; }

    /// <summary>The highest step a program may report (<see cref="Core.Trials.EpochLimit.Max"/>).</summary>
    public const int MaxStep = Core.Trials.EpochLimit.Max;

    /// <summary>The report in <paramref name="line"/>, or null when the line is not a JSON object.</summary>
    public static ProgramReport? Parse(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var root = document.RootElement;
            if (root.TryGetProperty(ArtifactKey, out var artifactName) && artifactName.ValueKind == JsonValueKind.String
                && root.TryGetProperty("path", out var artifactPath) && artifactPath.ValueKind == JsonValueKind.String)
            {
                return new ProgramReport(null, [], null) { Artifact = (artifactName.GetString()!, artifactPath.GetString()!) };
            }

            int? step = null;
            string? problem = null;
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "step")
                {
                    step = ReadStep(property.Value, out problem);
                }
                else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var value))
                {
                    // 1e309 reads as infinity: kept, so a non-finite result is seen and refused, not lost.
                    metrics[property.Name] = value;
                }
            }

            return new ProgramReport(step, metrics, problem);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? ReadStep(JsonElement value, out string? problem)
    {
        problem = null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && number >= 0 && number <= MaxStep && number == Math.Floor(number))
        {
            return (int)number;
        }

        var text = value.GetRawText();
        problem = $"\"step\" must be an integer from 0 to 1,000,000, not {(text.Length > 40 ? text[..40] + "…" : text)}";
        return null;
    }
}
