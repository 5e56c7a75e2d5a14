using System.Globalization;

namespace AeSweep.Benchmarks.Search;

internal sealed record BenchmarkOptions
{
    public int Seeds { get; init; } = 20;

    public int Trials { get; init; } = 100;

    /// <summary>Seeds of a second run of our TPE alone, to show how far a 20-seed median wanders (0: skip).</summary>
    public int ExtraSeeds { get; init; } = 100;

    public IReadOnlyList<int> Checkpoints { get; init; } = [30, 60, 100];

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string> { "quality", "latency", "pruning" };

    public IReadOnlyList<string> Samplers { get; init; } = ["random", "grid", "tpe", "tpe-mv", "gp", "auto"];

    public IReadOnlySet<string>? Functions { get; init; }

    public string OptunaScript { get; init; } = "../shared/reference/optuna_functions.py";

    public IReadOnlyList<string>? OptunaResults { get; init; }

    /// <summary>Our side-by-side script: Optuna's TPE, multivariate TPE, CMA-ES and random on every function.</summary>
    public string OptunaSamplersScript { get; init; } = "tests/AeSweep.Benchmarks.Search/optuna_samplers.py";

    /// <summary>Optuna's model samplers our <see cref="Compare"/> sampler must match or beat (the best of them, per cell).</summary>
    public IReadOnlyList<string> OptunaSamplers { get; init; } = ["tpe", "tpe-mv", "cmaes"];

    /// <summary>Our sampler held against the best of <see cref="OptunaSamplers"/> in the target table.</summary>
    public string Compare { get; init; } = "auto";

    public bool NoOptuna { get; init; }

    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--seeds" => options with { Seeds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--extra-seeds" => options with { ExtraSeeds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--trials" => options with { Trials = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--checkpoints" => options with { Checkpoints = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--only" => options with { Only = Next().Split(',').ToHashSet() },
                "--samplers" => options with { Samplers = Next().Split(',') },
                "--functions" => options with { Functions = Next().Split(',').ToHashSet() },
                "--optuna-script" => options with { OptunaScript = Next() },
                "--optuna-results" => options with { OptunaResults = Next().Split(',') },
                "--optuna-samplers" => options with { OptunaSamplers = Next().Split(',') },
                "--compare" => options with { Compare = Next() },
                "--no-optuna" => options with { NoOptuna = true },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
