using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// A conditional objective shaped like an optimiser choice: each optimiser has its own learning rate and
/// momentum-like parameter (active only under it), and the best learning rate moves with the width, so a
/// model that keeps parameters together (multivariate, grouped) has something to find.
/// </summary>
internal static class ConditionalTestFunction
{
    public static TestFunction Create()
    {
        ImmutableArray<ParameterValue> sgd = [ParameterValue.Of("sgd")];
        ImmutableArray<ParameterValue> adam = [ParameterValue.Of("adam")];
        var space = new SearchSpace(
        [
            new("optimizer", new CategoricalDistribution([ParameterValue.Of("sgd"), ParameterValue.Of("adam")])),
            new("width", new IntDistribution(16, 1024, log: true)),
            new("dropout", new FloatDistribution(0, 0.5)),
            new("sgd_lr", new FloatDistribution(1e-4, 1, log: true), new ParameterCondition("optimizer", sgd)),
            new("sgd_momentum", new FloatDistribution(0, 0.99), new ParameterCondition("optimizer", sgd)),
            new("adam_lr", new FloatDistribution(1e-5, 1e-1, log: true), new ParameterCondition("optimizer", adam)),
            new("adam_beta1", new FloatDistribution(0.8, 0.999), new ParameterCondition("optimizer", adam)),
        ]);
        return new TestFunction("conditional_opt", space, p =>
        {
            var w = Math.Log2(p["width"].AsDouble()) - 7;
            var common = (4 * Math.Pow(p["dropout"].AsDouble() - 0.1, 2)) + (0.02 * w * w);
            if (p["optimizer"].AsString() == "sgd")
            {
                return 0.2 + common + Math.Pow(Math.Log10(p["sgd_lr"].AsDouble()) + 1 + (0.15 * w), 2) + (2 * Math.Pow(p["sgd_momentum"].AsDouble() - 0.9, 2));
            }

            return common + Math.Pow(Math.Log10(p["adam_lr"].AsDouble()) + 3 + (0.25 * w), 2) + (5 * Math.Pow(p["adam_beta1"].AsDouble() - 0.9, 2));
        }, null, 0);
    }
}
