using AeSweep.Core.Catalog;
using AeSweep.Core.Definitions;
using AeSweep.Core.Search;
using AeSweep.Storage.Model;

namespace AeSweep.Application.Views;

/// <summary>The one place store snapshots become the typed view records.</summary>
internal static class RecordMapping
{
    public static SweepRecord Sweep(SweepSnapshot s) => new(s.Id, s.Name, s.State, s.MetricName, s.MetricGoal, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Reason);

    public static TrialRecord Trial(TrialSnapshot t) => new(
        t.Id, t.SweepId, t.Number, t.State, t.Parameters, t.Attempt, t.WorkerId, t.CreatedAt, t.StartedAt, t.FinishedAt, t.FinalMetrics, t.ObjectiveValue, t.Reason, t.FinalistOf, t.Origin, t.RetryOf);

    public static EpochRecord Epoch(EpochMetrics e) => new(e.Epoch, e.Metrics, e.Attempt, e.RecordedAt);

    public static IReadOnlyList<EpochRecord> Epochs(IReadOnlyList<EpochMetrics> epochs) => [.. epochs.Select(Epoch)];

    public static ArtifactRecord Artifact(ArtifactInfo a) => new(a.Name, a.ContentType, a.Bytes);

    public static SweepDesign? Design(SweepDefinition? definition) => definition is null
        ? null
        : new SweepDesign(
            definition.Method.ToString().ToLowerInvariant(),
            definition.Budget.MaxTrials,
            [.. definition.SearchSpace.Parameters.Select(p => p.Name)],
            definition.SearchSpace.Parameters.Where(p => p.Distribution is ConstantDistribution).Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            definition.SearchSpace.Parameters.Where(p => p.Distribution is FloatDistribution { Log: true } or IntDistribution { Log: true }).Select(p => p.Name).ToHashSet(StringComparer.Ordinal),
            StoredDefinitions.Sampler(definition)!,
            definition.Dataset?.AnomalyClasses is { } anomalyClasses ? [.. anomalyClasses] : null)
        {
            RunsUntilCancelled = definition.Budget is { MaxTrials: null, MaxMinutes: null } && definition.Method != SearchMethod.Grid,
            Choices = definition.SearchSpace.Parameters
                .Where(p => p.Distribution is CategoricalDistribution)
                .ToDictionary(p => p.Name, p => (IReadOnlyList<ParameterValue>)[.. ((CategoricalDistribution)p.Distribution).Choices], StringComparer.Ordinal),
        };

    /// <summary>The epochs a trial plans, when its <c>epochs</c> parameter says.</summary>
    public static int? PlannedEpochs(IReadOnlyDictionary<string, ParameterValue> parameters) =>
        parameters.TryGetValue(ParameterNames.Epochs, out var e) && e.IsNumeric ? (int)e.AsDouble() : null;
}
