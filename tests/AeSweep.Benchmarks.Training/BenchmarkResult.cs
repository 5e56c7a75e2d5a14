using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Benchmarks.Training;

/// <summary>One way's measurement, printed by a child process as one JSON line.</summary>
internal sealed record BenchmarkResult(
    string Way,
    string Model,
    int Epochs,
    int Threads,
    double SamplesPerSecond,
    double TrainingSeconds,
    double PeakRssMb,
    double TrainMse,
    double TestMse,
    double WallSeconds = double.NaN,
    string Note = "")
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Format(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);
}
