using System.Collections.Immutable;
using AeSweep.Core.Definitions;
using AeSweep.Core.Trials;

namespace AeSweep.Core.Search.WarmStart;

/// <summary>
/// The trials of earlier sweeps that inform a sweep's sampler (<c>warm_start:</c>), and what was left out and why.
/// </summary>
/// <remarks>
/// <para>A trial is imported when it finished — completed with a value, or pruned with at least one value of the
/// metric (the samplers that learn from pruned trials use its last one) — and fits this sweep: every parameter it has
/// is a parameter of this space with a value the space can produce, every active parameter is present, and the
/// constraints hold. Anything else finished is skipped and counted.</para>
/// <para>A whole sweep is skipped (with a note) when its metric or goal differs from this sweep's: values of another
/// metric, or ranked the other way, would teach the model the wrong thing. Running, failed and cancelled trials carry
/// no value and are not counted.</para>
/// <para>Imported trials get negative numbers (−N … −1, in the sources' order), so they come before the sweep's own
/// trials in the sampler's history and never collide with their numbers; they are not the sweep's trials and count
/// toward no budget, number, best or progress.</para>
/// </remarks>
public sealed record WarmStartImport(ImmutableArray<FrozenTrial> Trials, int Skipped, ImmutableArray<string> Notes)
{
    /// <summary>Nothing imported.</summary>
    public static WarmStartImport None { get; } = new([], 0, []);

    /// <summary>How many trials were imported.</summary>
    public int Imported => Trials.Length;

    /// <summary>Selects the trials of <paramref name="sources"/> that fit <paramref name="definition"/>.</summary>
    /// <param name="definition">The sweep being warm-started.</param>
    /// <param name="sources">The earlier sweeps found in the store.</param>
    /// <param name="missing">Ids named in the file but no longer in the store (deleted since submission): noted, not fatal.</param>
    public static WarmStartImport Select(SweepDefinition definition, IEnumerable<WarmStartSource> sources, IEnumerable<string>? missing = null)
    {
        var kept = new List<FrozenTrial>();
        var skipped = 0;
        var notes = new List<string>();
        foreach (var id in missing ?? [])
        {
            notes.Add($"sweep {id} is not in the store; nothing imported from it");
        }

        foreach (var source in sources)
        {
            if (source.Metric.Name != definition.Metric.Name || source.Metric.Goal != definition.Metric.Goal)
            {
                notes.Add($"sweep {source.SweepId} ranks by {Describe(source.Metric)}, this sweep by {Describe(definition.Metric)}; its trials are skipped");
                skipped += source.Trials.Count(IsFinished);
                continue;
            }

            var before = kept.Count;
            var finished = 0;
            foreach (var trial in source.Trials.Where(IsFinished))
            {
                finished++;
                if (HasValue(trial, definition) && Fits(trial.Parameters, definition))
                {
                    kept.Add(trial);
                }
            }

            skipped += finished - (kept.Count - before);
        }

        var renumbered = kept.Select((t, i) => t with { Number = i - kept.Count }).ToImmutableArray();
        return new WarmStartImport(renumbered, skipped, [.. notes]);
    }

    /// <summary>Whether a configuration belongs to the sweep's space and satisfies its constraints.</summary>
    public static bool Fits(IReadOnlyDictionary<string, ParameterValue> parameters, SweepDefinition definition) =>
        definition.SearchSpace.Check(parameters).Count == 0 && definition.Constraints.IsSatisfiedBy(parameters);

    private static bool IsFinished(FrozenTrial trial) => trial.State is TrialState.Completed or TrialState.Pruned;

    private static bool HasValue(FrozenTrial trial, SweepDefinition definition) => trial.State switch
    {
        TrialState.Completed when definition.IsMultiObjective => trial.ObjectiveValues.Length == definition.Objectives.Count,
        TrialState.Completed => trial.Value is { } v && double.IsFinite(v),
        TrialState.Pruned => trial.LastStep is not null,
        _ => false,
    };

    private static string Describe(MetricSpec metric) => $"{metric.Name} ({(metric.Goal == MetricGoal.Minimize ? "minimize" : "maximize")})";
}
