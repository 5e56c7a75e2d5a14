using System.Globalization;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;

namespace AeSweep.Core.Sweeps;

/// <summary>
/// A completed trial's values of a multi-objective sweep's objectives, from its final metrics; an objective that is a
/// parameter of the trial (<c>code_size</c>) and not reported comes from the configuration, and is then added to the
/// metrics stored, so every objective is a key of the trial's metrics (what the Pareto front, the export and the
/// dashboard read).
/// </summary>
public static class ObjectiveValues
{
    /// <summary>
    /// The values in objective order, and the metrics to store (with any objective taken from the parameters); or the
    /// reason the trial cannot count as completed (an objective missing or not finite).
    /// </summary>
    public static (double[]? Values, IReadOnlyDictionary<string, double> Metrics, string? Failure) Resolve(
        IReadOnlyList<MetricSpec> objectives,
        IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, ParameterValue>? parameters)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(metrics);
        var stored = new Dictionary<string, double>(metrics, StringComparer.Ordinal);
        var values = new double[objectives.Count];
        for (var k = 0; k < objectives.Count; k++)
        {
            var name = objectives[k].Name;
            if (!stored.TryGetValue(name, out var value))
            {
                if (parameters is not null && parameters.TryGetValue(name, out var parameter) && parameter.IsNumeric)
                {
                    value = parameter.AsDouble();
                    stored[name] = value;
                }
                else
                {
                    return (null, metrics, $"the trial finished without reporting {name}");
                }
            }

            if (!double.IsFinite(value))
            {
                stored.Remove(name);
                return (null, stored, $"the trainer reported a non-finite {name} ({value.ToString(CultureInfo.InvariantCulture)})");
            }

            values[k] = value;
        }

        return (values, stored, null);
    }
}
