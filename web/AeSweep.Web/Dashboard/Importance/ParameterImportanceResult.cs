namespace AeSweep.Web.Dashboard.Importance;

/// <summary>
/// Each varying parameter's share of the importance (shares sum to 1 unless no parameter mattered), most important
/// first; <paramref name="NotEnoughData"/> says why there are no entries.
/// </summary>
public sealed record ParameterImportanceResult(IReadOnlyList<(string Parameter, double Share)> Entries, int TrialCount, string? NotEnoughData = null);
