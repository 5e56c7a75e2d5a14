using AeSweep.Core.Catalog;

namespace AeSweep.Web.Dashboard;

/// <summary>
/// The leaderboard's column model: number and state first, then the objective, the other metrics, and the parameters
/// in the sweep file's order. The order depends only on the sweep's design and on which optional metrics exist, never
/// on which trial came first, so a conditional parameter that appears later (e.g. <c>beta</c>) takes its own place
/// without moving the others. The grid renders every column of the model (hidden ones with <c>Hidden</c>), so hiding
/// and showing a column never reorders the rest either.
/// </summary>
public static class LeaderboardColumns
{
    public const string ParameterPrefix = "param:";
    public const string Number = "number";
    public const string State = "state";
    public const string Objective = "objective";
    public const string PcaMse = "pca_mse";
    public const string GainVsPca = "vs_pca";
    public const string Epochs = "epochs";
    public const string Duration = "duration";

    /// <summary>The metric columns the grid knows how to draw, in their order (an optional one only when the sweep has it).</summary>
    public static readonly IReadOnlyList<string> KnownMetrics =
    [
        MetricNames.ValidationMse, MetricNames.ValidationPsnr, MetricNames.ValidationSsim,
        MetricNames.ValidationAuroc, MetricNames.ValidationAuprc,
        PcaMse, GainVsPca,
        MetricNames.ValidationDenoisePsnr, MetricNames.ValidationKnnAccuracy, MetricNames.ValidationLinearProbeAccuracy,
        Epochs, Duration,
    ];

    /// <summary>
    /// The columns in order. <paramref name="objectiveMetric"/> (the sweep's metric) gets the objective column, and its
    /// own metric column is left out; <paramref name="optionalMetrics"/> are the optional metric columns the sweep has
    /// (AUROC/AUPRC, denoising PSNR, kNN/linear-probe accuracy); <paramref name="parameters"/> are in the file's order.
    /// </summary>
    public static IReadOnlyList<LeaderboardColumn> Build(string? objectiveMetric, IReadOnlySet<string> optionalMetrics, IReadOnlyList<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(optionalMetrics);
        ArgumentNullException.ThrowIfNull(parameters);
        var columns = new List<LeaderboardColumn>
        {
            new(Number, "#", LeaderboardColumnGroup.Identity, Hideable: false),
            new(State, "State", LeaderboardColumnGroup.Identity, Hideable: false),
        };
        if (objectiveMetric is { Length: > 0 })
        {
            columns.Add(new LeaderboardColumn(Objective, $"{objectiveMetric} ★", LeaderboardColumnGroup.Objective, Hideable: false));
        }

        foreach (var metric in KnownMetrics)
        {
            if (metric == objectiveMetric || (IsOptional(metric) && !optionalMetrics.Contains(metric)))
            {
                continue;
            }

            columns.Add(new LeaderboardColumn(metric, Title(metric), LeaderboardColumnGroup.Metric));
        }

        columns.AddRange(parameters.Distinct(StringComparer.Ordinal).Select(p => new LeaderboardColumn(ParameterPrefix + p, p, LeaderboardColumnGroup.Parameter)));
        return columns;
    }

    /// <summary>The metric columns shown only when the sweep measures them.</summary>
    public static bool IsOptional(string metric) => metric is MetricNames.ValidationAuroc or MetricNames.ValidationAuprc
        or MetricNames.ValidationDenoisePsnr or MetricNames.ValidationKnnAccuracy or MetricNames.ValidationLinearProbeAccuracy;

    /// <summary>A string that changes exactly when the set or order of columns changes (the grid is rebuilt then).</summary>
    public static string Signature(IReadOnlyList<LeaderboardColumn> columns) => string.Join('|', columns.Select(c => c.Key));

    private static string Title(string key) => key switch
    {
        PcaMse => "PCA mse",
        GainVsPca => "vs PCA",
        Epochs => "Epochs",
        Duration => "Duration",
        _ => key,
    };
}
