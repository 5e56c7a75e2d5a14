using System.Collections.Immutable;
using AeSweep.Core.Search;

namespace AeSweep.Benchmarks.Search;

/// <summary>
/// The four objectives exactly as ../shared/reference/optuna_functions.py defines them (same names,
/// ranges, log flags and formulas), plus two of ours exactly as optuna_samplers.py defines them
/// (a shifted Ackley and an autoencoder-shaped conditional space), so our figures and Optuna's compare like with like.
/// </summary>
internal static class TestFunctions
{
    private static readonly double[][] HartmannA =
    [
        [10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14],
    ];

    private static readonly double[][] HartmannP =
    [
        [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
        [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
    ];

    private static readonly double[] HartmannC = [1.0, 1.2, 3.0, 3.2];

    public static IReadOnlyList<TestFunction> All { get; } = [Branin(), Hartmann6(), Rosenbrock4Log(), Mixed(), Ackley5Shifted(), AeConditional(), ConditionalTestFunction.Create()];

    public static TestFunction Branin()
    {
        var space = new SearchSpace([new("x1", new FloatDistribution(-5, 10)), new("x2", new FloatDistribution(0, 15))]);
        // A 10 × 10 grid over the same square: 100 points, the whole grid at 100 trials.
        var grid = new SearchSpace([new("x1", new FloatDistribution(-5, 10, step: 15.0 / 9)), new("x2", new FloatDistribution(0, 15, step: 15.0 / 9))]);
        return new TestFunction("branin", space, p =>
        {
            double x1 = p["x1"].AsDouble(), x2 = p["x2"].AsDouble();
            return Math.Pow(x2 - (5.1 / (4 * Math.PI * Math.PI) * x1 * x1) + (5 / Math.PI * x1) - 6, 2) + (10 * (1 - (1 / (8 * Math.PI))) * Math.Cos(x1)) + 10;
        }, grid, 0.397887);
    }

    public static TestFunction Hartmann6()
    {
        var space = new SearchSpace(Enumerable.Range(0, 6).Select(i => new SearchParameter($"x{i}", new FloatDistribution(0, 1))));
        return new TestFunction("hartmann6", space, p =>
        {
            var x = new double[6];
            for (var j = 0; j < 6; j++)
            {
                x[j] = p[$"x{j}"].AsDouble();
            }

            return HartmannValue(x);
        }, null, -3.32237);
    }

    public static double HartmannValue(double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
            {
                inner += HartmannA[i][j] * (x[j] - HartmannP[i][j]) * (x[j] - HartmannP[i][j]);
            }

            sum += HartmannC[i] * Math.Exp(-inner);
        }

        return -sum;
    }

    public static TestFunction Rosenbrock4Log()
    {
        var space = new SearchSpace(Enumerable.Range(0, 4).Select(i => new SearchParameter($"x{i}", new FloatDistribution(1e-3, 10, log: true))));
        return new TestFunction("rosenbrock4_log", space, p =>
        {
            var total = 0.0;
            for (var i = 0; i < 3; i++)
            {
                double xi = p[$"x{i}"].AsDouble(), xn = p[$"x{i + 1}"].AsDouble();
                total += (100 * (xn - (xi * xi)) * (xn - (xi * xi))) + ((1 - xi) * (1 - xi));
            }

            return total;
        }, null, 0);
    }

    public static TestFunction Mixed()
    {
        ImmutableArray<ParameterValue> activations = [ParameterValue.Of("relu"), ParameterValue.Of("tanh"), ParameterValue.Of("sigmoid"), ParameterValue.Of("gelu")];
        var space = new SearchSpace(
        [
            new("activation", new CategoricalDistribution(activations)),
            new("depth", new IntDistribution(1, 8)),
            new("lr", new FloatDistribution(1e-5, 1e-1, log: true)),
            new("width", new IntDistribution(16, 1024, log: true)),
        ]);
        // The grid a user would write: every activation and depth, decades of lr, powers of two of width (1,120 points).
        var grid = new SearchSpace(
        [
            new("activation", new CategoricalDistribution(activations)),
            new("depth", new IntDistribution(1, 8)),
            new("lr", new CategoricalDistribution([.. new[] { 1e-5, 1e-4, 1e-3, 1e-2, 1e-1 }.Select(ParameterValue.Of)])),
            new("width", new CategoricalDistribution([.. new long[] { 16, 32, 64, 128, 256, 512, 1024 }.Select(ParameterValue.Of)])),
        ]);
        return new TestFunction("mixed", space, p =>
        {
            var act = p["activation"].AsString() switch { "relu" => 0.0, "tanh" => 0.3, "sigmoid" => 0.8, _ => 0.1 };
            var depth = p["depth"].AsDouble();
            var lr = p["lr"].AsDouble();
            var width = p["width"].AsDouble();
            return act + (0.05 * (depth - 3) * (depth - 3)) + Math.Pow(Math.Log10(lr) + 3, 2) + (0.5 * Math.Pow(Math.Log2(width) - 8, 2) / 4);
        }, grid, 0);
    }

    /// <summary>Ackley in 5 dimensions over [-5, 10]^5, shifted so its minimum (0) is at x_i = 1.5, away from the box's centre.</summary>
    public static TestFunction Ackley5Shifted()
    {
        var space = new SearchSpace(Enumerable.Range(0, 5).Select(i => new SearchParameter($"x{i}", new FloatDistribution(-5, 10))));
        return new TestFunction("ackley5_shifted", space, p =>
        {
            double squares = 0, cosines = 0;
            for (var i = 0; i < 5; i++)
            {
                var z = p[$"x{i}"].AsDouble() - 1.5;
                squares += z * z;
                cosines += Math.Cos(2 * Math.PI * z);
            }

            return (-20 * Math.Exp(-0.2 * Math.Sqrt(squares / 5))) - Math.Exp(cosines / 5) + 20 + Math.E;
        }, null, 0);
    }

    /// <summary>
    /// An autoencoder-shaped space with conditional parameters: the family decides which further parameters exist
    /// (<c>kernel</c> for conv, <c>beta</c> for vae). Minimum 0: conv, lr = 10^-3.5, code_size 32, kernel 5.
    /// </summary>
    public static TestFunction AeConditional()
    {
        ImmutableArray<ParameterValue> families = [ParameterValue.Of("dense"), ParameterValue.Of("conv"), ParameterValue.Of("vae")];
        var space = new SearchSpace(
        [
            new("family", new CategoricalDistribution(families)),
            new("lr", new FloatDistribution(1e-5, 1e-1, log: true)),
            new("code_size", new IntDistribution(2, 256, log: true)),
            new("kernel", new IntDistribution(3, 7, step: 2), new ParameterCondition("family", [ParameterValue.Of("conv")])),
            new("beta", new FloatDistribution(1e-3, 10, log: true), new ParameterCondition("family", [ParameterValue.Of("vae")])),
        ]);
        return new TestFunction("ae_conditional", space, p =>
        {
            var family = p["family"].AsString();
            var lr = Math.Log10(p["lr"].AsDouble());
            var value = (family switch { "dense" => 0.2, "conv" => 0.0, _ => 0.1 }) + (0.3 * Math.Pow(Math.Log2(p["code_size"].AsDouble()) - 5, 2) / 4);
            return family switch
            {
                "conv" => value + (0.1 * Math.Pow(p["kernel"].AsDouble() - 5, 2) / 4) + Math.Pow(lr + 3.5, 2),
                "vae" => value + (0.5 * Math.Pow(Math.Log10(p["beta"].AsDouble()) + 1, 2)) + Math.Pow(lr + 3, 2),
                _ => value + Math.Pow(lr + 3, 2),
            };
        }, null, 0);
    }
}
