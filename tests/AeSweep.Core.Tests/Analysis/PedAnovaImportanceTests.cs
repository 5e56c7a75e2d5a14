using System.Diagnostics;
using AeSweep.Core.Analysis;
using AeSweep.Core.Search;

namespace AeSweep.Core.Tests.Analysis;

public sealed class PedAnovaImportanceTests
{
    private static readonly string[] Names = ["learning_rate", "depth", "activation", "dropout"];

    /// <summary>
    /// A synthetic objective where the log learning rate dominates (distance from 1e-3), depth matters a little,
    /// activation a little, dropout not at all; parameters drawn uniformly (learning rate log-uniformly).
    /// </summary>
    private static List<ImportanceTrial> Synthetic(int count, int seed)
    {
        var random = new Random(seed);
        string[] activations = ["relu", "gelu", "tanh"];
        var trials = new List<ImportanceTrial>();
        for (var i = 0; i < count; i++)
        {
            var logLr = -5 + (4 * random.NextDouble());
            var depth = random.Next(1, 5);
            var activation = activations[random.Next(activations.Length)];
            var dropout = random.NextDouble() * 0.5;
            var objective = Math.Pow(logLr - Math.Log(1e-3), 2) + (0.05 * depth) + (activation == "gelu" ? 0 : 0.1) + (0.01 * random.NextDouble());
            trials.Add(new ImportanceTrial(
                new Dictionary<string, ParameterValue>
                {
                    ["learning_rate"] = ParameterValue.Of(Math.Exp(logLr)),
                    ["depth"] = ParameterValue.Of(depth),
                    ["activation"] = ParameterValue.Of(activation),
                    ["dropout"] = ParameterValue.Of(dropout),
                },
                objective));
        }

        return trials;
    }

    private static bool Log(string name) => name == "learning_rate";

    [Fact]
    public void The_dominant_parameter_ranks_first_with_most_of_the_share()
    {
        var result = PedAnovaImportance.Compute(Synthetic(400, seed: 1), Names, Log);

        Assert.Equal("learning_rate", result.Entries[0].Parameter);
        Assert.True(result.Entries[0].Share > 0.5, $"learning_rate share {result.Entries[0].Share}");
        Assert.Equal(1.0, result.Entries.Sum(e => e.Share), 6);
        Assert.False(result.LowConfidence);
        Assert.Null(result.NotEnoughData);
    }

    [Fact]
    public void The_error_bars_shrink_with_more_trials()
    {
        double Spread(int count) => PedAnovaImportance.Compute(Synthetic(count, seed: 2), Names, Log).Entries.Single(e => e.Parameter == "learning_rate").StandardDeviation;

        var few = Spread(20);
        var many = Spread(2000);

        Assert.True(many < few / 2, $"std with 20 trials {few}, with 2000 trials {many}");
        Assert.True(many > 0);
    }

    [Fact]
    public void A_handful_of_trials_gives_an_estimate_marked_low_confidence()
    {
        var result = PedAnovaImportance.Compute(Synthetic(4, seed: 3), Names, Log);

        Assert.Equal(4, result.TrialCount);
        Assert.True(result.LowConfidence);
        Assert.NotEmpty(result.Entries);
        Assert.All(result.Entries, e => Assert.True(e.StandardDeviation >= 0 && e.Share >= 0));
    }

    [Fact]
    public void Fewer_than_three_trials_say_how_many_are_needed()
    {
        var result = PedAnovaImportance.Compute(Synthetic(2, seed: 4), Names, Log);

        Assert.Empty(result.Entries);
        Assert.Contains("at least 3", result.NotEnoughData, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_with_one_value_and_trials_without_an_objective_are_left_out()
    {
        var trials = Synthetic(50, seed: 5)
            .Select(t => t with { Parameters = new Dictionary<string, ParameterValue>(t.Parameters) { ["batch_size"] = ParameterValue.Of(64) } })
            .Append(new ImportanceTrial(new Dictionary<string, ParameterValue> { ["learning_rate"] = ParameterValue.Of(1e-3) }, double.NaN))
            .ToList();

        var result = PedAnovaImportance.Compute(trials, [.. Names, "batch_size"], Log);

        Assert.Equal(50, result.TrialCount);
        Assert.DoesNotContain(result.Entries, e => e.Parameter == "batch_size");
    }

    [Fact]
    public void Ten_thousand_trials_take_well_under_a_second()
    {
        var trials = Synthetic(10_000, seed: 6);
        PedAnovaImportance.Compute(Synthetic(100, seed: 7), Names, Log);

        var clock = Stopwatch.StartNew();
        var result = PedAnovaImportance.Compute(trials, Names, Log);
        clock.Stop();

        Assert.Equal("learning_rate", result.Entries[0].Parameter);
        // The target is 1 s of server time; a loaded 2-core CI machine gets slack.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void The_same_trials_give_the_same_estimate()
    {
        var trials = Synthetic(60, seed: 8);

        Assert.Equal(PedAnovaImportance.Compute(trials, Names, Log).Entries, PedAnovaImportance.Compute(trials, Names, Log).Entries);
    }
}
