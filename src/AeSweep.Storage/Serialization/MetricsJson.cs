using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Storage.Serialization;

/// <summary>Metrics as a JSON object name → number; NaN and infinities survive as named literals.</summary>
internal static class MetricsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(IReadOnlyDictionary<string, double> metrics) =>
        JsonSerializer.Serialize(new SortedDictionary<string, double>(metrics.ToDictionary(), StringComparer.Ordinal), Options);

    public static IReadOnlyDictionary<string, double> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(json, Options) ?? [];
}
