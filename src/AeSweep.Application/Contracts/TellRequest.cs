using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AeSweep.Core.Trials;

namespace AeSweep.Application.Contracts;

/// <summary>
/// The body of <c>POST /api/trials/{id}/tell</c>: the metric's <c>value</c> (required when completed), the final
/// <c>state</c> (completed, pruned or failed; default completed), optional <c>intermediate_values</c> by epoch and a
/// <c>reason</c>. <see cref="Validate"/> names the first wrong field.
/// </summary>
public sealed record TellRequest(
    [property: JsonPropertyName("value")] double? Value = null,
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("intermediate_values")] IReadOnlyDictionary<string, double>? IntermediateValues = null,
    [property: JsonPropertyName("reason")] string? Reason = null)
{
    /// <summary>The fields a tell may carry.</summary>
    public static readonly IReadOnlyList<string> Fields = ["value", "state", "intermediate_values", "reason"];

    /// <summary>Fields the body had that a tell does not know (kept so that validation can name them).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }

    /// <summary>The first wrong field with its message; null when the tell is valid.</summary>
    public FieldErrorView? Validate()
    {
        if (UnknownFields is { Count: > 0 } unknown)
        {
            return Error(unknown.Keys.First(), "unknown field; expected value, state, intermediate_values or reason");
        }

        if (ParseState(State) is null)
        {
            return Error("state", "must be completed, pruned or failed");
        }

        if (Value is { } value && !double.IsFinite(value))
        {
            return Error("value", "must be a finite number");
        }

        if (ParseState(State) == TrialState.Completed && Value is null)
        {
            return Error("value", "required for a completed trial: the sweep metric's value");
        }

        foreach (var (key, step) in IntermediateValues ?? new Dictionary<string, double>())
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) || !EpochLimit.Allows(epoch))
            {
                return Error($"intermediate_values.{key}", $"the key must be an epoch number from 0 to {EpochLimit.Max:N0}");
            }

            if (!double.IsFinite(step))
            {
                return Error($"intermediate_values.{key}", "must be a finite number");
            }
        }

        return null;
    }

    /// <summary>The final state the tell asks for (null state means completed); null when it is not one a tell may set.</summary>
    public static TrialState? ParseState(string? state) => state switch
    {
        null or "completed" => TrialState.Completed,
        "pruned" => TrialState.Pruned,
        "failed" => TrialState.Failed,
        _ => null,
    };

    /// <summary>
    /// The message for a field whose JSON has the wrong type (a string where a number belongs, …), by its path
    /// (<c>value</c>, <c>intermediate_values.3</c>): the same words <see cref="Validate"/> uses.
    /// </summary>
    public static string WrongTypeMessage(string path) => path switch
    {
        "value" => "must be a finite number",
        "state" => "must be completed, pruned or failed",
        "intermediate_values" => "must be an object {epoch: value}",
        "reason" => "must be a string",
        _ when path.StartsWith("intermediate_values.", StringComparison.Ordinal) => "must be a finite number",
        _ => "must be a JSON object {value, state?, intermediate_values?, reason?}",
    };

    private static FieldErrorView Error(string path, string message) => new(path, null, message);
}
