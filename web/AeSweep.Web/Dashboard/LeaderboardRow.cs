using AeSweep.Core.Catalog;
using AeSweep.Core.Search;
using AeSweep.Core.Trials;
using AeSweep.Application.Views;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// One trial as the leaderboard shows it. <paramref name="Metrics"/> are the final metrics, or the last epoch's for a
/// trial that did not complete; <paramref name="PcaMse"/> is the PCA baseline at the trial's code size.
/// </summary>
public sealed record LeaderboardRow(TrialRecord Trial, IReadOnlyDictionary<string, double> Metrics, int EpochsRun, int? EpochsPlanned, double? PcaMse)
{
    public string Id => Trial.Id;

    public int Number => Trial.Number;

    public TrialState State => Trial.State;

    public string StateName => Trial.State.ToString();

    public double? ValMse => Metric(MetricNames.ValidationMse);

    public double? ValPsnr => Metric(MetricNames.ValidationPsnr);

    public double? ValSsim => Metric(MetricNames.ValidationSsim);

    public double? ValAuroc => Metric(MetricNames.ValidationAuroc);

    public double? ValAuprc => Metric(MetricNames.ValidationAuprc);
    // The evaluation suite (null where the sweep does not measure it): denoising, and representation beside PCA's.

    public double? ValDenoisePsnr => Metric(MetricNames.ValidationDenoisePsnr);

    public double? ValKnnAccuracy => Metric(MetricNames.ValidationKnnAccuracy);

    public double? PcaKnnAccuracy => Metric(MetricNames.PcaValidationKnnAccuracy);

    public double? ValLinearProbeAccuracy => Metric(MetricNames.ValidationLinearProbeAccuracy);

    public double? PcaLinearProbeAccuracy => Metric(MetricNames.PcaValidationLinearProbeAccuracy);

    /// <summary>Relative change of val_mse against PCA (negative: better than PCA).</summary>
    public double? GainVsPca => PcaComparison.RelativeChange(ValMse, PcaMse);

    public TimeSpan? Duration => Trial.StartedAt is { } start ? (Trial.FinishedAt ?? DateTimeOffset.UtcNow) - start : null;

    public double? Metric(string name) => Metrics.TryGetValue(name, out var v) && double.IsFinite(v) ? v : null;

    public ParameterValue? Parameter(string name) => Trial.Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>The value as a number for sorting: numbers as they are, anything else null.</summary>
    public double? NumericParameter(string name) => Parameter(name) is { IsNumeric: true } v ? v.AsDouble() : null;

    public string ParameterText(string name) => Parameter(name) is { } v
        ? v.Kind == ParameterValueKind.Float ? Charts.ChartScale.Format(v.AsDouble()) : v.AsString()
        : "—";

    /// <summary>Text the quick filter matches: number, state, parameter values.</summary>
    public string SearchText => $"#{Number} {StateName} {string.Join(' ', Trial.Parameters.Select(p => $"{p.Key}={p.Value}"))}";

    public static IReadOnlyDictionary<string, double> MetricsOf(TrialRecord trial, IReadOnlyList<EpochRecord> epochs) =>
        trial.FinalMetrics is { Count: > 0 } final ? final : epochs.Count > 0 ? epochs[^1].Metrics : new Dictionary<string, double>();
}
