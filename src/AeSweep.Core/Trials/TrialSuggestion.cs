using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Core.Trials;

/// <summary>What <see cref="Study.Ask"/> hands out: a new trial's number and the configuration to train.</summary>
/// <param name="Number">The trial's number within the study.</param>
/// <param name="Parameters">One value per active parameter.</param>
public sealed record TrialSuggestion(int Number, ImmutableDictionary<string, ParameterValue> Parameters);
