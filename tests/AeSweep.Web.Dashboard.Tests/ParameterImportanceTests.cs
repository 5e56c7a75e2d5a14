using AeSweep.Core.Search;
using AeSweep.Web.Dashboard.Importance;

namespace AeSweep.Web.Dashboard.Tests;

public sealed class ParameterImportanceTests
{
    private static List<ImportanceSample> Samples(int count, Func<double, double, string, double> objective, int seed = 5)
    {
        var random = new Random(seed);
        string[] losses = ["mse", "l1", "bce"];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var lr = Math.Pow(10, -4 + (3 * random.NextDouble()));
            var width = 32 + random.Next(0, 5) * 32.0;
            var loss = losses[random.Next(3)];
            return new ImportanceSample(
                new Dictionary<string, ParameterValue> { ["learning_rate"] = ParameterValue.Of(lr), ["width"] = ParameterValue.Of((long)width), ["loss"] = ParameterValue.Of(loss) },
                objective(lr, width, loss));
        })];
    }

    private static readonly string[] Names = ["learning_rate", "width", "loss"];

    [Fact]
    public void The_parameter_that_drives_the_objective_gets_most_of_the_importance()
    {
        var samples = Samples(40, (lr, _, _) => Math.Abs(Math.Log10(lr) + 2.5));

        var result = ParameterImportance.Compute(samples, Names);

        Assert.Null(result.NotEnoughData);
        Assert.Equal("learning_rate", result.Entries[0].Parameter);
        Assert.True(result.Entries[0].Share > 0.7, $"learning_rate share {result.Entries[0].Share}");
        Assert.Equal(1.0, result.Entries.Sum(e => e.Share), 6);
    }

    [Fact]
    public void A_categorical_parameter_can_be_the_important_one()
    {
        var samples = Samples(40, (_, _, loss) => loss == "bce" ? 0.02 : loss == "mse" ? 0.05 : 0.09);

        var result = ParameterImportance.Compute(samples, Names);

        Assert.Equal("loss", result.Entries[0].Parameter);
        Assert.True(result.Entries[0].Share > 0.7);
    }

    [Fact]
    public void The_same_trials_give_the_same_importance()
    {
        var samples = Samples(30, (lr, width, _) => lr * 100 + width / 1000);
        Assert.Equal(ParameterImportance.Compute(samples, Names).Entries, ParameterImportance.Compute(samples, Names).Entries);
    }

    [Fact]
    public void Too_few_trials_give_no_bars_and_say_why()
    {
        var result = ParameterImportance.Compute(Samples(4, (lr, _, _) => lr), Names);
        Assert.Empty(result.Entries);
        Assert.Contains("at least", result.NotEnoughData);
    }

    [Fact]
    public void Constant_parameters_are_left_out()
    {
        var samples = Samples(20, (lr, _, _) => lr)
            .Select(s => s with { Parameters = new Dictionary<string, ParameterValue>(s.Parameters) { ["epochs"] = ParameterValue.Of(5L) } })
            .ToList();
        var result = ParameterImportance.Compute(samples, [.. Names, "epochs"]);
        Assert.DoesNotContain(result.Entries, e => e.Parameter == "epochs");
    }
}
