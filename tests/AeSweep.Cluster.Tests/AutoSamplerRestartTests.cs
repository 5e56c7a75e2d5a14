using AeSweep.Core.Definitions;
using AeSweep.Core.Definitions.Stored;
using AeSweep.Core.Search;
using AeSweep.Core.Search.Pruners;
using AeSweep.Core.Search.Samplers;
using AeSweep.Core.Trials;
using AeSweep.Storage;
using AeSweep.Storage.Model;

namespace AeSweep.Cluster.Tests;

/// <summary><c>method: auto</c> after a coordinator restart: the study rebuilt from the stored document and trials asks what the original would have.</summary>
public sealed class AutoSamplerRestartTests
{
    private const string Yaml = """
        name: auto-restart
        program: {ask_tell: true}
        method: auto
        metric: {name: loss, goal: minimize}
        parameters:
          x: {min: -5.0, max: 5.0}
          lr: {distribution: log_uniform, min: 0.0001, max: 0.1}
          kind: {values: [a, b]}
          depth: {min: 1, max: 4}
        budget: {max_trials: 40}
        seed: 21
        """;

    private static double Loss(IReadOnlyDictionary<string, ParameterValue> p) =>
        Math.Pow(p["x"].AsDouble() - 1, 2) + Math.Abs(Math.Log10(p["lr"].AsDouble()) + 2) + (p["kind"].AsString() == "a" ? 0 : 0.5) + p["depth"].AsDouble();

    [Theory]
    [InlineData(5)]
    [InlineData(25)]
    public void A_study_rebuilt_from_the_store_asks_what_the_original_would_have(int finished)
    {
        var definition = SweepDefinitionParser.Parse(Yaml).Definition!;
        var original = new Study(definition.SearchSpace, SamplerFactory.Create(definition, 21), NopPruner.Instance, MetricGoal.Minimize);
        for (var n = 0; n < finished; n++)
        {
            var s = original.Ask(n);
            original.Tell(n, Loss(s.Parameters));
        }

        // Two trials in flight when the coordinator stopped: the store has them pending and running.
        original.Ask(finished);
        original.Ask(finished + 1);
        var now = DateTimeOffset.UnixEpoch;
        var sweep = new SweepSnapshot("s1", definition.Name, StoredSweepDocument.Write(definition), SweepDefinitionFormat.Json, SweepState.Running, 21, "loss", MetricGoal.Minimize, now, now, null, null);
        var trials = original.Trials.Select(t => new TrialSnapshot(
            $"s1-{t.Number}", "s1", t.Number, t.Number == finished ? TrialState.Pending : t.State, t.Parameters, 1, null, null, null, null, null, now, now, null, null, t.Value, null)).ToList();

        var rebuilt = SweepStudyFactory.Create(SweepStudyFactory.ParseStoredDefinition(sweep), new SweepHistory(sweep, trials, new Dictionary<string, IReadOnlyList<EpochMetrics>>()), out _);

        Assert.Equal(original.Ask(finished + 2).Parameters, rebuilt.Ask(finished + 2).Parameters);
    }
}
