using System.Text.Json;
using AeSweep.Application.Contracts;

namespace AeSweep.Cli.Remote;

/// <summary>What the remote verbs print from the API's contract records: <c>--json</c> text and parameter lists.</summary>
internal static class ContractText
{
    /// <summary>The record as the API wrote it (same field names and order).</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    /// <summary><c>name=value, …</c> in name order, escaped for the terminal (names and strings come from whoever submitted the sweep).</summary>
    public static string Parameters(IReadOnlyDictionary<string, JsonElement> parameters) =>
        TerminalText.Escape(string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));

    /// <summary>Trials with an objective, best first for the sweep's goal.</summary>
    public static IEnumerable<TrialView> BestFirst(IEnumerable<TrialView> trials, string goal) =>
        trials.Where(t => t.Objective is not null).OrderBy(t => goal == "maximize" ? -t.Objective!.Value : t.Objective!.Value);
}
