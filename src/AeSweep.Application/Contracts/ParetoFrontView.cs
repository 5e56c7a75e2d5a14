using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// A multi-objective sweep's Pareto front (<c>GET /api/sweeps/{id}/pareto</c>): the objectives, the completed trials no
/// other completed trial dominates — ordered by the first objective (best first), then by trial number — how many
/// completed trials were compared, and the PCA baseline's validation MSE at each code size a trial trained with
/// (empty for data or programs without the baseline).
/// </summary>
public sealed record ParetoFrontView(
    [property: JsonPropertyName("sweep_id")] string SweepId,
    [property: JsonPropertyName("objectives")] IReadOnlyList<ParetoObjectiveView> Objectives,
    [property: JsonPropertyName("trials")] IReadOnlyList<ParetoTrialView> Trials,
    [property: JsonPropertyName("completed_trials")] int CompletedTrials,
    [property: JsonPropertyName("pca_curve")] IReadOnlyList<PcaCurvePointView> PcaCurve);
