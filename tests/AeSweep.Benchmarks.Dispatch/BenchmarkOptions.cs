using System.Globalization;

namespace AeSweep.Benchmarks.Dispatch;

/// <summary>The command line of the dispatch benchmark.</summary>
internal sealed record BenchmarkOptions(
    IReadOnlyList<int> Workers,
    int Trials,
    int? Parallel,
    IReadOnlyList<StoreMode> Modes,
    string PostgresConnection,
    string Executable,
    TimeSpan Timeout,
    bool Keep,
    int StoreProfileTrials,
    bool Subscriber = false)
{
    public const string Usage = """
        AeSweep dispatch benchmark: a no-op sweep through real coordinator and worker processes.
          --workers 1,2,4,8        worker processes per run (one slot each)
          --trials 1000            max_trials of each sweep
          --parallel N             max_parallel (default: 2 x workers, so a free slot always finds a pending trial)
          --modes sqlite           sqlite (aesweep run, embedded), postgres (aesweep coordinator + submit), or both
          --postgres CONN          for postgres: the database is dropped and created per run, so its name must
                                   start with aesweep_dispatch_bench
                                   (default: Host=127.0.0.1;Port=55432;Username=postgres;Database=aesweep_dispatch_bench)
          --aesweep PATH           the built CLI (default: src/AeSweep.Cli/bin/Release/net10.0/linux-x64/aesweep)
          --timeout 300            seconds allowed per run
          --subscriber             sqlite only: subscribe to the coordinator's pushed sweep events during each run
          --keep                   keep each run's folder (database, logs) and print where it is
          --store-profile N        first time the store calls of N no-op trials in this process, per mode (0: skip; default 500)
        """;

    public static BenchmarkOptions? Parse(string[] args, string root)
    {
        var options = new BenchmarkOptions(
            [1, 2, 4, 8],
            1000,
            null,
            [StoreMode.Sqlite],
            "Host=127.0.0.1;Port=55432;Username=postgres;Database=aesweep_dispatch_bench",
            Path.Combine(root, "src", "AeSweep.Cli", "bin", "Release", "net10.0", "linux-x64", "aesweep"),
            TimeSpan.FromSeconds(300),
            false,
            500);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--workers":
                    options = options with { Workers = [.. Next().Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))] };
                    break;
                case "--trials":
                    options = options with { Trials = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--parallel":
                    options = options with { Parallel = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--modes":
                    options = options with { Modes = [.. Next().Split(',').Select(m => Enum.Parse<StoreMode>(m, ignoreCase: true))] };
                    break;
                case "--postgres":
                    options = options with { PostgresConnection = Next() };
                    break;
                case "--aesweep":
                    options = options with { Executable = Path.GetFullPath(Next()) };
                    break;
                case "--timeout":
                    options = options with { Timeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) };
                    break;
                case "--store-profile":
                    options = options with { StoreProfileTrials = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--subscriber":
                    options = options with { Subscriber = true };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return null;
                default:
                    throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        return options;
    }

    public int ParallelFor(int workers) => Parallel ?? 2 * workers;
}
