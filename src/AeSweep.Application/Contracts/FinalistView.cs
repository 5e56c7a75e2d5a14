using System.Text.Json;
using System.Text.Json.Serialization;

namespace AeSweep.Application.Contracts;

/// <summary>
/// A seed-robust finalist (<c>finalize:</c>): the original search trial's id and configuration, every run of it (the
/// original first, then the finalist runs with their new seeds), and per metric the mean and the sample standard
/// deviation (n − 1) over the completed finalist runs only — the original is listed but left out of both, because it
/// was picked for being among the best and would bias the mean (the winner's curse). <c>rank</c> orders finalists by
/// the mean of the sweep's metric (1 = best); a finalist without a completed run has no rank.
/// </summary>
public sealed record FinalistView(
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("trial_id")] string TrialId,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, JsonElement> Parameters,
    [property: JsonPropertyName("runs")] IReadOnlyList<FinalistRunView> Runs,
    [property: JsonPropertyName("completed_runs")] int CompletedRuns,
    [property: JsonPropertyName("mean")] IReadOnlyDictionary<string, double> Mean,
    [property: JsonPropertyName("std")] IReadOnlyDictionary<string, double> Std);
