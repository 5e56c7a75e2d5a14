using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Core.Trials;

/// <summary>
/// An immutable snapshot of one trial: what samplers and pruners read (as Optuna's <c>FrozenTrial</c>).
/// The study replaces a snapshot with a new one on every change, so a sampler can hold the history
/// without locks and a study rebuilt from storage sees exactly what the old one saw.
/// </summary>
public sealed record FrozenTrial
{
    private readonly ImmutableSortedDictionary<int, double> _intermediateValues = ImmutableSortedDictionary<int, double>.Empty;

    /// <summary>The trial's number within its study, from 0 in the order the trials were asked.</summary>
    public required int Number { get; init; }

    /// <summary>Where the trial is in its life cycle.</summary>
    public required TrialState State { get; init; }

    /// <summary>The configuration: one value per active parameter.</summary>
    public required ImmutableDictionary<string, ParameterValue> Parameters { get; init; }

    /// <summary>Intermediate metric values by step (for built-in training, the step is the number of epochs done, from 1).</summary>
    public ImmutableSortedDictionary<int, double> IntermediateValues
    {
        get => _intermediateValues;
        init
        {
            _intermediateValues = value;
            // Computed once here rather than on every read: pruners and TPE read it for every trial on every call.
            LastStep = value.IsEmpty ? null : value.Keys.Last();
        }
    }

    /// <summary>The final metric value (completed trials; the last intermediate value for pruned ones), or null.</summary>
    public double? Value { get; init; }

    /// <summary>
    /// A multi-objective sweep's objective values of a completed trial, in the sweep's objective order (as the goals
    /// state them, not minimised); empty for single-objective sweeps and unfinished trials. <see cref="Value"/> is the first.
    /// </summary>
    public ImmutableArray<double> ObjectiveValues { get; init; } = [];

    /// <summary>Why the trial ended as it did (failure message, pruning rung), or null.</summary>
    public string? Reason { get; init; }

    /// <summary>The largest step with an intermediate value, or null when none was reported.</summary>
    public int? LastStep { get; private init; }

    /// <summary>The intermediate value at <see cref="LastStep"/>, or null.</summary>
    public double? LastIntermediateValue => LastStep is { } step ? _intermediateValues[step] : null;

    /// <summary>Creates a new running trial with no values yet.</summary>
    public static FrozenTrial Start(int number, IReadOnlyDictionary<string, ParameterValue> parameters) => new()
    {
        Number = number,
        State = TrialState.Running,
        Parameters = parameters.ToImmutableDictionary(StringComparer.Ordinal),
    };
}
